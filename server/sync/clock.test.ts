import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { syncPaths } from '../../shared/center-api';
import {
  centerTimeHeader,
  clockCorrectionHeader,
  enrollResponseSchema,
  pushResponseSchema,
  terminalTimeHeader,
  type WireEvent,
} from '../../shared/sync';
import { shanghaiIso } from '../../shared/calendar';
import { eachDialect } from '../db/test-db';
import { reviewedCase, seedHall, syncHarness, testNow, type TestDevice } from './test-support';
import { newKeyPair } from '../../node-shared/events/crypto';

// Time you can trust at the center (issue 13 point 4): every answer says the center's time, every
// device request's x-terminal-time is measured and kept as sparse history, a clock beyond five
// minutes raises clock.skew once a day, and judge.ts stores future-dated events and events of a
// skewed push as conflicted — never dropped.

const minutes = (n: number) => n * 60_000;
const clockAt = (offsetMs: number) => ({
  [terminalTimeHeader]: new Date(testNow.getTime() + offsetMs).toISOString(),
});

eachDialect('center clock', (t) => {
  const setup = async () => {
    await seedHall(t().db);
    const h = syncHarness(t());
    return { h, device: await h.enroll('w-sj-1') };
  };
  const push = async (
    h: Awaited<ReturnType<typeof setup>>['h'],
    device: TestDevice,
    events: WireEvent[],
    headers: Record<string, string> = {},
  ) => {
    const res = await h.call('POST', syncPaths.push, {
      token: device.token,
      body: { events },
      headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return pushResponseSchema.parse(res.json()).results;
  };
  const clockRows = () =>
    t()
      .db.selectFrom('device_clock')
      .select(['offset_ms', 'skewed', 'correction_ms'])
      .orderBy('measured_at')
      .execute();
  const skewAlerts = () =>
    t()
      .db.selectFrom('alerts')
      .select(['rule', 'message', 'evidence', 'window_id'])
      .where('rule', '=', 'clock.skew')
      .execute();

  it('answers every call, a refusal too, with its own time to the millisecond', async () => {
    const { h, device } = await setup();
    const ok = await h.call('GET', syncPaths.device, { token: device.token });
    expect(ok.headers[centerTimeHeader]).toBe(testNow.toISOString());
    const refused = await h.call('GET', syncPaths.device, { token: 'no-such-token' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers[centerTimeHeader]).toBe(testNow.toISOString());
  });

  it('stores an event dated 2099 as conflicted under time.future, and one 4 minutes ahead as accepted', async () => {
    const { h, device } = await setup();
    const soon = reviewedCase({
      start: new Date(testNow.getTime() + minutes(4) - minutes(10)).toISOString(),
    });
    const soonResults = await push(h, device, device.sign(soon.events.slice(0, 1)), clockAt(0));
    expect(soonResults.map((r) => r.status)).toEqual(['accepted']);
    const far = reviewedCase({ start: '2099-01-01T09:00:00+08:00' });
    const results = await push(h, device, device.sign(far.events.slice(0, 2)), clockAt(0));
    expect(results.map((r) => [r.status, r.conflict?.rule])).toEqual([
      ['conflicted', 'time.future'],
      ['conflicted', 'time.future'],
    ]);
    // the times as people read them, not as stored
    expect(results[0]!.conflict?.message).toMatch(
      /事件时间 2099-01-01 09:00，中心收到时为 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    );
    expect(await t().db.selectFrom('events').select('id').execute()).toHaveLength(3);
    // the center never held that case, yet its conflict alerts name it by its receipt's number
    const alerts = await t()
      .db.selectFrom('alerts')
      .select('case_number')
      .where('case_id', '=', far.script.caseId)
      .execute();
    expect(alerts.map((a) => a.case_number)).toEqual([
      far.script.caseNumber,
      far.script.caseNumber,
    ]);
  });

  it('a push from a clock 10 minutes ahead: its new events conflicted, the offset kept, one clock.skew alert a day', async () => {
    const { h, device } = await setup();
    // a good sync first: one row of history
    await h.call('GET', syncPaths.device, { token: device.token, headers: clockAt(1500) });
    // an hour-old case, written before the clock went wrong, pushed after it did
    const { events } = reviewedCase({ start: '2025-03-10T08:00:00+08:00' });
    const results = await push(h, device, device.sign(events.slice(0, 2)), clockAt(minutes(10)));
    expect(results.map((r) => [r.status, r.conflict?.rule])).toEqual([
      ['conflicted', 'time.deviceSkew'],
      ['conflicted', 'time.deviceSkew'],
    ]);
    expect(results[0]!.conflict?.message).toContain('快 10 分');
    // the same offset on the next calls adds no row and no alert
    for (let i = 0; i < 3; i++) {
      await h.call('GET', syncPaths.device, {
        token: device.token,
        headers: clockAt(minutes(10) + i * 100),
      });
    }
    expect(await clockRows()).toEqual([
      { offset_ms: 1500, skewed: 0, correction_ms: null },
      { offset_ms: minutes(10), skewed: 1, correction_ms: null },
    ]);
    const alerts = await skewAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.window_id).toBe('w-sj-1');
    expect(alerts[0]!.message).toContain('快 10 分');
    // read by people: no device id, the time as a clock shows it
    expect(alerts[0]!.message).not.toContain(device.id);
    expect(alerts[0]!.message).toMatch(/（测于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}）/);
    expect(JSON.parse(alerts[0]!.evidence)).toEqual(
      expect.arrayContaining([device.id, `offsetMs=${minutes(10)}`, 'window=SJ01']),
    );
  });

  it('accepts the events of a skewed PC whose manager acknowledged the offset, dated on center time', async () => {
    const { h, device } = await setup();
    const { events } = reviewedCase({ start: '2025-03-10T08:00:00+08:00' });
    const results = await push(h, device, device.sign(events.slice(0, 2)), {
      ...clockAt(-minutes(10)),
      [clockCorrectionHeader]: String(-minutes(10)),
    });
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    // the PC's clock is still wrong: kept as evidence with the correction it works under
    expect(await clockRows()).toEqual([
      { offset_ms: -minutes(10), skewed: 1, correction_ms: -minutes(10) },
    ]);
    expect((await skewAlerts())[0]!.message).toContain('窗口已确认时差');
  });

  it('a terminal offline for days with a good clock: old dates, no conflict, no alert', async () => {
    const { h, device } = await setup();
    const { events } = reviewedCase({ start: '2025-03-06T09:00:00+08:00' });
    const results = await push(h, device, device.sign(events), clockAt(800));
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect(await skewAlerts()).toEqual([]);
  });

  it('a PC whose clock was set right after the acknowledgment: its events still accepted', async () => {
    const { h, device } = await setup();
    const { events } = reviewedCase({ start: '2025-03-10T08:00:00+08:00' });
    // the correction travels until the PC measures again; its clock itself is right now
    const results = await push(h, device, device.sign(events), {
      ...clockAt(800),
      [clockCorrectionHeader]: String(minutes(10)),
    });
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
  });

  it('stores an event dated well before what the PC already recorded as backdated', async () => {
    const { h, device } = await setup();
    const today = reviewedCase({ start: '2025-03-10T08:00:00+08:00' }).events;
    // another case's event, 7 minutes before the PC's last one (that case's last event came from
    // a PC running a few minutes ahead): within the tolerance
    const last = Date.parse(today.at(-1)!.occurredAt);
    const aFewMinutesEarlier = reviewedCase().events.map((e) => ({
      ...e,
      occurredAt: shanghaiIso(new Date(last - minutes(7))),
    }));
    const lastWeek = reviewedCase({ start: '2025-03-04T09:00:00+08:00' }).events;
    const results = await push(
      h,
      device,
      device.sign([...today, ...aFewMinutesEarlier.slice(0, 1), lastWeek[0]!]),
      clockAt(0),
    );
    expect(results.map((r) => r.conflict?.rule ?? r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'accepted',
      'accepted',
      'time.backdated',
    ]);
    // the next push measures from what was accepted, not from the refused date
    const lastWeekToo = reviewedCase({ start: '2025-03-04T10:00:00+08:00' }).events[0]!;
    const again = await push(h, device, device.sign([lastWeekToo]), clockAt(0));
    expect(again[0]!.conflict?.rule).toBe('time.backdated');
    expect(
      await t()
        .db.selectFrom('devices')
        .select('last_event_at')
        .where('id', '=', device.id)
        .execute(),
    ).toEqual([{ last_event_at: today.at(-1)!.occurredAt }]);
  });

  it('enrolls a PC 4 years ahead, says so, and raises the alert', async () => {
    await seedHall(t().db);
    const h = syncHarness(t());
    const res = await h.call('POST', syncPaths.enroll, {
      body: {
        code: await h.issueCode('w-sj-1'),
        publicKey: newKeyPair().publicKey,
        label: `PC-${randomUUID().slice(0, 4)}`,
      },
      headers: clockAt(4 * 365 * 86_400_000),
    });
    expect(res.statusCode).toBe(201);
    expect(enrollResponseSchema.parse(res.json()).clockOffsetMs).toBe(4 * 365 * 86_400_000);
    expect(await skewAlerts()).toHaveLength(1);
  });
});
