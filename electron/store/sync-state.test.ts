import { afterEach, describe, expect, it } from 'vitest';
import { callAs, eventIds, quietTerminal, receive } from '../../tests/support/sync';
import { rebuildProjections, refoldCases } from '../projections/cases';
import { getCaseState } from './cases';
import { inTransaction } from './db';
import { getSetting } from './reference';
import { recordPushResults, syncKeys } from './sync-state';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('recording push answers', () => {
  it('folds again only the cases whose fold an answer changed', async () => {
    const a = quietTerminal();
    cleanups.push(a.cleanup);
    const clerk = await a.as('clerk');
    const kept = await receive(a.t, clerk, 1);
    await callAs(a.t, clerk, 'cases.record', {
      caseId: kept,
      type: 'withdrawn',
      payload: { reason: '申请人撤回' },
    });
    const conflicted = await receive(a.t, clerk, 2);
    await callAs(a.t, clerk, 'cases.record', {
      caseId: conflicted,
      type: 'withdrawn',
      payload: { reason: '申请人撤回' },
    });
    const [k1, k2, c1, c2] = eventIds(a.t);
    const record = (results: Parameters<typeof recordPushResults>[1]) =>
      inTransaction(a.t.db, () => recordPushResults(a.t.db, results));

    // accepted in the order written: each moves from the head of the unanswered events to
    // the tail of the center's order, the same place
    const accepted = [
      { id: k1!, deviceSeq: 1, serverSeq: 5, status: 'accepted' as const },
      { id: k2!, deviceSeq: 2, serverSeq: 6, status: 'accepted' as const },
      { id: c1!, deviceSeq: 3, serverSeq: 7, status: 'accepted' as const },
    ];
    expect(record(accepted)).toEqual(new Set());
    // the same answers again (a lost reply): nothing changes
    expect(record(accepted)).toEqual(new Set());
    expect(getSetting(a.t.db, syncKeys.lastAckSeq)).toBe(3);

    // a conflict takes the event out of the fold
    const before = getCaseState(a.t.db, conflicted);
    const touched = record([
      {
        id: c2!,
        deviceSeq: 4,
        serverSeq: 8,
        status: 'conflicted',
        conflict: { rule: 'case.closed', message: '办件已办结' },
      },
    ]);
    expect(touched).toEqual(new Set([conflicted]));
    inTransaction(a.t.db, () => refoldCases(a.t, touched));
    expect(getCaseState(a.t.db, conflicted)?.status).not.toBe(before?.status);

    // what the skipped folds left is what folding everything from the log gives
    const projected = [getCaseState(a.t.db, kept), getCaseState(a.t.db, conflicted)];
    rebuildProjections(a.t);
    expect([getCaseState(a.t.db, kept), getCaseState(a.t.db, conflicted)]).toEqual(projected);
  });

  it('folds a case again when an answer moves an event in its fold order', async () => {
    const a = quietTerminal();
    cleanups.push(a.cleanup);
    const clerk = await a.as('clerk');
    const caseId = await receive(a.t, clerk, 3);
    await callAs(a.t, clerk, 'cases.record', {
      caseId,
      type: 'withdrawn',
      payload: { reason: '申请人撤回' },
    });
    const [first, second] = eventIds(a.t);
    inTransaction(a.t.db, () =>
      recordPushResults(a.t.db, [{ id: first!, deviceSeq: 1, serverSeq: 9, status: 'accepted' }]),
    );
    // numbered before an event the center already numbered: it changes places
    const touched = inTransaction(a.t.db, () =>
      recordPushResults(a.t.db, [{ id: second!, deviceSeq: 2, serverSeq: 4, status: 'accepted' }]),
    );
    expect(touched).toEqual(new Set([caseId]));
  });
});
