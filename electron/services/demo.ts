import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../shared/case';
import { adoptShippedLaw, onLegacyLaw, parseCatalog, type Catalog } from '../../shared/catalog';
import { inTransaction, sql, type Db } from '../store/db';
import { hashPasswordSync } from '../../node-shared/passwords';
import type { Power } from '../../shared/catalog';
import { saveSealPin } from '../store/seal-pins';
import { addSealKey } from '../store/seal-keys';
import { guessablePin } from './pin-policy';
import type { KeyProtector } from '../store/device';
import {
  getSetting,
  insertStaff,
  insertWindow,
  listItems,
  replaceCatalog,
  replaceWindowPowers,
  setSetting,
  type TerminalBinding,
} from '../store/reference';
import { uuidv7 } from '../store/uuidv7';
import { hasPhrases, savePhrases, shippedPhrasesOf } from '../store/phrases';

export type DemoAccount = {
  username: string;
  name: string;
  role: Role;
  password: string;
  /** the chief's seal PIN at this terminal */
  sealPin?: string;
};

// One demo hall with one window, the same id in every demo data folder: two demo PCs are two PCs
// of that window, as two PCs enrolled to one window of a real center would be (the case scope
// lets a window's PCs act on each other's cases, not another window's).
export const demoWindow = {
  id: 'w-demo-sj01',
  code: 'SJ01',
  name: '市场监管窗口',
  departmentCode: 'SJ',
};

// 药品零售企业经营许可 is approved above the district (报批件): the demo window may take it in
// and deliver the result, but neither decide it nor make its certificate.
const referredItem = 'SJ-003';
const allPowers: Power[] = ['accept', 'approve', 'coordinate', 'deliver', 'respond', 'certify'];

// The demo's passwords lie in plain text in demo-accounts.json beside the database, so a costly
// hash would protect nothing and only make every fresh demo folder (each e2e test's) wait five
// times 128 MiB of scrypt. Real accounts come from the center at the full cost.
const demoPasswordCost = 1 << 12;

const demoStaff: Omit<DemoAccount, 'password'>[] = [
  { username: 'clerk', name: '张敏', role: 'clerk' },
  { username: 'chief', name: '李建国', role: 'chief' },
  { username: 'reviewer', name: '王芳', role: 'reviewer' },
  { username: 'manager', name: '陈静', role: 'manager' },
  { username: 'supervisor', name: '赵刚', role: 'supervisor' },
];

/**
 * A terminal with no staff yet gets the embedded demo: the default catalog, one window of the
 * market regulation department and one account per role. Passwords are random per data folder
 * (a demo must not teach the hall a shared password) and kept in demo-accounts.json beside it.
 */
export function seedDemo(
  db: Db,
  resourcesDir: string,
  dataDir: string,
  protector: KeyProtector | null = null,
): DemoAccount[] {
  const accountsFile = join(dataDir, 'demo-accounts.json');
  const catalog = shippedCatalog(resourcesDir);
  // Checked and seeded under one write lock: two processes starting on a fresh folder at the
  // same moment must not both seed.
  const seeded = inTransaction(db, () => {
    if (sql(db, 'SELECT 1 FROM staff LIMIT 1').get() !== undefined) return null;
    // the passwords of an earlier seed: a database without staff beside them is a lost one, and
    // new passwords written over them would lock the hall out of its old backups too
    if (existsSync(accountsFile)) {
      throw new Error(
        `${accountsFile} 已存在而数据库中没有工作人员：数据库可能已丢失，请从备份恢复`,
      );
    }
    const accounts: DemoAccount[] = demoStaff.map((s) => ({
      ...s,
      password: demoPassword(),
      ...(s.role === 'chief' ? { sealPin: demoPin() } : {}),
    }));
    replaceCatalog(db, catalog);
    const windowId = demoWindow.id;
    insertWindow(db, {
      id: windowId,
      code: demoWindow.code,
      name: demoWindow.name,
      department_code: demoWindow.departmentCode,
    });
    setSetting(db, 'terminal.binding', { windowId, number: 1 } satisfies TerminalBinding);
    setSetting(db, 'center.name', '示范区政务服务中心');
    savePhrases(db, shippedPhrasesOf(resourcesDir, demoWindow.departmentCode));
    replaceWindowPowers(
      db,
      catalog.items
        .filter((i) => i.departmentCode === demoWindow.departmentCode)
        .map((i) => ({
          windowId,
          itemCode: i.code,
          powers:
            i.code === referredItem
              ? allPowers.filter((p) => p !== 'approve' && p !== 'certify')
              : allPowers,
        })),
    );
    for (const a of accounts) {
      const atWindow = a.role === 'clerk' || a.role === 'chief' || a.role === 'reviewer';
      const id = uuidv7();
      insertStaff(db, {
        id,
        username: a.username,
        name: a.name,
        role: a.role,
        window_id: atWindow ? windowId : null,
        password_hash: hashPasswordSync(a.password, demoPasswordCost),
        active: 1,
      });
      // the chief's own seal key, locked under the PIN: the demo's decisions are sealed for real
      if (a.sealPin) {
        addSealKey(db, protector, { id, username: a.username }, a.sealPin, new Date());
        saveSealPin(db, id, '', new Date().toISOString());
      }
    }
    // Written before the commit: if writing fails nothing is seeded, so the passwords are never
    // lost; the rename makes the file appear whole or not at all.
    const partial = `${accountsFile}.tmp`;
    writeFileSync(partial, JSON.stringify(accounts, null, 2), { mode: 0o600 });
    renameSync(partial, accountsFile);
    return accounts;
  });
  if (seeded) return seeded;
  return existsSync(accountsFile)
    ? (JSON.parse(readFileSync(accountsFile, 'utf8')) as DemoAccount[])
    : [];
}

// six digits the PIN rules accept
function demoPin(): string {
  for (;;) {
    const pin = String(randomInt(1_000_000)).padStart(6, '0');
    if (!guessablePin(pin)) return pin;
  }
}

function demoPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  let out = '';
  for (let i = 0; i < 10; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

function shippedCatalog(resourcesDir: string): Catalog {
  return parseCatalog(
    JSON.parse(readFileSync(join(resourcesDir, 'catalog', 'default-catalog.json'), 'utf8')),
  );
}

/**
 * A demo PC updated past the catalog's law holds the demo catalog on the legacy reading its
 * migration gave (working days under Art. 42): the shipped law instead, as an enrolled PC gets it
 * from the center. Nothing happens once no item is legacy.
 */
export function adoptShippedLawInDemo(db: Db, resourcesDir: string): void {
  const items = listItems(db);
  if (!items.some(onLegacyLaw)) return;
  const shipped = shippedCatalog(resourcesDir).items;
  const update = sql(db, 'UPDATE items SET data = ? WHERE code = ?');
  inTransaction(db, () => {
    for (const item of items) {
      const lawful = adoptShippedLaw(item, shipped);
      if (lawful) update.run(JSON.stringify(lawful), item.code);
    }
  });
}

/**
 * Part W of issue 16: a demo PC seeded before the 常用语 shipped gets its department's shipped
 * phrases once; an enrolled PC takes them from the center with the catalog.
 */
export function adoptShippedPhrasesInDemo(db: Db, resourcesDir: string): void {
  if (hasPhrases(db)) return;
  const binding = getSetting<TerminalBinding>(db, 'terminal.binding');
  if (binding?.windowId !== demoWindow.id) return;
  savePhrases(db, shippedPhrasesOf(resourcesDir, demoWindow.departmentCode));
}
