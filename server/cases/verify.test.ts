import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import type { EventOf } from '../../shared/case';
import { verificationCode } from '../../shared/documents';
import { sealStamp } from '../../node-shared/seal/test-keys';
import { eachDialect } from '../db/test-db';
import { actors, caseScript, seedHall, syncHarness } from '../sync/test-support';

eachDialect('center: verify a printed notice', (t) => {
  const setup = async () => {
    await seedHall(t().db);
    const h = syncHarness(t());
    const one = await h.enroll('w-sj-1');
    const two = await h.enroll('w-sj-2');
    const script = caseScript({ caseNumber: 'SJ-20250303-01-0007' });
    const [received, checked, accepted] = one.sign([
      script.received(),
      script.checked(),
      script.accepted(),
    ]);
    await one.pushOk([received!, checked!, accepted!]);
    // another window accepts the same case again: signed and stored, but not the center's record
    const [late] = two.sign([script.accepted()]);
    await two.pushOk([late!]);
    return { h, received: received!, accepted: accepted!, late: late!, idNumber: script.idNumber };
  };

  it('confirms a genuine notice in JSON and as a page a phone can show', async () => {
    const { h, received, accepted, idNumber } = await setup();
    const code = verificationCode(accepted.hash);
    const res = await h.call('GET', `/verify/${code.toLowerCase().replace(/-/g, '')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      genuine: true,
      code,
      kind: 'acceptance',
      eventType: 'accepted',
      // masked: the whole number, typed from the paper, is what rating this step asks for
      caseNumber: 'SJ-20250303-**-****',
      itemName: '食品经营许可',
      department: '市场监督管理局',
      window: '市场监管一号窗',
      issuedAt: accepted.occurredAt,
      // issue 17 part 4: the case's steps from its current state, the name masked
      progress: {
        applicant: '申**甲',
        steps: [
          { step: 'received', label: '收件', at: received.occurredAt },
          { step: 'accepted', label: '受理', at: accepted.occurredAt },
          { step: 'decided', label: '作出决定', at: null },
          { step: 'readyForPickup', label: '待领取', at: null },
          { step: 'delivered', label: '已送达', at: null },
        ],
      },
    });
    const page = await h.call('GET', `/verify/${code}?format=html`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('真实有效');
    expect(page.body).toContain('受理通知书');
    expect(page.body).toContain('SJ-20250303-**-****');
    expect(page.body).not.toContain('SJ-20250303-01-0007');
    // nothing from elsewhere: its links are the center's font stylesheet (issue 17 part 4) and
    // rating this step on this center (issue 17 part 2), relative to /verify/
    expect(page.body).not.toMatch(/src=/);
    expect([...page.body.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([
      '../guide/fonts.css',
      `../rate/${code}`,
    ]);
    expect(page.body).toContain('办理进度');
    expect(page.body).toContain('申**甲');
    expect(page.body).not.toContain('申请人甲');
    expect(page.body).not.toContain(idNumber);
    // a phone's browser scanning the QR code asks for a page by its Accept header
    const scanned = await h.app.inject({
      method: 'GET',
      url: `/verify/${code}`,
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(scanned.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(scanned.body).toContain('真实有效');
  });

  it('answers with headers that let the page run nothing, load nothing but the center’s font, and not be framed', async () => {
    const { h, accepted } = await setup();
    const code = verificationCode(accepted.hash);
    const answers = [
      await h.call('GET', `/verify/${code}?format=html`),
      await h.call('GET', `/verify/${code}`),
      await h.call('GET', '/verify/0000-0000-0000?format=html'),
    ];
    for (const answer of answers) {
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      const policy = String(answer.headers['content-security-policy']).split('; ');
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy.join(' ')).not.toMatch(/script-src|unsafe-inline/);
    }
    // the one style the policy allows is exactly the page's, so the page keeps its looks
    for (const page of [answers[0]!, answers[2]!]) {
      const inline = /<style>([\s\S]*?)<\/style>/.exec(page.body)?.[1] ?? '';
      const hash = createHash('sha256').update(inline).digest('base64');
      expect(String(page.headers['content-security-policy'])).toContain(
        `style-src 'self' 'sha256-${hash}'`,
      );
      expect(page.body).not.toMatch(/<script|style=/);
    }
    // issue 17 part 4: the one font is this center's, the public guide's (server/guide/static.ts)
    expect(String(answers[0]!.headers['content-security-policy'])).toContain("font-src 'self'");
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(answers[0]!.body)?.[1] ?? '';
    const fonts = await h.call('GET', new URL(href, `http://center/verify/${code}`).pathname);
    expect(fonts.statusCode).toBe(200);
    expect(fonts.body).toContain("font-family: 'Noto Sans SC'");
  });

  it('says not found for an unknown code, and warns about a notice the center did not admit', async () => {
    const { h, late } = await setup();
    const missing = await h.call('GET', '/verify/0000-0000-0000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ genuine: false, code: '0000-0000-0000' });
    const garbage = await h.call('GET', `/verify/${encodeURIComponent('<script>')}?format=html`);
    expect(garbage.statusCode).toBe(404);
    expect(garbage.body).toContain('未找到');
    expect(garbage.body).not.toContain('<script>');

    const conflicted = await h.call('GET', `/verify/${verificationCode(late.hash)}`);
    expect(conflicted.statusCode).toBe(200);
    expect(conflicted.json()).toMatchObject({
      genuine: false,
      conflicted: true,
      kind: 'acceptance',
    });
  });

  it('stops confirming a sealed decision once its row was edited at the center', async () => {
    await seedHall(t().db);
    const h = syncHarness(t());
    const one = await h.enroll('w-sj-1');
    const script = caseScript({ caseNumber: 'SJ-20250303-01-0009' });
    const intake = one.sign([script.received(), script.checked(), script.accepted()]);
    const [decided] = one.sign([script.decided()]);
    const chiefSeal = await h.sealKey(one, actors.chief);
    const [stamp] = one.sign([
      sealStamp(
        script.next(
          'stamped',
          {
            decisionEventId: decided!.id,
            decisionHash: decided!.hash,
            decisionNumber: 'SJ许准〔2025〕0303-01-0009号',
          },
          actors.chief,
        ) as EventOf<'stamped'>,
        chiefSeal,
      ),
    ]);
    await one.pushOk([...intake, decided!, stamp!]);
    const code = verificationCode(stamp!.hash);
    expect((await h.call('GET', `/verify/${code}`)).json()).toMatchObject({
      genuine: true,
      kind: 'decision',
    });

    // one byte of what was granted changes in the center's database
    const row = await t()
      .db.selectFrom('events')
      .select('payload')
      .where('id', '=', decided!.id)
      .executeTakeFirstOrThrow();
    const altered = row.payload.replace('食品经营许可', '食品生产许可');
    expect(altered).not.toBe(row.payload);
    await t()
      .db.updateTable('events')
      .set({ payload: altered })
      .where('id', '=', decided!.id)
      .execute();
    const answer = await h.call('GET', `/verify/${code}`);
    expect(answer.json()).toMatchObject({ genuine: false, code });
    expect(answer.json<{ message: string }>().message).toContain('已被改动');
    const page = await h.call('GET', `/verify/${code}?format=html`);
    expect(page.body).not.toContain('真实有效');
  });

  it('no longer confirms a decision a correction replaced, and confirms the correction', async () => {
    await seedHall(t().db);
    const h = syncHarness(t());
    const one = await h.enroll('w-sj-1');
    const script = caseScript({ caseNumber: 'SJ-20250303-01-0010' });
    const chiefSeal = await h.sealKey(one, actors.chief);
    const seal = (decision: { id: string; hash: string }, number: string) =>
      sealStamp(
        script.next(
          'stamped',
          { decisionEventId: decision.id, decisionHash: decision.hash, decisionNumber: number },
          actors.chief,
        ) as EventOf<'stamped'>,
        chiefSeal,
      );
    const intake = one.sign([script.received(), script.checked(), script.accepted()]);
    const [decided] = one.sign([script.decided()]);
    const [first] = one.sign([seal(decided!, 'SJ许准〔2025〕0303-01-0010号')]);
    const [correction] = one.sign([
      script.next(
        'corrected',
        {
          reason: '许可内容笔误',
          decision: {
            outcome: 'approve',
            granted: '准予食品经营许可（预包装食品销售）',
            // the fixtures' item lets the decision set the validity (issue 14 part B2)
            validUntil: '2030-03-01',
          },
        },
        actors.chief,
      ),
    ]);
    const [second] = one.sign([seal(correction!, 'SJ许准〔2025〕0303-01-0010更1号')]);
    await one.pushOk([...intake, decided!, first!, correction!, second!]);
    const verify = async (hash: string) =>
      (await h.call('GET', `/verify/${verificationCode(hash)}`)).json<{ genuine: boolean }>();
    expect(await verify(first!.hash)).toMatchObject({
      genuine: false,
      message: expect.stringContaining('已被更正'),
    });
    expect(await verify(second!.hash)).toMatchObject({ genuine: true, kind: 'decision' });
  });
});
