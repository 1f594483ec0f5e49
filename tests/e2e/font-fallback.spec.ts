import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personApplicant } from '../support/applicants';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { apiAs, printPage } from './pages/documents';
import { loginPage } from './pages/login';

// Issue 15 point 8: the Chinese font is inside the app. Chromium is started with fontconfig
// pointed at a configuration that lists only DejaVu's folder — a PC with Latin fonts and no CJK
// font (this machine's WenQuanYi left out) — and the UI still shows Chinese in the shipped Noto
// Sans SC, and a printed notice carries only that font, embedded. (With no font folder at all,
// this Chromium loads no web font either: every @font-face fails. No real OS install is like that.)

const shots = 'tests/e2e/artifacts';
let terminal: WebTerminal;
test.beforeEach(async () => {
  terminal = await startWebTerminal(['--now', '2026-02-12T10:00:00+08:00']);
});
test.afterEach(async () => {
  await terminal.stop();
});

test('with no CJK font on the PC, the UI and a printed notice show Chinese in the shipped font', async ({
  launchOptions,
}) => {
  // The packaged Chromium (tests/support/test-browser.ts) already sees only its own Latin font; a
  // machine's Chromium is given a fontconfig naming only DejaVu. Either way no CJK font is there.
  let fonts: Record<string, string> = {};
  if (!launchOptions.env?.FONTCONFIG_FILE) {
    const dir = mkdtempSync(join(tmpdir(), 'no-fonts-'));
    const conf = join(dir, 'fonts.conf');
    writeFileSync(
      conf,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${dir}</cachedir></fontconfig>\n`,
    );
    fonts = { FONTCONFIG_FILE: conf, FONTCONFIG_PATH: dir };
  }
  const browser = await chromium.launch({
    ...launchOptions,
    env: { ...process.env, ...launchOptions.env, ...fonts },
  });
  try {
    const page = await browser.newPage({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.url()} ${r.status()}`));
    await page.goto(terminal.url);
    await page.waitForFunction(async () => {
      await document.fonts.load('16px "Noto Sans SC"', '登录一窗通').catch(() => null);
      return [...document.fonts].some((f) => f.status === 'loaded');
    });
    expect(failed).toEqual([]);
    await page.screenshot({ path: `${shots}/font-fallback-login.png` });
    // the login page's Chinese is drawn in the shipped font (its slices for these characters loaded)
    const usedFonts = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
    );
    expect(usedFonts.some((f) => /Noto Sans SC/.test(f))).toBe(true);

    const clerk = terminal.accounts.find((a) => a.role === 'clerk')!;
    const api = await apiAs(terminal, clerk);
    const accepted = await api.acceptedCase('SJ-002', personApplicant(5));
    await loginPage(page).signIn(clerk.username, clerk.password);
    await page.screenshot({ path: `${shots}/font-fallback-cases.png` });
    const sheet = printPage(page);
    await sheet.open(accepted.caseId, accepted.eventId);
    const out = await sheet.toPdf('font-fallback-acceptance');
    // every font in the PDF is the shipped one, embedded: nothing came from the system
    const fontRows = out.fonts
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(fontRows.length).toBeGreaterThan(0);
    for (const row of fontRows) {
      expect(row).toMatch(/NotoSansSC|DejaVu/i);
      expect(row).toMatch(/\byes\b/);
    }
    expect(fontRows.some((r) => /NotoSansSC/i.test(r))).toBe(true);
    expect(out.fonts).not.toMatch(/WenQuanYi|wqy/i);
    const text = out.text.replace(/\s+/g, '');
    expect(text).toContain('受理通知书');
    expect(text).toContain('示范区政务服务中心');
  } finally {
    await browser.close();
  }
});
