import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { shanghaiIso } from '../../shared/calendar';
import type { ServerDb } from '../db/schema';
import type { Dialect } from '../http/spec';
import { advisoryLock, lockKeys } from '../sync/lock';

// Terminal numbers are part of every case number a PC makes offline
// (DEPT-YYYYMMDD-WINDOW-T<n>-serial), so a window must never number two PCs alike — not even
// after the center was restored from a backup that predates the last enrollments.
//
// The guarantee: a new terminal of a window is numbered above (a) every device row of the
// window, (b) every terminal number found in a case number the center holds for the window, and
// (c) the window's floor. After a restore the first two only know what the backup knew; the
// floor covers the rest: `afterRestore` (run by `server -- restore`) lifts every window's floor
// to the next hundred strictly above everything known, floor included, so a restore is safe
// whenever fewer than a hundred terminals of one window were enrolled between the backup and the
// restore — each run lifts again, so even a second restore from the same copy moves on. A
// restore done by hand (the file swapped without the command) is detected when a terminal shows
// a chain or pull cursor beyond the center's: the floor is then lifted to the next hundred above
// what is known (not above the floor, so fifty terminals detecting the same restore lift it once).

const step = 100;

/** The next multiple of a hundred strictly above `n`. */
export function nextHundredAbove(n: number): number {
  return (Math.floor(n / step) + 1) * step;
}

const caseNumberTerminal = /-T(\d+)-\d+$/;

/** The highest terminal number the center knows of for the window, by (a) and (b); 0 if none. */
async function highestKnown(db: Kysely<ServerDb>, windowId: string): Promise<number> {
  const device = await db
    .selectFrom('devices')
    .select((eb) => eb.fn.max('terminal_number').as('highest'))
    .where('window_id', '=', windowId)
    .executeTakeFirst();
  let highest = Number(device?.highest ?? 0);
  // Enrollment is rare (a few PCs a year per window): reading the window's case numbers is
  // affordable, and it is the only record of a PC whose device row the restore took away.
  const cases = await db
    .selectFrom('cases')
    .select('case_number')
    .where('window_id', '=', windowId)
    .execute();
  for (const { case_number } of cases) {
    const n = Number(caseNumberTerminal.exec(case_number)?.[1] ?? 0);
    if (n > highest) highest = n;
  }
  return highest;
}

async function floorOf(db: Kysely<ServerDb>, windowId: string): Promise<number> {
  const row = await db
    .selectFrom('terminal_number_floors')
    .select('floor')
    .where('window_id', '=', windowId)
    .executeTakeFirst();
  return row?.floor ?? 0;
}

async function setFloor(db: Kysely<ServerDb>, windowId: string, floor: number): Promise<void> {
  await db
    .insertInto('terminal_number_floors')
    .values({ window_id: windowId, floor })
    .onConflict((oc) => oc.column('window_id').doUpdateSet({ floor }))
    .execute();
}

/** The number a new terminal of the window gets. Call under the enrollment lock. */
export async function nextTerminalNumber(db: Kysely<ServerDb>, windowId: string): Promise<number> {
  return Math.max(await highestKnown(db, windowId), await floorOf(db, windowId)) + 1;
}

type Lift = 'command' | 'detected';

async function liftFloors(db: Kysely<ServerDb>, lift: Lift): Promise<Map<string, number>> {
  const windows = await db.selectFrom('windows').select('id').execute();
  const floors = new Map<string, number>();
  for (const { id } of windows) {
    const known = await highestKnown(db, id);
    const floor = await floorOf(db, id);
    const next =
      lift === 'command'
        ? nextHundredAbove(Math.max(known, floor))
        : Math.max(floor, nextHundredAbove(known));
    if (next !== floor) await setFloor(db, id, next);
    floors.set(id, next);
  }
  return floors;
}

async function recordRestore(
  db: Kysely<ServerDb>,
  kind: Lift,
  detail: string,
  now: Date,
  dialect: Dialect | null,
): Promise<Map<string, number>> {
  return db.transaction().execute(async (trx) => {
    // an enrollment racing a detection on another process must see the lifted floor
    if (dialect) await advisoryLock(trx, dialect, lockKeys.enrollment);
    const floors = await liftFloors(trx, kind);
    await trx
      .insertInto('center_restores')
      .values({ id: randomUUID(), recorded_at: shanghaiIso(now), kind, detail })
      .execute();
    return floors;
  });
}

/**
 * To run after the center's database was restored from a backup, before the center serves again
 * (part B's `npm run server -- restore` calls it): lifts every window's terminal-number floor and
 * records the restore. Returns each window's new floor.
 */
export function afterRestore(db: Kysely<ServerDb>, now = new Date()): Promise<Map<string, number>> {
  // the center is not serving while it is restored: no enrollment to race
  return recordRestore(db, 'command', '从备份恢复后运行恢复命令', now, null);
}

/**
 * A terminal showed the center a chain or a pull cursor beyond anything it holds: the database
 * was restored without the command. Recorded, and the floors lifted (idempotently, see above).
 */
export function restoreDetected(
  db: Kysely<ServerDb>,
  dialect: Dialect,
  detail: string,
  now: Date,
): Promise<Map<string, number>> {
  return recordRestore(db, 'detected', detail, now, dialect);
}
