import type { Kysely } from 'kysely';
import type { Role } from '../../shared/case';
import {
  noPasswordHash,
  referenceKinds,
  type Reference,
  type ReferenceVersions,
} from '../../shared/sync';
import { readClosures } from '../admin/closures';
import { readDepartments } from '../admin/departments';
import { readItems } from '../admin/items';
import { readOfficialYears } from '../admin/official-tables';
import { readPhrases } from '../admin/phrases';
import { readPowers } from '../admin/powers';
import { readSettings } from '../admin/settings';
import { readWindows } from '../admin/windows';
import type { ServerDb } from '../db/schema';
import { readVersions } from '../reference/versions';

type Db = Kysely<ServerDb>;

/**
 * The reference data a terminal of `departmentCode` lacks: each kind whose version differs from
 * the one it holds, as a whole snapshot (the terminal replaces its copy atomically).
 */
export async function referenceFor(
  db: Db,
  departmentCode: string,
  held: ReferenceVersions,
): Promise<Reference> {
  // Versions are read BEFORE the data. A change committing in between then arrives as newer data
  // under the older number and is simply sent again next time; read the other way round, older
  // data would travel under the newer number and the terminal would keep it for good.
  const current = await readVersions(db);
  const reference: Reference = {};
  for (const kind of referenceKinds.filter((k) => current[k] !== held[k])) {
    const version = current[kind];
    switch (kind) {
      case 'catalog':
        reference.catalog = { version, ...(await catalog(db, departmentCode)) };
        break;
      case 'calendar':
        reference.calendar = { version, closures: await readClosures(db) };
        {
          // sent only once a year was entered: a terminal of the previous release parses the
          // calendar strictly, and keeps syncing until the center holds a table it cannot take
          const official = await readOfficialYears(db);
          if (Object.keys(official).length > 0) reference.calendar.official = official;
        }
        break;
      case 'staff':
        reference.staff = { version, ...(await staff(db, departmentCode)) };
        break;
      case 'settings':
        reference.settings = { version, ...(await readSettings(db)) };
        break;
    }
  }
  return reference;
}

/** Every department and item (a window tells applicants about other departments' items too),
 * and the powers delegated to the windows of the terminal's department. */
async function catalog(db: Db, departmentCode: string) {
  const [departments, items, windows, powers] = await Promise.all([
    readDepartments(db),
    readItems(db),
    readWindows(db),
    readPowers(db),
  ]);
  const own = new Set(windows.filter((w) => w.departmentCode === departmentCode).map((w) => w.id));
  const phrases = await readPhrases(db, departmentCode);
  return {
    departments,
    items,
    powers: powers.filter((p) => own.has(p.windowId)),
    // part W of issue 16: only the department's own, and only when it has any (wire.ts says why)
    ...(Object.values(phrases).some((list) => list.length > 0) ? { phrases } : {}),
  };
}

async function staff(db: Db, departmentCode: string) {
  const [windows, people, devices] = await Promise.all([
    readWindows(db),
    db
      .selectFrom('staff as s')
      .leftJoin('windows as w', 'w.id', 's.window_id')
      .select([
        's.id',
        's.username',
        's.name',
        's.role',
        's.window_id',
        's.password_hash',
        's.active',
        's.center_only',
      ])
      // the department's window staff, and the center's managers and supervisors, who sign in
      // anywhere (their names too: a terminal shows who did what)
      .where((eb) =>
        eb.or([eb('w.department_code', '=', departmentCode), eb('s.window_id', 'is', null)]),
      )
      .orderBy('s.id')
      .execute(),
    db
      .selectFrom('devices')
      .select(['id', 'window_id', 'terminal_number', 'public_key', 'revoked_at'])
      // revoked ones too: their public keys still verify the events they signed before
      .where('department_code', '=', departmentCode)
      .orderBy('id')
      .execute(),
  ]);
  return {
    windows,
    staff: people.map((s) => ({
      id: s.id,
      username: s.username,
      name: s.name,
      role: s.role as Role,
      windowId: s.window_id,
      passwordHash: maySignInAtTerminal(s) ? s.password_hash : noPasswordHash,
      active: s.active === 1,
    })),
    devices: devices.map((d) => ({
      id: d.id,
      windowId: d.window_id,
      terminalNumber: d.terminal_number,
      publicKey: d.public_key,
      revoked: d.revoked_at !== null,
    })),
  };
}

/**
 * Whose hash a terminal of the department gets: only of those who may sign in at it — the
 * department's active window staff (the query takes no other window staff) and the active
 * managers and supervisors who sign in at window PCs. Never a center-only account (the seeded
 * `admin`): a stolen hall PC must not carry the hash that administers the whole center, nor
 * anyone's who may not sign in there anyway.
 */
function maySignInAtTerminal(s: { active: number; center_only: number }): boolean {
  return s.active === 1 && s.center_only === 0;
}
