import { expect, it } from 'vitest';
import type { ItemSnapshot } from '../../shared/case';
import type { CaseList } from '../../shared/center-api';
import { eachDialect } from '../db/test-db';
import { caseScript, itemOf, publishItems, seedHall, syncHarness } from '../sync/test-support';
import { testApp } from '../test-app';

// Issue 14, points 9, 10 and 12, where the center measures: the same pushed events, the center's
// own calendar and projection, read back through its case list.

/** A ZJ item whose limit another law sets in 日: 60 calendar days, publication pausing nothing. */
const sixtyDays: ItemSnapshot = {
  ...itemOf('ZJ'),
  code: 'ZJ-002',
  name: '城镇污水排入排水管网许可',
  promisedDays: 20,
  statutoryDays: 60,
  extensionDays: 0,
  statutoryUnit: 'calendarDays',
  statutoryBasis: '《城镇排水与污水处理条例》第二十一条',
  publicationPausesStatutory: false,
  validity: { kind: 'decided' },
};

/**
 * An item of 10 working days, promised as long: 食品生产许可's limit under its own measures (the
 * 行政许可法 itself sets 20, so citing it for 10 is refused), kept in ZJ where the hall has windows.
 */
const tenWorkingDays: ItemSnapshot = {
  ...sixtyDays,
  code: 'ZJ-003',
  name: '食品生产许可',
  promisedDays: 10,
  statutoryDays: 10,
  statutoryUnit: 'workingDays',
  statutoryBasis: '《食品生产许可管理办法》第二十二条',
};

eachDialect('center: the item’s law on the clocks', (t) => {
  const hallAt = async (now: string) => {
    await seedHall(t().db);
    await publishItems(t().db, [sixtyDays, tenWorkingDays]);
    const h = syncHarness(t(), () => new Date(now));
    const device = await h.enroll('w-zj-1');
    const staff = testApp(t(), () => new Date(now));
    const token = await staff.tokenFor('supervisor');
    const listed = async (caseId: string) => {
      const res = await h.call('GET', '/api/cases?department=ZJ', { token });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<CaseList>().cases.find((c) => c.id === caseId);
    };
    return { device, listed };
  };

  const acceptedCase = (item: ItemSnapshot, start: string) => {
    const script = caseScript({ departmentCode: 'ZJ', windowId: 'w-zj-1', start });
    const received = script.received();
    return {
      script,
      events: [
        { ...received, payload: { ...received.payload, item } } as typeof received,
        script.checked(),
        script.accepted(),
      ],
    };
  };

  it('points 9 and 10: a 60日 limit ends on the Monday after its Sunday and runs through publication', async () => {
    const { device, listed } = await hallAt('2025-03-10T10:00:00+08:00');
    // Wed 2025-02-19 + 60 days = Sun Apr 20 → Mon Apr 21, due at its 24:00
    const { script, events } = acceptedCase(sixtyDays, '2025-02-19T09:00:00+08:00');
    const publication = script.next(
      'paused',
      {
        procedure: 'publication',
        expectedWorkingDays: 10,
        applicantNoticeRef: '特告〔2025〕9号',
        centerFilingRef: '中心备〔2025〕9号',
      },
      script.clerk,
    );
    await device.pushOk(device.sign([...events, publication]));
    // the promise waits for publication; the law's 60 days do not, so they are the case's due date
    expect(await listed(script.caseId)).toMatchObject({
      status: 'accepted',
      conflicts: 0,
      open: true,
      dueAt: '2025-04-22T00:00:00+08:00',
    });
  });

  it('point 12: a case accepted on 2026-12-20 is due after 元旦 2027, not on it', async () => {
    const { device, listed } = await hallAt('2026-12-21T10:00:00+08:00');
    // Sun 2026-12-20 + 10 working days: Dec 21–25, 28–31, then Jan 4 (Jan 1 is 元旦)
    const { script, events } = acceptedCase(tenWorkingDays, '2026-12-20T09:00:00+08:00');
    await device.pushOk(device.sign(events));
    expect(await listed(script.caseId)).toMatchObject({
      status: 'accepted',
      conflicts: 0,
      dueAt: '2027-01-05T00:00:00+08:00',
    });
  });
});
