import { afterEach, expect, it, vi } from 'vitest';
import type { CaseEvent } from '../../shared/case';
import { smsSettingsInputSchema, type SmsMessage, type SmsSettings } from '../../shared/center-api';
import { verificationCode } from '../../shared/documents';
import { startSmsStandIn, type SmsStandIn } from '../../tests/support/sms-stand-in';
import { openServerDb } from '../db/open';
import { eachDialect } from '../db/test-db';
import {
  actors,
  caseScript,
  inWritingOrder,
  reviewedCase,
  seedHall,
  syncHarness,
} from '../sync/test-support';
import { testApp } from '../test-app';
import { claimDue, sendDue } from './sender';
import { defaultSmsSettings, writeSmsSettings } from './settings';

// The outbox end to end: events pushed by a real terminal chain, the sender on the business
// clock, the Alibaba Cloud adapter over real loopback HTTP to the stand-in, which checks every
// signature. Both dialects.

let standIn: SmsStandIn | null = null;
afterEach(async () => {
  await standIn?.close();
  standIn = null;
});

/** a received event with the applicant's answer to 同意接收办件进度短信 */
function consenting(event: CaseEvent, smsConsent: boolean | undefined): CaseEvent {
  if (event.type !== 'received') throw new Error('not a received event');
  return { ...event, payload: { ...event.payload, smsConsent } };
}

eachDialect('center: SMS to the applicant', (t) => {
  let now = new Date('2025-03-10T10:00:00+08:00');
  const clock = () => now;
  const round = (opts: { timeoutMs?: number } = {}) =>
    sendDue(t().db, t().dialect, clock, { random: () => 0.5, ...opts });

  const setup = async (settings: Partial<typeof defaultSmsSettings> = {}) => {
    now = new Date('2025-03-10T10:00:00+08:00');
    await seedHall(t().db);
    standIn = await startSmsStandIn({ now: clock });
    await writeSmsSettings(t().db, {
      ...defaultSmsSettings,
      enabled: true,
      endpoint: standIn.url,
      accessKeyId: standIn.accessKeyId,
      accessKeySecret: standIn.secret,
      signName: '示范区政务服务中心',
      templates: {
        accepted: { ...defaultSmsSettings.templates.accepted, templateCode: 'SMS_1001' },
        noticeIssued: { ...defaultSmsSettings.templates.noticeIssued, templateCode: 'SMS_1002' },
        stamped: { ...defaultSmsSettings.templates.stamped, templateCode: 'SMS_1003' },
        certificateIssued: {
          ...defaultSmsSettings.templates.certificateIssued,
          templateCode: 'SMS_1004',
        },
      },
      ...settings,
    });
    const h = syncHarness(t(), clock);
    const device = await h.enroll('w-sj-1');
    return { h, device, stand: standIn };
  };

  const messages = () =>
    t().db.selectFrom('sms_messages').selectAll().orderBy('created_at').orderBy('kind').execute();

  const acceptedCase = (smsConsent: boolean | undefined, start = '2025-03-10T08:00:00+08:00') => {
    const s = caseScript({ start });
    return { s, events: [consenting(s.received(), smsConsent), s.checked(), s.accepted()] };
  };

  it('sends each notice once through the adapter, signed; a re-push queues nothing new', async () => {
    const { h, device, stand } = await setup();
    const { script, events } = reviewedCase({ start: '2025-03-10T08:00:00+08:00' });
    const withConsent = [consenting(events[0]!, true), ...events.slice(1)];
    const decided = script.decided();
    const decision = [
      decided,
      script.next(
        'stamped',
        {
          decisionEventId: decided.id,
          decisionHash: 'f'.repeat(64),
          // the center recomputes the number from the case's (shared/case/seal.ts)
          decisionNumber: script.caseNumber.replace(
            /^(\w+)-(\d{4})(\d{4})-(.*)$/,
            '$1许准〔$2〕$3-$4号',
          ),
        },
        actors.chief,
      ),
      script.next('certificateIssued', { certificateNumber: 'JY13101010000001' }, actors.chief),
    ];
    const notice = caseScript({ start: '2025-03-10T08:30:00+08:00' });
    const noticeEvents = [
      consenting(notice.received(), true),
      notice.next(
        'materialsChecked',
        {
          materials: [
            { materialId: 'm1', status: 'received' },
            { materialId: 'm2', status: 'missing' },
          ],
        },
        actors.clerk,
      ),
      notice.next(
        'noticeIssued',
        {
          items: [{ materialId: 'm2', problem: 'missing', detail: '未提交' }],
          intakeSeal: 'printed',
        },
        actors.clerk,
      ),
    ];
    const signed = device.sign(
      inWritingOrder([...withConsent, ...(await h.sealed(device, decision)), ...noticeEvents]),
    );
    const pushed = await device.pushOk(signed);
    expect(pushed.results.map((r) => r.conflict ?? r.status)).toEqual(signed.map(() => 'accepted'));
    expect((await messages()).map((m) => m.kind).sort()).toEqual(
      ['accepted', 'certificateIssued', 'noticeIssued', 'stamped'].sort(),
    );

    // the same batch again: acknowledged, nothing queued
    await device.pushOk(signed);
    expect(await messages()).toHaveLength(4);

    expect(await round()).toBe(4);
    expect(await round()).toBe(0);
    expect(stand.requests.every((r) => r.signatureOk)).toBe(true);
    expect(stand.delivered).toHaveLength(4);
    const rows = await messages();
    expect(rows.every((m) => m.status === 'sent' && m.provider_id)).toBe(true);
    expect(new Set(stand.delivered.map((d) => d.outId))).toEqual(new Set(rows.map((m) => m.id)));
    const accepted = stand.delivered.find((d) => d.templateCode === 'SMS_1001')!;
    expect(accepted).toMatchObject({
      phone: '13800138000',
      signName: '示范区政务服务中心',
      templateParam: { caseNumber: script.caseNumber, itemName: expect.any(String) },
    });
    const stamped = stand.delivered.find((d) => d.templateCode === 'SMS_1003')!;
    expect(stamped.templateParam.result).toBe('准予许可');
    // what the manager reads is what the applicant reads; nothing personal but the case
    const text = rows.find((m) => m.kind === 'accepted')!.text;
    expect(text).toMatch(/^【示范区政务服务中心】您申请的.+（办件编号.+）已于2025年3月10日受理/);
    for (const m of rows) {
      expect(m.text).not.toContain(script.idNumber);
      expect(m.params).not.toContain(script.idNumber);
    }
  });

  it('links the acceptance to its rating page; a rating through it is the SMS channel', async () => {
    const linked = {
      ...defaultSmsSettings.templates.accepted,
      templateCode: 'SMS_1001',
      text: '您申请的${itemName}已受理。评价本次服务：https://zwfw.example.gov.cn/rate/${rateCode}?via=sms',
    };
    // a notice with no step to rate has no code to link
    const refused = smsSettingsInputSchema.safeParse({
      ...defaultSmsSettings,
      templates: { ...defaultSmsSettings.templates, noticeIssued: linked },
    });
    expect(refused.error?.issues[0]?.message).toContain('不能使用 ${rateCode}');
    const { h, device, stand } = await setup();
    const stored = await t()
      .db.selectFrom('sms_settings')
      .select('value')
      .executeTakeFirstOrThrow();
    const value = JSON.parse(stored.value) as typeof defaultSmsSettings;
    await t()
      .db.updateTable('sms_settings')
      .set({
        value: JSON.stringify({ ...value, templates: { ...value.templates, accepted: linked } }),
      })
      .execute();
    const { s, events } = acceptedCase(true);
    const [received, checked, accepted] = device.sign(events);
    await device.pushOk([received!, checked!, accepted!]);
    expect(await round()).toBe(1);
    const code = verificationCode(accepted!.hash);
    expect(stand.delivered[0]!.templateParam).toMatchObject({ rateCode: code });
    expect((await messages())[0]!.text).toContain(`/rate/${code}?via=sms`);

    // the applicant follows the link: the form posts back with the channel, kept as 短信
    const page = await h.call('GET', `/rate/${code}?via=sms`, { headers: { accept: 'text/html' } });
    expect(page.body).toContain(`action="${code}?via=sms"`);
    const rated = await h.call('POST', `/rate/${code}?via=sms`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `caseNumber=${s.caseNumber}&level=1`,
    });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(
      await t().db.selectFrom('ratings').select(['channel', 'service_kind']).execute(),
    ).toEqual([{ channel: 'sms', service_kind: 'acceptance' }]);
  });

  it('sends nothing when the applicant declined, or was never asked', async () => {
    const { device } = await setup();
    const declined = acceptedCase(false).events;
    const notAsked = acceptedCase(undefined, '2025-03-10T08:30:00+08:00').events;
    const pushed = await device.pushOk(device.sign([...declined, ...notAsked]));
    expect(pushed.results.every((r) => r.status === 'accepted')).toBe(true);
    expect(await messages()).toEqual([]);
  });

  it('retries after an HTTP 500 and a provider error, and the provider gets one message', async () => {
    const { device, stand } = await setup();
    await device.pushOk(device.sign(acceptedCase(true).events));
    stand.failNext(1, { status: 500 });
    stand.failNext(1, { code: 'isp.SYSTEM_ERROR' });
    expect(await round()).toBe(1);
    let [row] = await messages();
    expect(row).toMatchObject({
      status: 'queued',
      uncertain: 1,
      last_error: '服务商应答 HTTP 500',
    });
    // the backoff: not due again at once (1 minute ±50 %, here exactly 1 minute)
    expect(await round()).toBe(0);
    now = new Date(now.getTime() + 60_000);
    expect(await round()).toBe(1);
    [row] = await messages();
    expect(row).toMatchObject({
      status: 'queued',
      last_error: 'isp.SYSTEM_ERROR: stand-in: isp.SYSTEM_ERROR',
    });
    now = new Date(now.getTime() + 2 * 60_000);
    expect(await round()).toBe(1);
    [row] = await messages();
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    expect(stand.delivered).toHaveLength(1);
    // after the 500 the provider was asked first whether it held the message
    expect(stand.requests.map((r) => r.action)).toEqual([
      'SendSms',
      'QuerySendDetails',
      'SendSms',
      'QuerySendDetails',
      'SendSms',
    ]);
    const attempts = await t()
      .db.selectFrom('sms_attempts')
      .select(['seq', 'outcome'])
      .orderBy('seq')
      .execute();
    expect(attempts.map((a) => a.outcome)).toEqual(['uncertain', 'failed', 'sent']);
  });

  it('a send whose answer never came is found at the provider, not sent again', async () => {
    const { device, stand } = await setup();
    await device.pushOk(device.sign(acceptedCase(true).events));
    stand.failNext(1, { swallow: true });
    expect(await round({ timeoutMs: 300 })).toBe(1);
    expect((await messages())[0]).toMatchObject({ status: 'queued', uncertain: 1 });
    now = new Date(now.getTime() + 60_000);
    expect(await round()).toBe(1);
    expect((await messages())[0]).toMatchObject({ status: 'sent', uncertain: 0 });
    expect(stand.delivered).toHaveLength(1);
    expect(stand.requests.map((r) => r.action)).toEqual(['SendSms', 'QuerySendDetails']);
  });

  it('a claim whose process died is taken over after its lease, asking the provider first', async () => {
    const { device, stand } = await setup();
    await device.pushOk(device.sign(acceptedCase(true).events));
    // a process claims the message and dies before it sends or settles
    const [claimed] = await claimDue(t().db, t().dialect, now, 10, 5 * 60_000);
    expect(claimed).toMatchObject({ status: 'sending', attempts: 1 });
    expect(await round()).toBe(0);
    now = new Date(now.getTime() + 5 * 60_000);
    expect(await round()).toBe(1);
    expect(stand.requests.map((r) => r.action)).toEqual(['QuerySendDetails', 'SendSms']);
    expect((await messages())[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(stand.delivered).toHaveLength(1);
  });

  it('fails past the limit, shows the failure to the manager, and resends it once', async () => {
    const { device, stand } = await setup({ maxAttempts: 2 });
    await device.pushOk(device.sign(acceptedCase(true).events));
    stand.failNext(2, { code: 'isv.BUSINESS_LIMIT_CONTROL' });
    await round();
    now = new Date(now.getTime() + 60_000);
    await round();
    const staff = testApp(t(), clock);
    const manager = await staff.tokenFor('manager');
    const failed = (
      await staff.call('GET', '/api/sms/messages?status=failed', { token: manager })
    ).json<SmsMessage[]>();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      status: 'failed',
      attempts: 2,
      phone: '138****8000',
      lastError: expect.stringContaining('isv.BUSINESS_LIMIT_CONTROL'),
    });
    const resent = await staff.call('POST', `/api/sms/messages/${failed[0]!.id}/resend`, {
      token: manager,
    });
    expect(resent.statusCode).toBe(200);
    expect(resent.json<SmsMessage>().status).toBe('queued');
    expect(await round()).toBe(1);
    expect(stand.delivered).toHaveLength(1);
    // a delivered message is never sent again
    const again = await staff.call('POST', `/api/sms/messages/${failed[0]!.id}/resend`, {
      token: manager,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toBe(
      '该短信已发送成功，不会重复发送',
    );
    // a clerk's session reads nothing of the outbox
    const clerk = await staff.tokenFor('clerk', 'w-sj-1');
    expect((await staff.call('GET', '/api/sms/messages', { token: clerk })).statusCode).toBe(403);
  });

  it('a message queued at 22:00 waits for 08:00', async () => {
    const { device } = await setup();
    now = new Date('2025-03-10T22:00:00+08:00');
    await device.pushOk(device.sign(acceptedCase(true, '2025-03-10T21:00:00+08:00').events));
    expect((await messages())[0]!.due_at).toBe('2025-03-11T08:00:00.000+08:00');
    now = new Date('2025-03-11T07:59:00+08:00');
    expect(await round()).toBe(0);
    now = new Date('2025-03-11T08:00:00+08:00');
    expect(await round()).toBe(1);
  });

  it('sends nothing outside the window, however long a message waited or whoever claimed it', async () => {
    const { device, stand } = await setup({ enabled: false });
    // queued at 10:00 while sending was off
    await device.pushOk(device.sign(acceptedCase(true).events));
    const stored = await t()
      .db.selectFrom('sms_settings')
      .select('value')
      .executeTakeFirstOrThrow();
    await t()
      .db.updateTable('sms_settings')
      .set({ value: JSON.stringify({ ...JSON.parse(stored.value), enabled: true }) })
      .execute();
    // switched on at 22:00: the message waits for the morning
    now = new Date('2025-03-10T22:00:00+08:00');
    expect(await round()).toBe(0);
    now = new Date('2025-03-11T08:00:00+08:00');
    expect(await round()).toBe(1);
    expect(stand.delivered).toHaveLength(1);

    // claimed at 19:58 by a process that died: taken over the next morning, not at 20:05
    now = new Date('2025-03-11T19:50:00+08:00');
    await device.pushOk(device.sign(acceptedCase(true, '2025-03-11T19:00:00+08:00').events));
    now = new Date('2025-03-11T19:58:00+08:00');
    expect(await claimDue(t().db, t().dialect, now, 10, 5 * 60_000)).toHaveLength(1);
    now = new Date('2025-03-11T20:05:00+08:00');
    expect(await round()).toBe(0);
    expect(stand.delivered).toHaveLength(1);
    now = new Date('2025-03-12T08:00:00+08:00');
    expect(await round()).toBe(1);
    expect(stand.delivered).toHaveLength(2);
  });

  it('a round slowed past its lease leaves what another process took over', async () => {
    const { device, stand } = await setup();
    await device.pushOk(device.sign(acceptedCase(true).events));
    await device.pushOk(device.sign(acceptedCase(true, '2025-03-10T08:30:00+08:00').events));
    // the provider takes the first message and its answer never comes
    stand.failNext(1, { swallow: true });
    const slow = round({ timeoutMs: 3_000 });
    await vi.waitFor(() => expect(stand.delivered).toHaveLength(1));
    // meanwhile the lease ran out: another process's round takes both over
    now = new Date(now.getTime() + 6 * 60_000);
    expect(await round()).toBe(2);
    await slow;
    // each applicant got their message once: the slow round did not send the second again
    expect(stand.delivered.map((d) => d.outId).sort()).toEqual(
      (await messages()).map((m) => m.id).sort(),
    );
    expect((await messages()).every((m) => m.status === 'sent')).toBe(true);
  });

  it('a wrong secret is refused by the provider as a bad signature, and not retried', async () => {
    const { device, stand } = await setup({ accessKeySecret: 'not-the-secret' });
    await device.pushOk(device.sign(acceptedCase(true).events));
    await round();
    expect(stand.requests).toEqual([{ action: 'SendSms', signatureOk: false }]);
    expect((await messages())[0]).toMatchObject({
      status: 'failed',
      last_error: expect.stringContaining('SignatureDoesNotMatch'),
    });
  });

  it('never answers the secret; a blank one keeps the stored one', async () => {
    await setup();
    const staff = testApp(t(), clock);
    const manager = await staff.tokenFor('manager');
    const got = await staff.call('GET', '/api/sms/settings', { token: manager });
    expect(got.json<SmsSettings>().secretSet).toBe(true);
    expect(got.body).not.toContain(standIn!.secret);
    const { secretSet: _, ...settings } = got.json<SmsSettings>();
    const put = await staff.call('PUT', '/api/sms/settings', {
      token: manager,
      body: { ...settings, accessKeySecret: '', signName: '某某中心' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.body).not.toContain(standIn!.secret);
    expect(put.json<SmsSettings>()).toMatchObject({ secretSet: true, signName: '某某中心' });
    const bad = await staff.call('PUT', '/api/sms/settings', {
      token: manager,
      body: { ...settings, window: { from: '20:00', to: '08:00' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('结束时间须晚于开始时间');
  });

  it('two center processes sending at once never send one message twice', async () => {
    const { device, stand } = await setup();
    // 40 cases a minute apart, their events in the order one terminal wrote them
    const start = Date.parse('2025-03-10T08:00:00+08:00');
    const events = inWritingOrder(
      Array.from(
        { length: 40 },
        (_, i) => acceptedCase(true, new Date(start + i * 60_000).toISOString()).events,
      ).flat(),
    );
    for (let from = 0; from < events.length; from += 30) {
      await device.pushOk(device.sign(events.slice(from, from + 30)));
    }
    expect(await messages()).toHaveLength(40);
    const second = await openServerDb(t().options);
    try {
      const sender = (db: typeof second.db) =>
        sendDue(db, t().dialect, clock, { batch: 3, random: () => 0.5 });
      // each keeps going until a round finds nothing: together they empty the outbox
      const drain = async (db: typeof second.db) => {
        let claimed = 0;
        for (let n = await sender(db); n > 0; n = await sender(db)) claimed += n;
        return claimed;
      };
      const [a, b] = await Promise.all([drain(t().db), drain(second.db)]);
      expect(a + b).toBe(40);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
    expect(stand.delivered).toHaveLength(40);
    expect(new Set(stand.delivered.map((d) => d.outId)).size).toBe(40);
    expect((await messages()).every((m) => m.status === 'sent')).toBe(true);
  });
});
