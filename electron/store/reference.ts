import type { Role } from '../../shared/case';
import type { CalendarData } from '../../shared/calendar';
import {
  departmentFromRow,
  type Catalog,
  type Department,
  type DepartmentRow,
  type Power,
  type ServiceItem,
} from '../../shared/catalog';
import { sql, type Db } from './db';

// Reference data the center owns (catalog, calendar, staff, windows, settings). The terminal
// keeps a copy so the hall works offline; sync replaces it by version.

export type StaffRow = {
  id: string;
  username: string;
  name: string;
  role: Role;
  window_id: string | null;
  password_hash: string;
  active: number;
};
export type WindowRow = { id: string; code: string; name: string; department_code: string };

/**
 * Which window this PC serves, and its number among that window's terminals: a window may have
 * several PCs, and case numbers made offline must not collide between them.
 */
export type TerminalBinding = { windowId: string; number: number };

export type BoundWindow = WindowRow & {
  department_name: string;
  terminal_number: number;
  /** the department's settings from the center (null until pulled: migration 008) */
  reconsideration_body: string | null;
  court: string | null;
  intake_seal: string | null;
};

// Reference data changes rarely (a catalog or binding update) and is read by every command, so
// it is memoised per connection. Every write below goes through this module and drops the memo;
// a memo is only filled outside a transaction, so a rolled-back write can never be remembered.
type Memo = { items?: Map<string, ServiceItem>; bound?: BoundWindow | undefined };
const memos = new WeakMap<Db, Memo>();

function memo(db: Db): Memo {
  let m = memos.get(db);
  if (!m) {
    m = {};
    memos.set(db, m);
  }
  return m;
}

function forget(db: Db): void {
  memos.delete(db);
}

export function boundWindow(db: Db): BoundWindow | undefined {
  const m = memo(db);
  if ('bound' in m) return m.bound;
  const bound = readBoundWindow(db);
  if (!db.inTransaction) m.bound = bound;
  return bound;
}

function readBoundWindow(db: Db): BoundWindow | undefined {
  return sql(
    db,
    `SELECT w.*, d.name AS department_name, d.reconsideration_body, d.court, d.intake_seal,
       json_extract(s.value, '$.number') AS terminal_number
     FROM settings s
     JOIN windows w ON w.id = json_extract(s.value, '$.windowId')
     JOIN departments d ON d.code = w.department_code
     WHERE s.key = 'terminal.binding'`,
  ).get() as BoundWindow | undefined;
}

export function replaceCatalog(db: Db, catalog: Catalog): void {
  forget(db);
  const upsertDept = sql(
    db,
    `INSERT INTO departments (code, name, reconsideration_body, court, intake_seal)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name,
       reconsideration_body = excluded.reconsideration_body, court = excluded.court,
       intake_seal = excluded.intake_seal`,
  );
  for (const d of catalog.departments) {
    upsertDept.run(
      d.code,
      d.name,
      d.reconsiderationBody ?? null,
      d.court ?? null,
      d.intakeSeal ?? null,
    );
  }
  sql(db, 'DELETE FROM items').run();
  const insertItem = sql(
    db,
    'INSERT INTO items (code, department_code, name, data) VALUES (?, ?, ?, ?)',
  );
  for (const item of catalog.items) {
    insertItem.run(item.code, item.departmentCode, item.name, JSON.stringify(item));
  }
  setSetting(db, 'catalog.version', catalog.version);
}

export function listItems(db: Db, departmentCode?: string): ServiceItem[] {
  const rows = (
    departmentCode
      ? sql(db, 'SELECT data FROM items WHERE department_code = ? ORDER BY code').all(
          departmentCode,
        )
      : sql(db, 'SELECT data FROM items ORDER BY code').all()
  ) as { data: string }[];
  return rows.map((r) => JSON.parse(r.data) as ServiceItem);
}

export function getItem(db: Db, code: string): ServiceItem | undefined {
  const m = memo(db);
  if (m.items) return m.items.get(code);
  const items = new Map(listItems(db).map((i) => [i.code, i]));
  if (!db.inTransaction) m.items = items;
  return items.get(code);
}

export function listDepartments(db: Db): Department[] {
  const rows = sql(
    db,
    'SELECT code, name, reconsideration_body, court, intake_seal FROM departments ORDER BY code',
  ).all() as DepartmentRow[];
  return rows.map(departmentFromRow);
}

/** One department with its settings from the center, or undefined for a code it does not know. */
export function getDepartment(db: Db, code: string): Department | undefined {
  const row = sql(
    db,
    'SELECT code, name, reconsideration_body, court, intake_seal FROM departments WHERE code = ?',
  ).get(code) as DepartmentRow | undefined;
  return row ? departmentFromRow(row) : undefined;
}

export function saveCalendarVersion(db: Db, version: string, data: CalendarData): void {
  sql(
    db,
    'INSERT INTO calendar_versions (version, data, created_at) VALUES (?, ?, ?) ON CONFLICT(version) DO NOTHING',
  ).run(version, JSON.stringify(data), new Date().toISOString());
  setSetting(db, 'calendar.current', version);
}

export function loadCalendarVersion(db: Db, version: string): CalendarData | undefined {
  const row = sql(db, 'SELECT data FROM calendar_versions WHERE version = ?').get(version) as
    { data: string } | undefined;
  return row ? (JSON.parse(row.data) as CalendarData) : undefined;
}

export function getSetting<T>(db: Db, key: string): T | undefined {
  const row = sql(db, 'SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function setSetting(db: Db, key: string, value: unknown): void {
  forget(db);
  sql(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

export function insertWindow(db: Db, w: WindowRow): void {
  forget(db);
  sql(db, 'INSERT INTO windows (id, code, name, department_code) VALUES (?, ?, ?, ?)').run(
    w.id,
    w.code,
    w.name,
    w.department_code,
  );
}

export function insertStaff(db: Db, s: StaffRow): void {
  sql(
    db,
    `INSERT INTO staff (id, username, name, role, window_id, password_hash, active)
     VALUES (@id, @username, @name, @role, @window_id, @password_hash, @active)`,
  ).run(s);
}

export function findStaffByUsername(db: Db, username: string): StaffRow | undefined {
  return sql(db, 'SELECT * FROM staff WHERE username = ?').get(username) as StaffRow | undefined;
}

export function getStaff(db: Db, id: string): StaffRow | undefined {
  return sql(db, 'SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
}

export function windowName(db: Db, id: string): string | undefined {
  return (sql(db, 'SELECT name FROM windows WHERE id = ?').get(id) as { name: string } | undefined)
    ?.name;
}

/** What the center sends of its people: every window, the department's staff and devices. */
export type StaffSnapshot = {
  windows: readonly { id: string; code: string; name: string; departmentCode: string }[];
  staff: readonly {
    id: string;
    username: string;
    name: string;
    role: Role;
    windowId: string | null;
    passwordHash: string;
    active: boolean;
  }[];
  devices: readonly {
    id: string;
    windowId: string;
    terminalNumber: number;
    publicKey: string;
    revoked: boolean;
  }[];
};

/**
 * Replaces windows, staff and the department's devices with the center's. The window this PC is
 * bound to stays even if the snapshot lacks it: the binding and every case number refer to it.
 * Run inside the pull's transaction.
 */
export function replaceStaffSnapshot(
  db: Db,
  snap: StaffSnapshot,
  keepWindowId: string | null,
): void {
  forget(db);
  sql(db, 'DELETE FROM staff').run();
  sql(
    db,
    `DELETE FROM windows WHERE id NOT IN (SELECT value FROM json_each(?))
       AND id IS NOT coalesce(?, '')`,
  ).run(JSON.stringify(snap.windows.map((w) => w.id)), keepWindowId);
  const upsertWindow = sql(
    db,
    `INSERT INTO windows (id, code, name, department_code) VALUES (?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET code = excluded.code, name = excluded.name,
       department_code = excluded.department_code`,
  );
  for (const w of snap.windows) upsertWindow.run(w.id, w.code, w.name, w.departmentCode);
  for (const s of snap.staff) {
    insertStaff(db, {
      id: s.id,
      username: s.username,
      name: s.name,
      role: s.role,
      window_id: s.windowId,
      password_hash: s.passwordHash,
      active: s.active ? 1 : 0,
    });
  }
  // A peer the snapshot no longer lists but whose events this PC holds stays, marked revoked: a
  // center restored from an older backup forgot a PC (part A of issue 15), yet its key still
  // verifies what this PC pulled from it before — forgetting the key would break the chain check.
  sql(
    db,
    `DELETE FROM peer_devices
     WHERE NOT EXISTS (SELECT 1 FROM events WHERE events.device_id = peer_devices.id)`,
  ).run();
  sql(db, 'UPDATE peer_devices SET revoked = 1').run();
  const insertPeer = sql(
    db,
    `INSERT OR REPLACE INTO peer_devices (id, window_id, terminal_number, public_key, revoked)
     VALUES (?, ?, ?, ?, ?)`,
  );
  for (const d of snap.devices) {
    insertPeer.run(d.id, d.windowId, d.terminalNumber, d.publicKey, d.revoked ? 1 : 0);
  }
}

export function replaceWindowPowers(
  db: Db,
  powers: readonly { windowId: string; itemCode: string; powers: readonly string[] }[],
): void {
  sql(db, 'DELETE FROM window_powers').run();
  const insert = sql(
    db,
    'INSERT INTO window_powers (window_id, item_code, powers) VALUES (?, ?, ?)',
  );
  for (const p of powers) insert.run(p.windowId, p.itemCode, JSON.stringify(p.powers));
}

/**
 * What the department delegated to `windowId` for `itemCode` (授权), or null when nothing was
 * delegated: the window then may not even receive the item's applications.
 */
export function windowPowersFor(db: Db, windowId: string, itemCode: string): Power[] | null {
  const row = sql(db, 'SELECT powers FROM window_powers WHERE window_id = ? AND item_code = ?').get(
    windowId,
    itemCode,
  ) as { powers: string } | undefined;
  return row ? (JSON.parse(row.powers) as Power[]) : null;
}

/** Public keys of the department's other PCs, by device id: they verify pulled chains. */
export function peerKeys(db: Db): Map<string, string> {
  const rows = sql(db, 'SELECT id, public_key FROM peer_devices').all() as {
    id: string;
    public_key: string;
  }[];
  return new Map(rows.map((r) => [r.id, r.public_key]));
}

/**
 * Forgets the demo's reference data (staff, windows, catalog, powers, peers, 常用语) when the terminal
 * joins a center: the first pull brings the center's own.
 */
export function wipeReference(db: Db): void {
  forget(db);
  db.exec(`
    DELETE FROM staff;
    DELETE FROM windows;
    DELETE FROM items;
    DELETE FROM departments;
    DELETE FROM window_powers;
    DELETE FROM peer_devices;
    -- part W of issue 16: the demo's 常用语 (electron/store/phrases.ts)
    DELETE FROM settings WHERE key = 'phrases';
  `);
}
