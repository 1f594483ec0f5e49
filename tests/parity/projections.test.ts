import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { rebuildProjections, refreshLapsed } from '../../electron/projections/cases';
import { caseRowView } from '../../electron/services/cases';
import { inTransaction } from '../../electron/store/db';
import { appendEvent } from '../../electron/store/events';
import type { CaseListRow } from '../../electron/store/cases';
import { caseMeasured } from '../../server/cases/case-item';
import { clockContext } from '../../server/cases/clocks';
import { eachDialect } from '../../server/db/test-db';
import {
  grantPowers,
  inWritingOrder,
  publishItems,
  seedHall,
  seedStaff,
  syncHarness,
  type HallMember,
} from '../../server/sync/test-support';
import {
  people as testActors,
  jointItem,
  singleItem,
  twoPersonItem,
} from '../../shared/case/test-fixtures';
import { seedGoldenRecords } from '../reports/golden-center';
import type { CaseEvent } from '../../shared/case';
import type { Calendar } from '../../shared/calendar';
import { admittedLog, sequences } from '../../shared/case/test-generator';
import { cleanupAfterEach } from '../support/cleanups';
import { tempTerminal } from '../support/terminal';
import { goldenAsOf, goldenDepartments } from '../reports/golden-log';

// The terminal and the center must say the same of every case — open or not, its due date, its
// level, its status — or the center's supervision misses what a window sees (a bad rating
// waiting for its rectification once stayed open at the window and closed at the center, so its
// overdue clock raised no card). Both projections fold the same logs: the golden log of the
// reports and random logs from the reducer's property generator, and are compared row by row.

const golden = JSON.parse(
  readFileSync(new URL('../reports/golden-events.json', import.meta.url), 'utf8'),
) as CaseEvent[];

/** The moment both sides are read at: the golden log's, a few weeks after its last receipt. */
const now = new Date(goldenAsOf);
const day = 86_400_000;
// The center judges a receipt's powers by what it recorded for the window: the generator's
// cases under partial powers are received at windows holding just those (one window a grant).
const generatedWindows = [
  { id: 'w-gen', code: 'SC01', name: '生成窗口', department_code: 'SCJ', powers: null },
  {
    id: 'w-gen-ad',
    code: 'SC02',
    name: '生成窗口二',
    department_code: 'SCJ',
    powers: ['accept', 'deliver'],
  },
  {
    id: 'w-gen-aad',
    code: 'SC03',
    name: '生成窗口三',
    department_code: 'SCJ',
    powers: ['accept', 'approve', 'deliver'],
  },
] as const;
const generatedItems = [singleItem, twoPersonItem, jointItem];
// the catalog's codes start with the department's: the generator's other-department codes are
// renamed into SCJ's (a code is only the item's name in a case)
const itemCodes = new Map([
  [twoPersonItem.code, 'SCJ-007'],
  [jointItem.code, 'SCJ-003'],
]);
const publishedItems = generatedItems.map((i) => ({ ...i, code: itemCodes.get(i.code) ?? i.code }));

/** The window whose recorded powers a receipt's snapshot names. */
function windowOfPowers(powers: readonly string[] | undefined) {
  const key = JSON.stringify(powers ?? null);
  const found = generatedWindows.find((w) => JSON.stringify(w.powers) === key);
  if (!found) throw new Error(`no generated window holds ${key}`);
  return found.id;
}

/** The generator's staff, one set a window (a clerk acts at their own window only). */
const generatedStaff: HallMember[] = [
  ...generatedWindows.flatMap((w) =>
    Object.values(testActors)
      .filter((a) => a.role !== 'supervisor' && a.role !== 'manager')
      .map((a): HallMember => ({ ...a, userId: staffId(a.userId, w.id), windowId: w.id })),
  ),
  // the supervisor sits at no window and overrides in any
  { ...testActors.supervisor, windowId: null },
];
// suffixed everywhere: the hall's own staff already hold the fixtures' plain ids
function staffId(userId: string, windowId: string) {
  return `${userId}@${windowId}`;
}

/** Random logs, one case each, received at most 60 days before `now`, with their own ids. */
function generatedLogs(calendar: Calendar): CaseEvent[][] {
  const calendarVersion = calendar.version;
  const samples = fc.sample(fc.tuple(sequences, fc.nat(60 * 24)), { numRuns: 160, seed: 7 });
  return samples.map(([steps, hoursBefore], n) => {
    const caseId = `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
    // what a terminal stores: the timed rules judge each event on the calendar both sides use
    const log = admittedLog(steps, now.getTime() - hoursBefore * (day / 24), calendar);
    const receipt = log.find((e) => e.type === 'received');
    const windowId = windowOfPowers(
      receipt?.type === 'received' ? receipt.payload.powers : undefined,
    );
    // new ids for the case's events, and for the payloads that name one (a seal names its decision)
    const ids = new Map([
      ...log.map((e, i): [string, string] => [
        e.id,
        `00000000-0000-7000-9${n.toString(16).padStart(3, '0')}-${i.toString(16).padStart(12, '0')}`,
      ]),
      // and the window's own staff (a supervisor's override names its author's id too)
      ...Object.values(testActors).map((a): [string, string] => [
        a.userId,
        a.role === 'supervisor' ? a.userId : staffId(a.userId, windowId),
      ]),
      ...itemCodes,
    ]);
    return log.map((e) => {
      const event = JSON.parse(JSON.stringify(e), (_key, value: unknown) =>
        typeof value === 'string' ? (ids.get(value) ?? value) : value,
      ) as CaseEvent;
      const moved = { ...event, caseId, windowId };
      if (moved.type !== 'received') return moved;
      return {
        ...moved,
        payload: { ...moved.payload, calendarVersion, caseNumber: `SCJ-GEN-${n}` },
      };
    });
  });
}

type Row = { id: string; open: boolean; dueAt: string | null; level: string; status: string };

const byId = (a: Row, b: Row) => a.id.localeCompare(b.id);

eachDialect('the terminal and the center summarise every case alike', (db) => {
  const later = cleanupAfterEach();

  it('over the golden log and random logs: open, due, level and status, row by row, now and later', async () => {
    let moment = now;
    const { terminal: t, cleanup } = tempTerminal(() => moment);
    later(cleanup);
    const generated = generatedLogs(t.currentCalendar()).filter((log) => log.length > 0);
    expect(generated.length).toBeGreaterThan(100);
    const logs = [
      ...goldenDepartments.map((d) => golden.filter((e) => e.windowId === d.windowId)),
      ...generated,
    ];

    /** The terminal's work list as it reads at `moment`: lapsed rows folded again, then measured. */
    const terminalRows = () => {
      refreshLapsed(t);
      const view = caseRowView(t);
      return (
        t.db.prepare('SELECT *, 0 AS conflicted FROM cases').all() as (CaseListRow & {
          open: number;
        })[]
      )
        .map((r): Row => {
          const row = view(r);
          return {
            id: r.id,
            open: r.open === 1,
            dueAt: r.due_at === null ? null : new Date(r.due_at).toISOString(),
            level: r.open === 1 ? (row.clock?.remaining.level ?? 'normal') : 'normal',
            status: r.status,
          };
        })
        .sort(byId);
    };

    await seedHall(db().db);
    await db()
      .db.insertInto('departments')
      .values([
        { code: 'WJ', name: '卫生健康局' },
        { code: 'SCJ', name: '市场监管' },
      ])
      .execute();
    await db()
      .db.insertInto('windows')
      .values([
        { id: 'w-wj-1', code: 'WJ01', name: '卫健一号窗', department_code: 'WJ' },
        ...generatedWindows.map(({ powers: _powers, ...w }) => w),
      ])
      .execute();
    // the windows sync once their last event is written: a random log may run days past `now`,
    // and the center stores an event dated after its own clock as time.future
    const pushedAt = new Date(
      Math.max(now.getTime(), ...logs.flat().map((e) => Date.parse(e.occurredAt))),
    );
    const h = syncHarness(db(), () => pushedAt);
    await seedGoldenRecords(db().db);
    await seedStaff(db().db, generatedStaff);
    await publishItems(db().db, publishedItems);
    for (const w of generatedWindows) {
      if (!w.powers) continue;
      for (const i of publishedItems) await grantPowers(db().db, [w.id], i.code, w.powers);
    }
    // each window's device enrolled and its chiefs' seal keys registered first, so that both
    // sides fold the very same log, every stamp sealed and numbered by its case
    const byWindow = [];
    for (const windowId of [
      ...goldenDepartments.map((d) => d.windowId),
      ...generatedWindows.map((w) => w.id),
    ]) {
      const device = await h.enroll(windowId);
      const events = inWritingOrder(logs.flat().filter((e) => e.windowId === windowId));
      byWindow.push({ device, events: await h.sealed(device, events) });
    }
    const sealedById = new Map(byWindow.flatMap((w) => w.events).map((e) => [e.id, e]));
    inTransaction(t.db, () => {
      for (const log of logs)
        for (const e of log) appendEvent(t.db, t.device, sealedById.get(e.id)!);
    });
    rebuildProjections(t);
    for (const { device, events } of byWindow) {
      for (let from = 0; from < events.length; from += 400) {
        const answer = await device.pushOk(device.sign(events.slice(from, from + 400)));
        expect(answer.results.filter((r) => r.status !== 'accepted')).toEqual([]);
      }
    }
    /**
     * The center's case list as it reads at `moment` (GET /api/cases measures each level and
     * status then: a case the law accepted since its push is accepted, issue 16 part P).
     */
    const centerRows = async () => {
      const c = await clockContext(db().db, moment);
      return (await db().db.selectFrom('cases').selectAll().execute())
        .map((r): Row => ({
          id: r.id,
          open: r.open === 1,
          dueAt: r.due_at === null ? null : new Date(r.due_at).toISOString(),
          ...caseMeasured(r, c),
        }))
        .sort(byId);
    };
    /** Every case that differs, named with both rows. */
    const differing = async () => {
      const terminal = terminalRows();
      const center = await centerRows();
      expect(center.map((r) => r.id)).toEqual(terminal.map((r) => r.id));
      return terminal
        .map((row, i) => ({ terminal: row, center: center[i]! }))
        .filter((pair) => JSON.stringify(pair.terminal) !== JSON.stringify(pair.center));
    };

    expect(await differing()).toEqual([]);
    // the logs reach what matters: every level, closed cases, and a bad rating's open clock
    const rows = terminalRows();
    expect(new Set(rows.map((r) => r.level))).toEqual(
      new Set(['normal', 'warning', 'yellow', 'red']),
    );
    expect(rows.some((r) => !r.open)).toBe(true);
    expect(rows.some((r) => r.open && r.status === 'delivered')).toBe(true);
    const paused = t.db
      .prepare(
        "SELECT count(*) AS n FROM cases WHERE open = 1 AND json_extract(work_clock, '$.clock.state') = 'paused'",
      )
      .get() as { n: number };
    expect(paused.n).toBeGreaterThan(0);

    // nine days on, nobody acted: time alone moved the clocks (paused ones included), and both
    // lists must still say the same
    moment = new Date(now.getTime() + 9 * day);
    expect(await differing()).toEqual([]);
  });
});
