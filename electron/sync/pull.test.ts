import { afterEach, describe, expect, it } from 'vitest';
import type { PullRequest, PullResponse, Reference } from '../../shared/sync';
import { callAs, eventIds, page, asPulled, quietTerminal, receive } from '../../tests/support/sync';
import type { Terminal } from '../services/context';
import { getCaseState } from '../store/cases';
import { verifyChain } from '../store/events';
import { getSetting, listItems, peerKeys } from '../store/reference';
import { syncKeys } from '../store/sync-state';
import type { SyncClient } from './client';
import { applyPullPage, pullAll } from './pull';

// Two real terminals of one department: B's signed events reach A the way a pull brings them.

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function twoTerminals() {
  const a = quietTerminal();
  const b = quietTerminal();
  cleanups.push(a.cleanup, b.cleanup);
  return { a, b };
}

const count = (t: { db: { prepare: (s: string) => { get: () => unknown } } }) =>
  (t.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;

describe('applying a pull page', () => {
  it('stores foreign events once and folds each case in the center order', async () => {
    const { a, b } = twoTerminals();
    const caseId = await receive(b.t, await b.as('clerk'), 1);
    const first = page(asPulled(b.t, eventIds(b.t), 1));
    applyPullPage(a.t, first);
    applyPullPage(a.t, first);
    expect(count(a.t)).toBe(1);
    expect(getSetting(a.t.db, syncKeys.cursor)).toBe(1);

    // A withdraws the case on its own (not yet sent); meanwhile B withdrew it and the center
    // took B's first. Locally A's came first, but the center's order decides.
    await callAs(a.t, await a.as('clerk'), 'cases.record', {
      caseId,
      type: 'withdrawn',
      payload: { reason: 'A 窗口：申请人撤回' },
    });
    await callAs(b.t, await b.as('clerk'), 'cases.record', {
      caseId,
      type: 'withdrawn',
      payload: { reason: 'B 窗口：申请人撤回' },
    });
    const second = page(asPulled(b.t, eventIds(b.t).slice(1), 2));
    applyPullPage(a.t, second);
    expect(count(a.t)).toBe(3);
    // pending own event after the center's: it no longer folds, the center will refuse it
    expect(getCaseState(a.t.db, caseId)).toEqual(getCaseState(b.t.db, caseId));
    const seen = await callAs(a.t, await a.as('clerk'), 'cases.get', { caseId });
    expect((seen.state as { withdrawal: unknown }).withdrawal).toEqual({
      reason: 'B 窗口：申请人撤回',
    });
  });

  it('keeps a conflicted event in the history, out of the fold, and lists it', async () => {
    const { a, b } = twoTerminals();
    const caseId = await receive(b.t, await b.as('clerk'), 2);
    applyPullPage(a.t, page(asPulled(b.t, eventIds(b.t), 1)));
    const aClerk = await a.as('clerk');
    const mine = await callAs(a.t, aClerk, 'cases.record', {
      caseId,
      type: 'withdrawn',
      payload: { reason: '申请人撤回' },
    });
    expect(getCaseState(a.t.db, caseId)?.status).toBe('withdrawn');

    // The center stored A's event as conflicted (B had refused the case before it).
    await callAs(b.t, await b.as('chief'), 'cases.record', {
      caseId,
      type: 'refused',
      payload: {
        ground: 'noLicenceNeeded',
        reasons: '申请事项依法不需要取得行政许可',
        legalBasis: '《行政许可法》第三十二条',
      },
    });
    const bIds = eventIds(b.t).slice(1);
    const conflict = { rule: 'case.closed', message: '办件已办结，不能再撤回' };
    const pulled = [
      ...asPulled(b.t, bIds, 2),
      ...asPulled(a.t, [mine.eventId as string], 2 + bIds.length, () => ({
        status: 'conflicted',
        conflict,
      })),
    ];
    applyPullPage(a.t, page(pulled));
    const stored = a.t.db
      .prepare('SELECT sync_state, server_seq, sync_note FROM events WHERE id = ?')
      .get(mine.eventId) as { sync_state: string; server_seq: number; sync_note: string };
    expect(stored).toEqual({
      sync_state: 'conflicted',
      server_seq: 2 + bIds.length,
      sync_note: JSON.stringify(conflict),
    });
    expect(getCaseState(a.t.db, caseId)).toEqual(getCaseState(b.t.db, caseId));
    const view = await callAs(a.t, aClerk, 'cases.get', { caseId });
    expect(view.events).toContainEqual(
      expect.objectContaining({ id: mine.eventId, syncState: 'conflicted', syncNote: conflict }),
    );
    const listed = (await callAs(a.t, aClerk, 'cases.conflicts', {})) as unknown as unknown[];
    expect(listed).toEqual([
      expect.objectContaining({ eventId: mine.eventId, caseId, ...conflict }),
    ]);
  });

  it('applies reference data and verifies the pulled chains with the peers it brings', async () => {
    const { a, b } = twoTerminals();
    await receive(b.t, await b.as('clerk'), 3);
    const oldCalendar = a.t.currentCalendar().version;
    const windowOf = (t: typeof a.t) =>
      t.db.prepare('SELECT id, name, department_code FROM windows').get() as {
        id: string;
        name: string;
        department_code: string;
      };
    const [wa, wb] = [windowOf(a.t), windowOf(b.t)];
    applyPullPage(
      a.t,
      page(asPulled(b.t, eventIds(b.t), 1), {
        staff: {
          version: 4,
          windows: [
            { id: wa.id, code: 'SJ01', name: wa.name, departmentCode: 'SJ' },
            { id: wb.id, code: 'SJ02', name: '市场监管二号窗口', departmentCode: 'SJ' },
          ],
          staff: [],
          devices: [
            {
              id: b.t.device.id,
              windowId: wb.id,
              terminalNumber: 1,
              publicKey: b.t.device.publicKey,
              revoked: false,
            },
          ],
        },
        calendar: { version: 2, closures: [{ date: '2026-03-04', reason: '设备检修' }] },
        settings: {
          version: 7,
          centerName: '江宁区政务服务中心',
          thresholds: { warningWorkingDays: 3, yellowWorkingDays: 1 },
        },
      }),
    );
    expect(a.t.centerName()).toBe('江宁区政务服务中心');
    expect(a.t.thresholds()).toEqual({ warningWorkingDays: 3, yellowWorkingDays: 1 });
    expect(a.t.currentCalendar().version).not.toBe(oldCalendar);
    expect(a.t.currentCalendar().isWorkingDay('2026-03-04')).toBe(false);
    expect(getSetting(a.t.db, syncKeys.versions)).toEqual({
      catalog: 0,
      calendar: 2,
      staff: 4,
      settings: 7,
    });
    const keys = peerKeys(a.t.db);
    keys.set(a.t.device.id, a.t.device.publicKey);
    expect(verifyChain(a.t.db, keys)).toEqual({ ok: true, events: 1 });
  });

  it('applies a page all or nothing', async () => {
    const { a, b } = twoTerminals();
    await receive(b.t, await b.as('clerk'), 4);
    const item = listItems(a.t.db)[0]!;
    // an item of a department nobody defined: the catalog breaks a reference
    const broken = page(asPulled(b.t, eventIds(b.t), 1), {
      settings: {
        version: 1,
        centerName: '不应写入',
        thresholds: { warningWorkingDays: 3, yellowWorkingDays: 1 },
      },
      catalog: {
        version: 9,
        departments: [],
        items: [{ ...item, departmentCode: 'ZZ' }],
        powers: [],
      },
    });
    expect(() => applyPullPage(a.t, broken)).toThrow(/FOREIGN KEY/);
    expect(count(a.t)).toBe(0);
    expect(a.t.centerName()).not.toBe('不应写入');
    expect(getSetting(a.t.db, syncKeys.cursor)).toBeUndefined();
    expect(listItems(a.t.db).length).toBeGreaterThan(1);
  });

  it('refuses a pulled event whose signature does not verify', async () => {
    const { a, b } = twoTerminals();
    await receive(b.t, await b.as('clerk'), 5);
    const [pulled] = asPulled(b.t, eventIds(b.t), 1);
    const staff = {
      version: 1,
      windows: [],
      staff: [],
      // the center claims the event came from a device with A's key
      devices: [
        {
          id: b.t.device.id,
          windowId: 'w',
          terminalNumber: 1,
          publicKey: a.t.device.publicKey,
          revoked: false,
        },
      ],
    };
    expect(() => applyPullPage(a.t, page([pulled!], { staff }))).toThrow(/签名无效/);
    expect(count(a.t)).toBe(0);
  });

  it('takes back our own events with only their order, spending no seq on them', async () => {
    const { a } = twoTerminals();
    const caseId = await receive(a.t, await a.as('clerk'), 6);
    const before = getCaseState(a.t.db, caseId);
    const written = sequence(a.t);
    // the push answer was lost: the pull is the first to say the center took them
    const own = page(asPulled(a.t, eventIds(a.t), 1));
    applyPullPage(a.t, own);
    applyPullPage(a.t, own);
    expect(a.t.db.prepare('SELECT DISTINCT sync_state, server_seq FROM events').all()).toEqual([
      { sync_state: 'acknowledged', server_seq: 1 },
    ]);
    expect(getSetting(a.t.db, syncKeys.lastAckSeq)).toBe(1);
    expect(sequence(a.t)).toBe(written);
    expect(getCaseState(a.t.db, caseId)).toEqual(before);
    const keys = new Map([[a.t.device.id, a.t.device.publicKey]]);
    expect(verifyChain(a.t.db, keys)).toEqual({ ok: true, events: 1 });
  });

  it('pulls page after page, and refuses an altered or forged event with nothing of its page', async () => {
    const { a, b } = twoTerminals();
    const clerk = await b.as('clerk');
    for (let n = 10; n < 13; n++) await receive(b.t, clerk, n);
    const staff = staffOf(a.t, b.t);
    const [first, second, third] = asPulled(b.t, eventIds(b.t), 1);
    const altered = {
      ...second!,
      event: { ...second!.event, occurredAt: '2026-03-02T09:30:00.000+08:00' },
    };
    const forged = { ...second!, event: { ...second!.event, signature: third!.event.signature } };

    for (const [bad, reason] of [
      [altered, /内容与哈希不符/],
      [forged, /签名无效/],
    ] as const) {
      const client = pagesClient([
        page([first!], { staff }, true),
        page([bad], {}, true),
        page([third!], {}, false),
      ]);
      await expect(pullAll(a.t, client.client)).rejects.toThrow(reason);
      expect(eventIds(a.t)).toEqual([first!.event.id]);
      expect(getSetting(a.t.db, syncKeys.cursor)).toBe(1);
      // the page asked for ahead was the one the terminal then wanted: none asked for twice
      if (bad === altered) expect(client.requests.map((r) => r.cursor)).toEqual([0, 1, 2]);
    }

    const client = pagesClient([
      page([first!], { staff }, true),
      page([second!], {}, true),
      page([third!], {}, false),
    ]);
    await pullAll(a.t, client.client);
    expect(eventIds(a.t)).toEqual(eventIds(b.t));
    expect(client.requests.map((r) => r.cursor)).toEqual([1, 2]);
    const keys = peerKeys(a.t.db);
    keys.set(a.t.device.id, a.t.device.publicKey);
    expect(verifyChain(a.t.db, keys)).toEqual({ ok: true, events: 3 });
  });
});

describe('a cursor at this PC’s own event (issue 19)', () => {
  it('is stored with the id the center names, and the next page is asked from there', async () => {
    const { a, b } = twoTerminals();
    await receive(b.t, await b.as('clerk'), 10);
    const [first] = asPulled(b.t, eventIds(b.t), 1);
    // the center answers B's event, then moves the cursor past two events of A's own
    const client = pagesClient([
      { ...page([first!], { staff: staffOf(a.t, b.t) }, true), cursor: 3, cursorEventId: 'own-3' },
    ]);
    client.served[3] = { ...page([], {}, false), cursor: 3 };
    await pullAll(a.t, client.client);
    expect(client.requests.map((r) => [r.cursor, r.cursorEventId])).toEqual([
      [0, undefined],
      [3, 'own-3'],
    ]);
    expect(getSetting(a.t.db, syncKeys.cursor)).toBe(3);
    expect(getSetting(a.t.db, syncKeys.cursorEventId)).toBe('own-3');
    expect(eventIds(a.t)).toEqual([first!.event.id]);
  });
});

function sequence(t: Terminal): number {
  const row = t.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").get() as
    { seq: number } | undefined;
  return row?.seq ?? 0;
}

/** The staff snapshot a center sends `to`: both windows, and `from`'s device with its key. */
function staffOf(to: Terminal, from: Terminal): NonNullable<Reference['staff']> {
  const windowOf = (t: Terminal) =>
    t.db.prepare('SELECT id, name FROM windows').get() as { id: string; name: string };
  const [wa, wb] = [windowOf(to), windowOf(from)];
  return {
    version: 3,
    windows: [
      { id: wa.id, code: 'SJ01', name: wa.name, departmentCode: 'SJ' },
      { id: wb.id, code: 'SJ02', name: '市场监管二号窗口', departmentCode: 'SJ' },
    ],
    staff: [],
    devices: [
      {
        id: from.device.id,
        windowId: wb.id,
        terminalNumber: 1,
        publicKey: from.device.publicKey,
        revoked: false,
      },
    ],
  };
}

/** A center that serves `pages` by cursor (page i after cursor i), recording what was asked. */
/** Serves `pages[cursor]`; `served` is that table, for a page at a cursor past the list's end. */
function pagesClient(pages: PullResponse[]): {
  client: SyncClient;
  requests: PullRequest[];
  served: PullResponse[];
} {
  const requests: PullRequest[] = [];
  const unused = () => Promise.reject(new Error('not in this test'));
  return {
    requests,
    served: pages,
    client: {
      enroll: unused,
      device: unused,
      push: unused,
      supervision: unused,
      registerSealKey: unused,
      readmit: unused,
      filesHave: unused,
      uploadChunk: unused,
      fetchFile: unused,
      receipt: unused,
      pull: (request) => {
        requests.push(request);
        const served = pages[request.cursor];
        return served ? Promise.resolve(served) : Promise.reject(new Error('no such page'));
      },
    },
  };
}
