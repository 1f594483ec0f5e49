import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { rebuildProjections, refreshLapsed } from '../../electron/projections/cases';
import { caseRowView } from '../../electron/services/cases';
import { inTransaction } from '../../electron/store/db';
import { appendEvent } from '../../electron/store/events';
import type { CaseListRow } from '../../electron/store/cases';
import { caseLevel } from '../../server/cases/case-item';
import { clockContext } from '../../server/cases/clocks';
import { eachDialect } from '../../server/db/test-db';
import { seedHall, syncHarness } from '../../server/sync/test-support';
import type { CaseEvent } from '../../shared/case';
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
const generatedWindow = { id: 'w-gen', code: 'SC01', name: '生成窗口', department_code: 'SCJ' };

/** Random logs, one case each, received at most 60 days before `now`, with their own ids. */
function generatedLogs(calendarVersion: string): CaseEvent[][] {
  const samples = fc.sample(fc.tuple(sequences, fc.nat(60 * 24)), { numRuns: 160, seed: 7 });
  return samples.map(([steps, hoursBefore], n) => {
    const caseId = `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
    const log = admittedLog(steps, now.getTime() - hoursBefore * (day / 24));
    // new ids for the case's events, and for the payloads that name one (a seal names its decision)
    const ids = new Map(
      log.map((e, i) => [
        e.id,
        `00000000-0000-7000-9${n.toString(16).padStart(3, '0')}-${i.toString(16).padStart(12, '0')}`,
      ]),
    );
    return log.map((e) => {
      const event = JSON.parse(JSON.stringify(e), (_key, value: unknown) =>
        typeof value === 'string' ? (ids.get(value) ?? value) : value,
      ) as CaseEvent;
      const moved = { ...event, caseId, windowId: generatedWindow.id };
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
    const version = t.currentCalendar().version;
    const generated = generatedLogs(version).filter((log) => log.length > 0);
    expect(generated.length).toBeGreaterThan(100);
    const logs = [
      ...goldenDepartments.map((d) => golden.filter((e) => e.windowId === d.windowId)),
      ...generated,
    ];

    // The center first: each window's device enrolled and its chiefs' seal keys registered, so
    // that both sides fold the very same log, every stamp sealed and numbered by its case.
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
        generatedWindow,
      ])
      .execute();
    const h = syncHarness(db(), () => now);
    const byWindow = [];
    for (const windowId of [...goldenDepartments.map((d) => d.windowId), generatedWindow.id]) {
      const device = await h.enroll(windowId);
      const events = logs.flat().filter((e) => e.windowId === windowId);
      byWindow.push({ device, events: await h.sealed(device, events) });
    }
    const sealedById = new Map(byWindow.flatMap((w) => w.events).map((e) => [e.id, e]));

    inTransaction(t.db, () => {
      for (const log of logs)
        for (const e of log) appendEvent(t.db, t.device, sealedById.get(e.id)!);
    });
    rebuildProjections(t);
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

    for (const { device, events } of byWindow) {
      for (let from = 0; from < events.length; from += 400) {
        const answer = await device.pushOk(device.sign(events.slice(from, from + 400)));
        expect(answer.results.filter((r) => r.status !== 'accepted')).toEqual([]);
      }
    }
    /** The center's case list as it reads at `moment` (GET /api/cases measures each level then). */
    const centerRows = async () => {
      const c = await clockContext(db().db, moment);
      return (await db().db.selectFrom('cases').selectAll().execute())
        .map((r): Row => ({
          id: r.id,
          open: r.open === 1,
          dueAt: r.due_at === null ? null : new Date(r.due_at).toISOString(),
          level: caseLevel(r, c),
          status: r.status,
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
