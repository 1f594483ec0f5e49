import { expect, it } from 'vitest';
import {
  centerContract,
  type RatingPrompt,
  type RatingRecord,
  type RatingReport,
} from '../../shared/center-api';
import { shanghaiIso } from '../../shared/calendar';
import { verificationCode } from '../../shared/documents';
import { startProvincialStandin } from '../../tests/support/provincial-standin';
import { eachDialect } from '../db/test-db';
import { pushRatings } from './push';
import { actors, caseScript, seedHall, syncHarness } from '../sync/test-support';
import { testApp } from '../test-app';
import { ratingPath as path, ratingSteps } from './test-support';

// Issue 17, part 2: 好差评 at the center through the real routes, on both dialects.

type Failure = { error: { code: string; message: string; field?: string } };

eachDialect('center: 好差评 by the applicant', (t) => {
  // Friday 14 March 2025: a bad rating's follow-up falls due three working days later, Wednesday
  let clock = new Date('2025-03-14T09:00:00+08:00');
  const minutes = (n: number) => {
    clock = new Date(clock.getTime() + n * 60_000);
  };

  const setup = async () => {
    clock = new Date('2025-03-14T09:00:00+08:00');
    await seedHall(t().db);
    const h = syncHarness(t(), () => clock);
    const staff = testApp(t(), () => clock);
    const manager = await staff.tokenFor('manager');
    const supervisor = await staff.tokenFor('supervisor');
    const sj1 = await h.enroll('w-sj-1');
    const sj2 = await h.enroll('w-sj-2');
    const steps = ratingSteps(h.call, staff.call, manager);
    const pair = steps.pair;
    /** a ticket taken, called and finished at `device`'s window: its id */
    const serve = (device = sj1, staffId: string = actors.clerk.userId) =>
      steps.serve(device, staffId);
    const prompt = async (token: string) =>
      (await h.call('GET', path('rating.prompt'), { token })).json<RatingPrompt>();
    const rate = (token: string, serviceId: string, rating: Record<string, unknown>) =>
      h.call('POST', path('rating.rate'), { token, body: { serviceId, rating } });
    const report = async (token = manager) => {
      const res = await staff.call(
        'GET',
        `${path('reports.ratings')}?from=2025-03-01&to=2025-03-31&department=SJ`,
        { token },
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json<RatingReport>();
    };
    const list = async () =>
      (
        await staff.call('GET', `${path('rating.list')}?from=2025-03-01&to=2025-03-31`, {
          token: supervisor,
        })
      ).json<{ ratings: RatingRecord[] }>().ratings;
    /** a case received, checked and accepted at SJ01: its acceptance notice's QR code */
    const accept = async (script: ReturnType<typeof caseScript>) => {
      const signed = sj1.sign([script.received(), script.checked(), script.accepted()]);
      await sj1.pushOk(signed);
      return verificationCode(signed[2]!.hash);
    };
    return {
      h,
      staff,
      manager,
      supervisor,
      sj1,
      sj2,
      pair,
      serve,
      prompt,
      rate,
      report,
      list,
      accept,
    };
  };

  it('a device rates only once paired, and only the ticket just finished at its window', async () => {
    const { h, staff, manager, sj1, pair, serve, prompt, rate } = await setup();
    const ticket = await serve();
    // the window's own terminal token is no rating device's
    expect((await h.call('GET', path('rating.prompt'), { token: sj1.token })).statusCode).toBe(401);
    expect((await rate(sj1.token, ticket, { level: 1 })).statusCode).toBe(401);
    expect((await h.call('GET', path('rating.prompt'))).statusCode).toBe(401);

    // wrong codes are counted: the fifth voids the open code, the right one then fails too
    const issued = await staff.call('POST', path('rating.pairingCode', 'SJ01'), { token: manager });
    const { code } = issued.json<{ code: string }>();
    for (let i = 0; i < 5; i++) {
      const wrong = await h.call('POST', path('rating.pair'), {
        body: { windowCode: 'SJ01', code: 'AAAA-AAAA-AAAA' },
      });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json<Failure>().error.message).toBe('配对码不正确');
    }
    const late = await h.call('POST', path('rating.pair'), { body: { windowCode: 'SJ01', code } });
    expect(late.statusCode).toBe(401);
    expect(late.json<Failure>().error.message).toContain('重新索取');

    const token = await pair('SJ01');
    expect(await prompt(token)).toMatchObject({
      windowCode: 'SJ01',
      service: { serviceId: ticket, ticketNumber: 'A001' },
    });
    // a bad level names a reason, in words the applicant reads
    const bare = await rate(token, ticket, { level: 4 });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('请选择不满意的原因');
    const kept = await rate(token, ticket, {
      level: 4,
      reasons: ['办事效率低'],
      comment: '等太久',
    });
    expect(kept.statusCode, kept.body).toBe(201);
    expect((await prompt(token)).service).toBeNull();

    // the next ticket of this window is offered, another window's never; ten minutes pass: gone
    const next = await serve();
    expect((await prompt(token)).service?.serviceId).toBe(next);
    minutes(11);
    expect((await prompt(token)).service).toBeNull();
    expect((await rate(token, next, { level: 1 })).statusCode).toBe(409);

    // pairing again replaces the first tablet
    const second = await pair('SJ01');
    expect((await h.call('GET', path('rating.prompt'), { token })).statusCode).toBe(401);
    expect((await prompt(second)).windowCode).toBe('SJ01');
  });

  it('a window serving without tickets is rated by the case step its terminal just pushed', async () => {
    const { staff, manager, pair, serve, prompt, rate, list, accept } = await setup();
    const token = await pair('SJ01');
    const other = await pair('SJ02');
    // received at 08:40, accepted at 09:00 (the center's clock) at SJ01's counter, no ticket
    const walkIn = caseScript({ start: '2025-03-14T08:40:00+08:00' });
    await accept(walkIn);
    expect(await prompt(token)).toMatchObject({
      service: { serviceKind: 'acceptance', serviceId: walkIn.caseId, ticketNumber: null },
    });
    // the step was done at SJ01: SJ02's tablet has nothing to ask
    expect((await prompt(other)).service).toBeNull();
    expect((await rate(token, walkIn.caseId, { level: 2 })).statusCode).toBe(201);
    expect((await prompt(token)).service).toBeNull();
    expect((await list()).find((r) => r.caseNumber === walkIn.caseNumber)).toMatchObject({
      serviceKind: 'acceptance',
      channel: 'device',
      windowCode: 'SJ01',
      staffName: actors.clerk.name,
    });
    // a paper form for that step is kept apart and not counted: the applicant rated it already
    const paper = await staff.call('POST', path('rating.paper'), {
      token: manager,
      body: {
        formNumber: 'PJ-2025-0100',
        caseNumber: walkIn.caseNumber,
        step: 'acceptance',
        rating: { level: 1 },
      },
    });
    expect(paper.json<RatingRecord>()).toMatchObject({ counted: false, superseded: true });

    // pushed late by a PC that was offline: the applicant left long ago, nothing is offered
    const offline = caseScript({ start: '2025-03-14T07:00:00+08:00' });
    await accept(offline);
    expect((await prompt(token)).service).toBeNull();

    // a window calling tickets is rated per ticket: a step pushed next to it is not asked again
    const ticket = await serve();
    const next = caseScript({ start: '2025-03-14T08:40:00+08:00' });
    await accept(next);
    expect((await prompt(token)).service).toMatchObject({
      serviceKind: 'ticket',
      serviceId: ticket,
    });
    expect((await rate(token, next.caseId, { level: 1 })).statusCode).toBe(409);
  });

  it('one visit, one rating: a ticket rated at the device is not rated again as its step', async () => {
    const { h, sj1, pair, rate, report, accept } = await setup();
    const token = await pair('SJ01');
    const act = (action: string) =>
      h.call('POST', centerContract['queue.act'].path, {
        token: sj1.token,
        body: { staffId: actors.clerk.userId, act: { action } },
      });
    /** a ticket called, its case received, checked and accepted, the ticket finished */
    const visit = async (start: string) => {
      const taken = (
        await h.call('POST', centerContract['queue.take'].path, {
          body: { departmentCode: 'SJ' },
        })
      ).json<{ id: string; number: string }>();
      expect((await act('callNext')).statusCode).toBe(200);
      // accepted by the terminal's clock ten minutes before the center's clock finishes the ticket
      const script = caseScript({
        start,
        ticket: { id: taken.id, number: taken.number },
      });
      const code = await accept(script);
      expect((await act('finish')).statusCode).toBe(200);
      const byPhone = (level: number) =>
        h.call('POST', `/rate/${code}`, {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `caseNumber=${script.caseNumber}&level=${level}`,
        });
      return { ticket: taken.id, byPhone };
    };

    const first = await visit('2025-03-14T08:30:00+08:00');
    expect((await rate(token, first.ticket, { level: 2 })).statusCode).toBe(201);
    const again = await first.byPhone(1);
    expect(again.statusCode).toBe(409);
    expect(again.json<Failure>().error.message).toContain('已经在窗口评价过了');

    // the other way round: the notice's QR first, then the device
    minutes(30);
    const second = await visit('2025-03-14T09:00:00+08:00');
    const secondPhone = await second.byPhone(3);
    expect(secondPhone.statusCode, secondPhone.body).toBe(201);
    expect((await rate(token, second.ticket, { level: 1 })).statusCode).toBe(409);
    expect((await report()).levels).toEqual({ '1': 0, '2': 1, '3': 1, '4': 0, '5': 0 });

    // a pickup: the licence handed over while the applicant's next ticket is served
    minutes(120);
    const pickup = caseScript({ start: '2025-03-14T10:00:00+08:00' });
    const before = [pickup.received(), pickup.checked(), pickup.accepted(), pickup.reviewed()];
    const decided = pickup.decided();
    const stamped = pickup.next(
      'stamped',
      {
        decisionEventId: decided.id,
        decisionHash: 'f'.repeat(64),
        decisionNumber: 'SJ许〔2025〕1号',
      },
      actors.chief,
    );
    const made = pickup.next(
      'certificateIssued',
      { certificateNumber: 'JY13101010000001' },
      actors.chief,
    );
    await sj1.pushOk(sj1.sign(await h.sealed(sj1, [...before, decided, stamped, made])));
    minutes(30);
    const ticket = (
      await h.call('POST', centerContract['queue.take'].path, { body: { departmentCode: 'SJ' } })
    ).json<{ id: string }>().id;
    expect((await act('callNext')).statusCode).toBe(200);
    const handedOver = {
      ...pickup.next('delivered', { method: 'window', recipient: '申请人甲' }, actors.clerk),
      occurredAt: shanghaiIso(clock),
    };
    const [signed] = sj1.sign([handedOver]);
    await sj1.pushOk([signed!]);
    expect((await act('finish')).statusCode).toBe(200);
    expect((await rate(token, ticket, { level: 1 })).statusCode).toBe(201);
    const receipt = await h.call('POST', `/rate/${verificationCode(signed!.hash)}`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `caseNumber=${pickup.caseNumber}&level=1`,
    });
    expect(receipt.statusCode).toBe(409);
  });

  it('a 代录 form keyed first never takes the applicant’s own rating of the service', async () => {
    const { h, staff, manager, report, list, accept } = await setup();
    const script = caseScript({ start: '2025-03-13T09:00:00+08:00' });
    const code = await accept(script);
    const paper = await staff.call('POST', path('rating.paper'), {
      token: manager,
      body: {
        formNumber: 'PJ-2025-0200',
        caseNumber: script.caseNumber,
        step: 'acceptance',
        rating: { level: 1 },
      },
    });
    expect(paper.statusCode, paper.body).toBe(201);
    // `?via=sms` typed by hand: no SMS carried this link, so it counts as 扫码
    const own = await h.call('POST', `/rate/${code}?via=sms`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `caseNumber=${script.caseNumber}&level=5&reasons=${encodeURIComponent('多次跑动')}`,
    });
    expect(own.statusCode, own.body).toBe(201);
    // the applicant's own word counts; the form stays on record, out of the count
    const figures = await report();
    expect(figures.levels['5']).toBe(1);
    expect(figures.paper.total).toBe(0);
    const kept = await list();
    expect(kept).toHaveLength(2);
    expect(kept.find((r) => r.channel === 'paper')).toMatchObject({
      counted: false,
      superseded: true,
    });
    expect(kept.find((r) => r.channel === 'qr')).toMatchObject({
      counted: true,
      superseded: false,
    });
    // still one applicant rating per service
    const twice = await h.call('POST', `/rate/${code}`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `caseNumber=${script.caseNumber}&level=1`,
    });
    expect(twice.statusCode).toBe(409);
  });

  it('a rated event written by staff is refused by the center since the applicant rates', async () => {
    const { sj1 } = await setup();
    // the center's clock past the release that ended staff entry; the case a PC's own today
    clock = new Date('2026-12-05T10:00:00+08:00');
    const script = caseScript({ start: '2026-12-05T09:30:00+08:00' });
    const pushed = await sj1.pushOk(
      sj1.sign([script.received(), script.next('rated', { score: 1 }, actors.clerk)]),
    );
    expect(pushed.results.map((r) => r.conflict?.rule ?? r.status)).toEqual([
      'accepted',
      'rating.applicantOnly',
    ]);
  });

  it('one rating per service: a second is refused, also when two arrive at once', async () => {
    const { pair, serve, rate, list } = await setup();
    const token = await pair('SJ01');
    const ticket = await serve();
    const both = await Promise.all([
      rate(token, ticket, { level: 1 }),
      rate(token, ticket, { level: 5, reasons: ['服务态度差'] }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const again = await rate(token, ticket, { level: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json<Failure>().error.message).toContain('已经评价过');
    const ratings = await list();
    expect(ratings).toHaveLength(1);
    expect(ratings[0]).toMatchObject({
      channel: 'device',
      serviceKind: 'ticket',
      windowCode: 'SJ01',
      staffName: actors.clerk.name,
      ticketNumber: 'A001',
    });
  });

  it('staff have no call that changes or deletes a rating', async () => {
    const { staff, manager, pair, serve, rate, list } = await setup();
    const token = await pair('SJ01');
    await rate(token, await serve(), { level: 5, reasons: ['多次跑动'] });
    const [rating] = await list();
    // the contract: ratings are only ever created or read
    const writes = Object.values(centerContract).filter(
      (c) => c.path.startsWith('/api/ratings') || c.path.startsWith('/api/hall/rating'),
    );
    expect(writes.every((c) => c.method === 'GET' || c.method === 'POST')).toBe(true);
    for (const method of ['PUT', 'DELETE', 'PATCH'] as const) {
      const res = await staff.call(method, `/api/ratings/${rating!.id}`, {
        token: manager,
        body: { level: 1 },
      });
      expect(res.statusCode).toBe(404);
    }
    expect((await list())[0]).toMatchObject({ level: 5, reasons: ['多次跑动'] });
  });

  it('代录 by the form’s number: once per form and per service, counted apart', async () => {
    const { h, staff, manager, sj1, pair, serve, rate, report, accept } = await setup();
    const script = caseScript({ start: '2025-03-13T09:00:00+08:00' });
    await accept(script);
    const key = (body: Record<string, unknown>) =>
      staff.call('POST', path('rating.paper'), { token: manager, body });
    const form = {
      formNumber: 'PJ-2025-0001',
      caseNumber: script.caseNumber,
      step: 'acceptance',
      rating: { level: 2 },
    };
    const kept = await key(form);
    expect(kept.statusCode, kept.body).toBe(201);
    expect(kept.json<RatingRecord>()).toMatchObject({
      channel: 'paper',
      formNumber: 'PJ-2025-0001',
    });
    const sameForm = await key(form);
    expect(sameForm.statusCode).toBe(409);
    expect(sameForm.json<Failure>().error.field).toBe('formNumber');
    // the decision is not made yet: that step cannot be rated
    const early = await key({ ...form, formNumber: 'PJ-2025-0002', step: 'decision' });
    expect(early.statusCode).toBe(409);
    expect(early.json<Failure>().error.message).toContain('尚未审批决定');
    const sameService = await key({ ...form, formNumber: 'PJ-2025-0003' });
    expect(sameService.statusCode).toBe(409);
    const unknown = await key({ ...form, formNumber: 'PJ-2025-0004', caseNumber: 'SJ-NONE' });
    expect(unknown.statusCode).toBe(404);
    // a window's terminal cannot key in a form
    const byDevice = await h.call('POST', path('rating.paper'), { token: sj1.token, body: form });
    expect(byDevice.statusCode).toBe(401);

    const token = await pair('SJ01');
    await rate(token, await serve(), { level: 4, reasons: ['政策不清晰'] });
    const figures = await report();
    expect(figures.levels).toEqual({ '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 });
    expect(figures).toMatchObject({ total: 1, bad: 1, badRate: 1 });
    expect(figures.paper).toEqual({ levels: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 0 }, total: 1 });
  });

  it('a bad rating opens a follow-up due in working days, recorded once by the manager', async () => {
    const { staff, pair, serve, rate, list, report } = await setup();
    const token = await pair('SJ01');
    await rate(token, await serve(), { level: 2 });
    minutes(1);
    await rate(token, await serve(), {
      level: 5,
      reasons: ['服务态度差', '其他'],
      comment: '态度差',
    });
    const [good, bad] = await list();
    expect(good!.followUp).toBeNull();
    // Friday the 14th + 3 working days: Wednesday the 19th, over the weekend
    expect(bad!.followUp).toMatchObject({ dueDate: '2025-03-19', contactedAt: null });
    expect(bad!.followUp!.rectificationDue > '2025-04-01').toBe(true);
    expect(await report()).toMatchObject({ followUpsOpen: 1, followUpsOverdue: 0 });
    // due on the 19th: still open on that day, overdue from the next, on the center's calendar
    // (days later: the manager signs in again)
    clock = new Date('2025-03-19T23:59:00+08:00');
    let later = await staff.tokenFor('manager');
    expect(await report(later)).toMatchObject({ followUpsOpen: 1, followUpsOverdue: 0 });
    clock = new Date('2025-03-20T00:01:00+08:00');
    later = await staff.tokenFor('manager');
    expect(await report(later)).toMatchObject({ followUpsOpen: 1, followUpsOverdue: 1 });

    const record = async (id: string, contactedAt = '2025-03-17T10:00:00+08:00') =>
      staff.call('POST', path('rating.followUp', id), {
        token: await staff.tokenFor('manager'),
        body: {
          contactedBy: '陈经理',
          contactedAt,
          method: 'phone',
          result: '已致歉，申请人表示理解',
          rectification: '窗口加强服务礼仪培训',
        },
      });
    // recorded on Monday the 17th at 11:00: the applicant was reached at 10:00, not before the
    // rating nor later than now
    clock = new Date('2025-03-17T11:00:00+08:00');
    for (const when of ['2025-03-14T08:00:00+08:00', '2025-03-18T10:00:00+08:00']) {
      const refused = await record(bad!.id, when);
      expect(refused.statusCode).toBe(400);
      expect(refused.json<Failure>().error.field).toBe('contactedAt');
    }
    const done = await record(bad!.id);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<RatingRecord>().followUp).toMatchObject({
      contactedBy: '陈经理',
      // the center's clock, not the time typed
      recordedAt: '2025-03-17T11:00:00.000+08:00',
      method: 'phone',
      rectification: '窗口加强服务礼仪培训',
    });
    const afterwards = await staff.tokenFor('manager');
    expect(await report(afterwards)).toMatchObject({ followUpsOpen: 0, followUpsOverdue: 0 });
    expect((await record(bad!.id)).statusCode).toBe(409);
    expect((await record(good!.id)).statusCode).toBe(409);
  });

  it('an appeal upheld by the supervisor takes the rating out of the count, reasons kept', async () => {
    const { h, staff, supervisor, manager, sj1, pair, serve, rate, report, list } = await setup();
    const token = await pair('SJ01');
    await rate(token, await serve(), { level: 5, reasons: ['服务态度差'] });
    const [rating] = await list();
    // the window's own staff appeal, signed in at the center
    const atSj1 = await staff.tokenFor('clerk', 'w-sj-1');
    const atSj2 = await staff.tokenFor('chief', 'w-sj-2');
    const appeal = (tokenOf: string, reason: string) =>
      staff.call('POST', path('rating.appeal', rating!.id), { token: tokenOf, body: { reason } });
    // another window's member cannot appeal it, nor can a terminal's device token
    expect((await appeal(atSj2, '不是本窗口的评价')).statusCode).toBe(403);
    const byDevice = await h.call('POST', path('rating.appeal', rating!.id), {
      token: sj1.token,
      body: { reason: '申请人误评' },
    });
    expect(byDevice.statusCode).toBe(401);
    const short = await appeal(atSj1, ' ');
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('请写明申诉理由');
    const filed = await appeal(atSj1, '申请人按错了键，当场已说明');
    expect(filed.statusCode, filed.body).toBe(201);
    expect((await appeal(atSj1, '再次申诉')).statusCode).toBe(409);
    // praise has nothing to dispute
    minutes(1);
    await rate(token, await serve(), { level: 1 });
    const praise = (await list()).find((r) => r.level === 1)!;
    const disputed = await staff.call('POST', path('rating.appeal', praise.id), {
      token: atSj1,
      body: { reason: '不需要这条好评' },
    });
    expect(disputed.statusCode).toBe(409);
    expect((await report()).appealsWaiting).toBe(1);

    const decide = (tokenOf: string) =>
      staff.call('POST', path('rating.decideAppeal', rating!.id), {
        token: tokenOf,
        body: { upheld: true, note: '监控显示申请人误触' },
      });
    expect((await decide(manager)).statusCode).toBe(403);
    const decided = await decide(supervisor);
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await decide(supervisor)).statusCode).toBe(409);
    // out of the counts: no follow-up is due, none is recorded
    const followUp = await staff.call('POST', path('rating.followUp', rating!.id), {
      token: manager,
      body: {
        contactedBy: '陈经理',
        contactedAt: clock.toISOString(),
        method: 'phone',
        result: '已联系',
      },
    });
    expect(followUp.statusCode).toBe(409);

    const figures = await report();
    expect(figures).toMatchObject({ total: 1, bad: 0, badRate: 0, appealedAway: 1 });
    expect(figures.appealsWaiting).toBe(0);
    const [kept] = await list();
    expect(kept).toMatchObject({
      counted: false,
      level: 5,
      reasons: ['服务态度差'],
      appeal: {
        reason: '申请人按错了键，当场已说明',
        decision: 'upheld',
        decisionNote: '监控显示申请人误触',
      },
    });
  });
  it('a phone rates the step of the notice it scanned, once, with the case number as proof', async () => {
    const { h, list, accept } = await setup();
    const script = caseScript({ start: '2025-03-13T09:00:00+08:00' });
    const code = await accept(script);
    const asPhone = { accept: 'text/html' };
    const verify = await h.call('GET', `/verify/${code}`, { headers: asPhone });
    expect(verify.body).toContain(`<a href="../rate/${code}">评价本次服务</a>`);

    const form = await h.call('GET', `/rate/${code}`, { headers: asPhone });
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-security-policy']).toContain("form-action 'self'");
    expect(form.headers['content-security-policy']).not.toContain('script');
    expect(form.body).toContain('受理通知书（受理环节）');
    // nothing of the applicant, not even the case number: the applicant types it
    expect(form.body).not.toContain(script.caseNumber);
    expect(form.body).not.toContain('申请人甲');

    const post = (fields: string) =>
      h.call('POST', `/rate/${code}`, {
        headers: { ...asPhone, 'content-type': 'application/x-www-form-urlencoded' },
        body: fields,
      });
    const wrong = await post('caseNumber=SJ-0000&level=1');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('办件编号与这份文书不符');
    const noReason = await post(`caseNumber=${script.caseNumber}&level=5&comment=%E6%85%A2`);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('请选择不满意的原因');
    // what was typed comes back with the message
    expect(noReason.body).toContain('value="5" checked');
    const reasons = ['办事效率低', '多次跑动'].map((r) => `reasons=${encodeURIComponent(r)}`);
    const kept = await post(`caseNumber=${script.caseNumber}&level=5&${reasons.join('&')}`);
    expect(kept.statusCode, kept.body).toBe(201);
    expect(kept.body).toContain('感谢您的评价');
    const twice = await post(`caseNumber=${script.caseNumber}&level=1`);
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('只能评价一次');
    expect((await list())[0]).toMatchObject({
      channel: 'qr',
      serviceKind: 'acceptance',
      caseNumber: script.caseNumber,
      reasons: ['办事效率低', '多次跑动'],
    });

    // ten sends in ten minutes from one address; the eleventh waits
    for (let i = 0; i < 6; i++) await post(`caseNumber=${script.caseNumber}&level=9`);
    const limited = await post(`caseNumber=${script.caseNumber}&level=1`);
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('提交过于频繁');
    minutes(11);
    expect((await post(`caseNumber=${script.caseNumber}&level=1`)).statusCode).toBe(409);
  });
  it('a document whose case number was guessed wrong five times takes no phone rating that day', async () => {
    const { h, accept, list } = await setup();
    const script = caseScript({ start: '2025-03-13T09:00:00+08:00' });
    const code = await accept(script);
    const post = (caseNumber: string, minutesLater = 0) => {
      minutes(minutesLater);
      return h.call('POST', `/rate/${code}`, {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `caseNumber=${caseNumber}&level=1`,
      });
    };
    // a guesser across addresses and hours: each wrong number counts against the document
    for (let i = 0; i < 5; i++) {
      expect((await post(`SJ-20250313-SJ01-T1-000${i}`, 11)).statusCode).toBe(400);
    }
    const locked = await post(script.caseNumber, 11);
    expect(locked.statusCode).toBe(429);
    expect(locked.json<Failure>().error.message).toContain('今日暂停在线评价');
    expect(await list()).toEqual([]);
    // a day later the applicant holding the paper rates it
    expect((await post(script.caseNumber, 24 * 60)).statusCode).toBe(201);
  });

  it('exports the national fields as JSON and CSV, and pushes each rating once, retrying', async () => {
    const { h, staff, manager, supervisor, pair, serve, rate, list } = await setup();
    const token = await pair('SJ01');
    await rate(token, await serve(), {
      level: 4,
      reasons: ['办事效率低', '其他'],
      comment: '=1+1, "慢"',
    });
    minutes(1);
    await rate(token, await serve(), { level: 1 });
    const period = 'from=2025-03-14&to=2025-03-14';
    const json = await staff.call('GET', `${path('rating.export')}?${period}`, { token: manager });
    expect(json.statusCode, json.body).toBe(200);
    const rows = json.json<{ ratings: Record<string, unknown>[] }>().ratings;
    expect(rows[0]).toMatchObject({
      serviceKind: '窗口服务',
      channel: '评价器',
      level: 4,
      levelName: '不满意',
      reasons: ['办事效率低', '其他'],
      departmentName: '市场监督管理局',
      windowCode: 'SJ01',
      windowName: '市场监管一号窗',
      staffId: actors.clerk.userId,
      staffName: actors.clerk.name,
      ticketNumber: 'A001',
      appeal: null,
    });
    const csv = await staff.call('GET', `${path('rating.export')}?${period}&format=csv`, {
      token: manager,
    });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="ratings-2025-03-14-2025-03-14.csv"',
    );
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^评价编号,服务类型,事项编码,事项名称,办件编号,排队号,评价渠道,评价等级,/,
    );
    // a comment that would run as a spreadsheet formula is defused, its quotes doubled
    expect(lines[1]).toContain('办事效率低；其他,"\'=1+1, ""慢""",');

    const standin = await startProvincialStandin('a-province-shared-key-0001');
    try {
      // nothing configured: nothing sent
      expect(await pushRatings(t().db, clock)).toEqual({ sent: 0, failed: 0 });
      const set = await staff.call('PUT', path('rating.setSettings'), {
        token: manager,
        body: { followUpDays: 3, pushUrl: standin.url, pushKey: standin.key },
      });
      expect(set.json()).toEqual({ followUpDays: 3, pushUrl: standin.url, pushKeySet: true });

      standin.failNext(1);
      expect(await pushRatings(t().db, clock)).toEqual({ sent: 1, failed: 1 });
      const status = async () =>
        (await staff.call('GET', path('rating.pushStatus'), { token: manager })).json<{
          pushed: number;
          waiting: number;
          failing: { attempts: number; error: string; nextAttemptAt: string }[];
        }>();
      const failed = await status();
      expect(failed).toMatchObject({ pushed: 1, waiting: 1 });
      expect(failed.failing[0]).toMatchObject({ attempts: 1, error: '省级平台答复 HTTP 503' });
      // not again before its delay (one minute after the first failure)
      expect(await pushRatings(t().db, clock)).toEqual({ sent: 0, failed: 0 });
      minutes(2);
      expect(await pushRatings(t().db, clock)).toEqual({ sent: 1, failed: 0 });
      minutes(10);
      expect(await pushRatings(t().db, clock)).toEqual({ sent: 0, failed: 0 });
      expect(standin.received.map((r) => r['level']).sort()).toEqual([1, 4]);
      expect(new Set(standin.received.map((r) => r['ratingId'])).size).toBe(2);
      expect(standin.badSignatures).toBe(0);
      expect(await status()).toMatchObject({ pushed: 2, waiting: 0, failing: [] });

      // an appeal upheld is told to the province: the rating goes again, with its decision
      const badOne = (await list()).find((r) => r.level === 4)!;
      await staff.call('POST', path('rating.appeal', badOne.id), {
        token: await staff.tokenFor('clerk', 'w-sj-1'),
        body: { reason: '申请人误触' },
      });
      await staff.call('POST', path('rating.decideAppeal', badOne.id), {
        token: supervisor,
        body: { upheld: true, note: '录像属实' },
      });
      expect(await pushRatings(t().db, clock)).toEqual({ sent: 1, failed: 0 });
      expect(standin.received.at(-1)).toMatchObject({ ratingId: badOne.id, appeal: '申诉成立' });
      expect(await status()).toMatchObject({ pushed: 2, waiting: 0 });

      // decided while the rating is on its way: the answer records nothing, it goes again
      minutes(1);
      await rate(token, await serve(), { level: 5, reasons: ['其他'] });
      const inFlight = (await list()).find((r) => r.level === 5)!;
      await staff.call('POST', path('rating.appeal', inFlight.id), {
        token: await staff.tokenFor('clerk', 'w-sj-1'),
        body: { reason: '申请人误触' },
      });
      const decidedMeanwhile = async (url: string, init: RequestInit) => {
        const answer = await fetch(url, init);
        await staff.call('POST', path('rating.decideAppeal', inFlight.id), {
          token: supervisor,
          body: { upheld: true, note: '录像属实' },
        });
        return answer;
      };
      expect(await pushRatings(t().db, clock, decidedMeanwhile)).toEqual({ sent: 1, failed: 0 });
      expect(standin.received.at(-1)).toMatchObject({ ratingId: inFlight.id, appeal: null });
      expect(await pushRatings(t().db, clock)).toEqual({ sent: 1, failed: 0 });
      expect(standin.received.at(-1)).toMatchObject({ ratingId: inFlight.id, appeal: '申诉成立' });

      // a wrong key is refused by the province, and the manager sees why
      await staff.call('PUT', path('rating.setSettings'), {
        token: manager,
        body: { followUpDays: 3, pushUrl: standin.url, pushKey: 'not-the-provinces-key' },
      });
      await rate(token, await serve(), { level: 2 });
      expect(await pushRatings(t().db, clock)).toEqual({ sent: 0, failed: 1 });
      expect(standin.badSignatures).toBe(1);
      expect((await status()).failing[0]?.error).toBe('省级平台答复 HTTP 401');
    } finally {
      await standin.close();
    }
    // a clerk's terminal cannot export
    const byDevice = await h.call('GET', `${path('rating.export')}?${period}`, {
      token: await pair('SJ02'),
    });
    expect(byDevice.statusCode).toBe(401);
  });
});
