import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { shanghaiIso } from '../shared/calendar';
import {
  adoptShippedLaw,
  departmentToRow,
  onLegacyLaw,
  parseCatalog,
  shippedPhrasesSchema,
  type Catalog,
} from '../shared/catalog';
import { itemRow, readItems } from './admin/items';
import { seedPhrases } from './admin/phrases';
import { recordItem, recordStaff } from './admin/history';
import { bumpVersion } from './reference/versions';
import { defaultSettings } from '../shared/center-api';
import { writeSettings } from './admin/settings';
import { hashPassword } from '../node-shared/passwords';
import type { ServerDb } from './db/schema';

export const defaultCatalogFile = new URL(
  '../resources/catalog/default-catalog.json',
  import.meta.url,
);

// part W of issue 16: the 常用语 a new center's departments start with (beside the catalog: the
// bundled center resolves both from the same place)
export const defaultPhrasesFile = new URL(
  '../resources/phrases/default-phrases.json',
  import.meta.url,
);

export type SeededAdmin = {
  username: string;
  password: string;
  /** <dataDir>/admin-account.json, or null when there is no data folder (PostgreSQL) */
  file: string | null;
};

/**
 * Gives an empty center what it needs to be used at all: the default catalog, the settings and
 * one manager `admin` with a random password (returned once for the console and written, 0600,
 * to the data folder). A database that has settings is left as it is.
 */
export async function seedCenter(
  db: Kysely<ServerDb>,
  opts: { dataDir?: string; now?: Date; catalog?: Catalog; passwordCost?: number } = {},
): Promise<SeededAdmin | null> {
  if (await isSeeded(db)) return null;
  const catalog =
    opts.catalog ?? parseCatalog(JSON.parse(readFileSync(defaultCatalogFile, 'utf8')));
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password, opts.passwordCost);
  // the default catalog and the first manager are the center's records from this moment
  const at = shanghaiIso(opts.now ?? new Date());
  const seeded = await db.transaction().execute(async (trx) => {
    // Two processes starting on one empty PostgreSQL: this row lock makes the second wait for
    // the first to commit, and its own check then finds the settings and does nothing.
    await trx
      .updateTable('reference_versions')
      .set({ version: sql<number>`version` })
      .where('kind', '=', 'settings')
      .execute();
    if (await isSeeded(trx)) return false;
    if (catalog.departments.length > 0) {
      await trx
        .insertInto('departments')
        .values(catalog.departments.map(departmentToRow))
        .execute();
      // part W of issue 16: the shipped 常用语, which the manager then edits
      await seedPhrases(
        trx,
        catalog.departments.map((d) => d.code),
        shippedPhrasesSchema.parse(JSON.parse(readFileSync(defaultPhrasesFile, 'utf8'))),
      );
    }
    if (catalog.items.length > 0) {
      await trx.insertInto('items').values(catalog.items.map(itemRow)).execute();
      await trx
        .insertInto('item_versions')
        .values(
          catalog.items.map((i) => ({
            item_code: i.code,
            seq: 1,
            data: itemRow(i).data,
            published_at: at,
          })),
        )
        .execute();
    }
    await writeSettings(trx, defaultSettings);
    const adminId = randomUUID();
    await trx
      .insertInto('staff')
      .values({
        id: adminId,
        username: 'admin',
        name: '系统管理员',
        role: 'manager',
        window_id: null,
        password_hash: passwordHash,
        active: 1,
        // the center's own administration account: its hash never goes to a window PC
        center_only: 1,
      })
      .execute();
    await recordStaff(trx, adminId, at);
    return true;
  });
  if (!seeded) return null;
  // an earlier admin-account.json is never overwritten: its password may still be the one that
  // opens a backup of this center (issue 15)
  const first = opts.dataDir ? join(opts.dataDir, 'admin-account.json') : null;
  const file =
    first && existsSync(first)
      ? join(opts.dataDir ?? '', `admin-account-${at.replace(/[^0-9]/g, '')}.json`)
      : first;
  if (file) {
    const createdAt = at;
    writeFileSync(
      file,
      `${JSON.stringify({ username: 'admin', password, createdAt }, null, 2)}\n`,
      {
        mode: 0o600,
      },
    );
  }
  return { username: 'admin', password, file };
}

async function isSeeded(db: Kysely<ServerDb>): Promise<boolean> {
  const row = await db.selectFrom('settings').select('key').limit(1).executeTakeFirst();
  return row !== undefined;
}

export type CatalogLawUpgrade = {
  /** items given the law of the catalog shipped with this program, as a new version */
  adopted: string[];
  /** items still on the legacy reading: the manager checks their law in the catalog */
  legacy: string[];
};

/**
 * After an update that made the catalog carry each item's law (migration 0012 gave stored items
 * the legacy reading: working days under Art. 42), the items that are still the shipped ones take
 * the shipped law, published as a new version from now, so the PCs receive under it after their
 * next pull; a case already received keeps the version it pinned. Items the center changed are
 * named for the manager instead. Runs at every start; it does nothing once no item is legacy.
 */
export async function adoptShippedCatalogLaw(
  db: Kysely<ServerDb>,
  opts: { now?: Date; catalog?: Catalog } = {},
): Promise<CatalogLawUpgrade> {
  const stored = await readItems(db);
  if (!stored.some(onLegacyLaw)) return { adopted: [], legacy: [] };
  const shipped = (
    opts.catalog ?? parseCatalog(JSON.parse(readFileSync(defaultCatalogFile, 'utf8')))
  ).items;
  const at = shanghaiIso(opts.now ?? new Date());
  const adopted: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const item of stored) {
      const lawful = adoptShippedLaw(item, shipped);
      if (!lawful) continue;
      await trx
        .updateTable('items')
        .set({ data: itemRow(lawful).data })
        .where('code', '=', item.code)
        .execute();
      await recordItem(trx, item.code, at);
      adopted.push(item.code);
    }
    if (adopted.length > 0) await bumpVersion(trx, 'catalog');
  });
  const legacy = stored
    .filter((i) => onLegacyLaw(i) && !adopted.includes(i.code))
    .map((i) => i.code);
  return { adopted, legacy };
}
