import { expect, test } from '@playwright/test';
import { personApplicant } from '../support/applicants';
import { adminAccount } from '../support/center';
import { centerAdmin, type CenterAdmin } from '../support/center-admin';
import { hallAccount, startHallCenter, type HallCenter } from '../support/hall-center';
import { startSmsStandIn, type SmsStandIn } from '../support/sms-stand-in';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { adminPage } from './pages/admin';
import { centerConsole } from './pages/console';
import { apiAs } from './pages/documents';
import { progressPage, smsTab } from './pages/sms';
import { enrollThroughSettings, signedIn, syncNow } from './pages/sync';

// Issue 17 part 4 (Done-when): the applicant agreed to progress SMS at intake; the center's
// sender — a real center process — texts the acceptance through the Alibaba Cloud adapter to the
// loopback stand-in, which fails it; the manager sees the failure at the console and resends it,
// and the stand-in receives it once. Then the applicant scans the acceptance notice's QR on a
// phone and sees the case's steps under a masked name.

const clerk = { username: 'clerk-sj01', name: '吴晓燕', role: 'clerk' } as const;
const artifacts = 'tests/e2e/artifacts';

let hall: HallCenter | undefined;
let terminal: WebTerminal | undefined;
let standIn: SmsStandIn | undefined;

test.afterAll(async () => {
  await terminal?.stop();
  await hall?.stop();
  await standIn?.close();
});

type Message = { caseNumber: string; status: string; lastError: string | null };

test('a failed SMS shows at the console, 重发 sends it once; the QR page shows the progress', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  hall = await startHallCenter('2026-03-02T09:00:00+08:00', [clerk]);
  standIn = await startSmsStandIn();
  const h = hall;
  const stand = standIn;
  let admin: CenterAdmin = await centerAdmin(h.center.url, adminAccount(h.dataDir));

  await test.step('the manager points the center at the provider (the stand-in)', async () => {
    const settings = await admin.call<Record<string, unknown>>('GET', '/api/sms/settings');
    const { secretSet: _, ...fields } = settings;
    await admin.call('PUT', '/api/sms/settings', {
      ...fields,
      enabled: true,
      endpoint: stand.url,
      accessKeyId: stand.accessKeyId,
      accessKeySecret: stand.secret,
      signName: '示范区政务服务中心',
      maxAttempts: 1,
      // the codes the provider approved for each template
      templates: Object.fromEntries(
        Object.entries(fields.templates as Record<string, { text: string }>).map(([kind, t], i) => [
          kind,
          { ...t, templateCode: `SMS_20260${i + 1}` },
        ]),
      ),
    });
    // the provider's own fault, past the limit of one try
    stand.failNext(1, { code: 'isp.SYSTEM_ERROR' });
  });

  const accepted = await test.step('a clerk accepts a case whose applicant agreed', async () => {
    terminal = await startWebTerminal(['--now', '2026-03-02T09:00:00+08:00']);
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const pc = await context.newPage();
    await enrollThroughSettings(pc, terminal, h.center.url, await h.enrollmentCode());
    await context.close();
    const token = await signedIn(terminal, hallAccount(clerk));
    const api = await apiAs(terminal, hallAccount(clerk));
    const applicant = { ...personApplicant(41), name: '张三明', mobile: '13912345678' };
    const c = await api.acceptedCase('SJ-002', applicant, { smsConsent: true });
    expect(await syncNow(terminal, token)).toMatchObject({ pending: 0, lastError: null });
    const doc = await api.document(c.caseId, c.eventId);
    return { ...c, code: String(doc.verificationCode) };
  });

  await test.step('the center tries once and marks it failed', async () => {
    // the sender runs every 15 s in the center process: waited for, never slept on
    await expect
      .poll(
        async () => (await admin.call<Message[]>('GET', '/api/sms/messages')).map((m) => m.status),
        { timeout: 60_000 },
      )
      .toEqual(['failed']);
    expect(stand.delivered).toHaveLength(0);
  });

  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
  });
  const page = await context.newPage();
  const console_ = centerConsole(page, h.center.url);
  const sms = smsTab(page);

  await test.step('the manager sees the failure with its error at the console', async () => {
    await console_.signIn(adminAccount(h.dataDir));
    await adminPage(page).openTab('短信');
    const row = sms.locators.row(accepted.caseNumber);
    await expect(row).toContainText('发送失败');
    await expect(row).toContainText('isp.SYSTEM_ERROR');
    await expect(row).toContainText('139****5678');
    await expect(row).not.toContainText('13912345678');
    await page.screenshot({ path: `${artifacts}/sms-failed-1366.png`, fullPage: true });
  });

  await test.step('重发: the stand-in receives it once, and the console says sent', async () => {
    await sms.resend(accepted.caseNumber);
    await expect(page.locator('.ant-message-notice')).toContainText('已重新排队发送');
    await expect.poll(() => stand.delivered.length, { timeout: 60_000 }).toBe(1);
    expect(stand.delivered[0]).toMatchObject({
      phone: '13912345678',
      templateParam: { caseNumber: accepted.caseNumber },
    });
    await expect(async () => {
      await sms.locators.refresh.click();
      await expect(sms.locators.row(accepted.caseNumber)).toContainText('已发送', {
        timeout: 2_000,
      });
    }).toPass({ timeout: 30_000 });
    await expect(sms.resendButton(accepted.caseNumber)).toHaveCount(0);
    expect(stand.requests.every((r) => r.signatureOk)).toBe(true);
    await page.screenshot({ path: `${artifacts}/sms-resent-1366.png`, fullPage: true });
    // nothing is sent twice: a second resend of a delivered message is refused
    admin = await centerAdmin(h.center.url, adminAccount(h.dataDir));
    const [sent] = await admin.call<{ id: string }[]>('GET', '/api/sms/messages?status=sent');
    await expect(admin.call('POST', `/api/sms/messages/${sent!.id}/resend`)).rejects.toThrow(/409/);
  });
  await context.close();

  await test.step('the applicant scans the notice on a phone: steps and a masked name', async () => {
    const phone = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const p = await phone.newPage();
    const progress = progressPage(p);
    await progress.open(h.center.url, accepted.code);
    await expect(progress.locators.verdict).toContainText('真实有效');
    await expect(progress.locators.progress).toContainText('办理进度');
    await expect(progress.locators.progress).toContainText('申请人 张*明');
    await expect(progress.locators.progress).not.toContainText('张三明');
    await expect(progress.locators.steps).toHaveText([
      /收件\s*2026年3月2日/,
      /受理\s*2026年3月2日/,
      /作出决定\s*尚未办理/,
      /待领取\s*尚未办理/,
      /已送达\s*尚未办理/,
    ]);
    await expect(progress.locators.done).toHaveCount(2);
    // the shipped font arrives subset by subset: the picture waits until none is still loading
    await expect
      .poll(() =>
        p.evaluate(async () => {
          await document.fonts.ready;
          return [...document.fonts].filter((f) => f.status === 'loading').length;
        }),
      )
      .toBe(0);
    await p.screenshot({ path: `${artifacts}/sms-progress-phone.png`, fullPage: true });
    await phone.close();
  });
});
