import { expect, it } from 'vitest';
import type { CaseHistory, CaseList, ConflictList } from '../../shared/center-api';
import { eachDialect } from '../db/test-db';
import { actors, caseScript, seedHall, syncHarness, testNow } from '../sync/test-support';
import { testApp } from '../test-app';

eachDialect('center: cases', (t) => {
  /**
   * Five cases measured at Monday 2025-03-10 10:00: one whose 5 days ran out long ago (deemed
   * accepted, its promised limit passed: red), one due tonight (yellow), one with 2 working days
   * left (warning), two with more (normal) — one of them another department's.
   */
  const setup = async () => {
    await seedHall(t().db);
    const h = syncHarness(t());
    const [one, two, zj] = [
      await h.enroll('w-sj-1'),
      await h.enroll('w-sj-2'),
      await h.enroll('w-zj-1'),
    ];
    const red = caseScript({ start: '2025-02-20T09:00:00+08:00', applicantName: '赵一' });
    const yellow = caseScript({
      start: '2025-03-03T09:00:00+08:00',
      applicantName: '钱二',
      caseNumber: 'SJ-20250303-01-0002',
    });
    const warning = caseScript({ start: '2025-03-05T09:00:00+08:00', applicantName: '孙三' });
    const normal = caseScript({
      start: '2025-03-10T09:00:00+08:00',
      applicantName: '李四',
      windowId: 'w-sj-2',
    });
    const other = caseScript({
      start: '2025-03-07T09:00:00+08:00',
      applicantName: '周五',
      windowId: 'w-zj-1',
      departmentCode: 'ZJ',
    });
    await one.pushOk(
      one.sign([
        red.received(),
        yellow.received(),
        yellow.checked(),
        yellow.accepted(),
        warning.received(),
      ]),
    );
    await two.pushOk(
      two.sign([
        // a stamp before any decision: stored, but conflicted
        yellow.next(
          'stamped',
          { decisionEventId: 'none', decisionHash: 'f'.repeat(64), decisionNumber: 'N1' },
          // the chief who sits at SJ02
          actors.chief2,
          'w-sj-2',
        ),
        // written after it: a PC writes forward in time
        normal.received(),
      ]),
    );
    await zj.pushOk(zj.sign([other.received()]));
    const staff = testApp(t(), () => testNow);
    const token = await staff.tokenFor('supervisor');
    const get = async <T>(url: string) => {
      const res = await h.call('GET', url, { token });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<T>();
    };
    return { h, staff, token, get, ids: { red, yellow, warning, normal, other } };
  };

  it('lists the center’s cases with their level, filtered every way the supervisor asks', async () => {
    const { get, h, token, ids } = await setup();
    const all = await get<CaseList>('/api/cases');
    expect(all.total).toBe(5);
    expect(all.cases.map((c) => [c.applicantName, c.level, c.conflicts])).toEqual([
      ['李四', 'normal', 0],
      ['周五', 'normal', 0],
      ['孙三', 'warning', 0],
      ['钱二', 'yellow', 1],
      ['赵一', 'red', 0],
    ]);
    expect(all.cases[3]).toMatchObject({
      id: ids.yellow.caseId,
      caseNumber: 'SJ-20250303-01-0002',
      departmentCode: 'SJ',
      windowId: 'w-sj-1',
      itemCode: 'SJ-001',
      itemName: '食品经营许可',
      status: 'accepted',
      open: true,
      receivedAt: '2025-03-03T09:00:00.000+08:00',
      dueAt: '2025-03-11T00:00:00+08:00',
    });
    const names = async (query: string) =>
      (await get<CaseList>(`/api/cases?${query}`)).cases.map((c) => c.applicantName);
    expect(await names('department=ZJ')).toEqual(['周五']);
    expect(await names('window=w-sj-2')).toEqual(['李四']);
    // 赵一 was received on 20 February and never given a notice: the law accepted it on receipt
    // (Art. 32(4), issue 16 part P)
    expect(await names('status=accepted')).toEqual(['钱二', '赵一']);
    expect(await names('level=red')).toEqual(['赵一']);
    expect(await names('level=yellow')).toEqual(['钱二']);
    expect(await names('level=normal&department=SJ')).toEqual(['李四']);
    expect(await names('receivedFrom=2025-03-05&receivedTo=2025-03-07')).toEqual(['周五', '孙三']);
    expect(await names(`q=${encodeURIComponent('钱')}`)).toEqual(['钱二']);
    expect(await names('q=sj-20250303-01-0002')).toEqual(['钱二']);
    // % is a character like any other in a search
    expect(await names('q=%25')).toEqual([]);
    const typo = await h.call('GET', '/api/cases?status=acepted', { token });
    expect(typo.json()).toMatchObject({ error: { code: 'invalid_input', field: 'query.status' } });
    const page = await get<CaseList>('/api/cases?limit=2&offset=1');
    expect(page.total).toBe(5);
    expect(page.cases.map((c) => c.applicantName)).toEqual(['周五', '孙三']);
    const levelPage = await get<CaseList>('/api/cases?level=normal&limit=1&offset=1');
    expect([levelPage.total, levelPage.cases.map((c) => c.applicantName)]).toEqual([2, ['周五']]);
  });

  it('shows a case with all its events, and the supervisor’s list of conflicts', async () => {
    const { get, h, staff, ids } = await setup();
    const history = await get<CaseHistory>(`/api/cases/${ids.yellow.caseId}`);
    expect(history.case).toMatchObject({
      caseNumber: 'SJ-20250303-01-0002',
      conflicts: 1,
      level: 'yellow',
    });
    expect(history.state).toMatchObject({ status: 'accepted', applicant: { name: '钱二' } });
    expect(history.events.map((e) => [e.event.type, e.status])).toEqual([
      ['received', 'accepted'],
      ['materialsChecked', 'accepted'],
      ['accepted', 'accepted'],
      ['stamped', 'conflicted'],
    ]);
    expect(history.events[3]).toMatchObject({
      conflict: { rule: 'stamp.beforeDecision' },
      receivedAt: '2025-03-10T10:00:00.000+08:00',
    });

    const conflicts = await get<ConflictList>('/api/conflicts');
    expect(conflicts.total).toBe(1);
    expect(conflicts.conflicts[0]).toMatchObject({
      caseId: ids.yellow.caseId,
      caseNumber: 'SJ-20250303-01-0002',
      type: 'stamped',
      rule: 'stamp.beforeDecision',
      actor: actors.chief2,
      window: { id: 'w-sj-2', code: 'SJ02' },
      caseWindow: { id: 'w-sj-1', code: 'SJ01' },
    });
    expect((await get<ConflictList>('/api/conflicts?department=ZJ')).total).toBe(0);

    const unknown = await h.call('GET', '/api/cases/nope', {
      token: await staff.tokenFor('manager'),
    });
    expect(unknown.statusCode).toBe(404);
    const clerk = await h.call('GET', '/api/cases', {
      token: await staff.tokenFor('clerk', 'w-sj-1'),
    });
    expect(clerk.statusCode).toBe(403);
    expect((await h.call('GET', '/api/conflicts')).statusCode).toBe(401);
  });
});
