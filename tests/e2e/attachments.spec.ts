import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { testBrowserCommand } from '../support/test-browser';
import { verifyArchiveCommand } from '../support/verify-archive-command';
import { pdfFrame } from '../support/pdf-frame';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import sharp from 'sharp';
import config from '../../playwright.config';
import { personApplicant } from '../support/applicants';
import { writeFakeCameraFile } from '../support/fake-camera';
import { startHall, staffAccount, type Hall, type HallStaff } from '../support/hall-pcs';
import { apiPost, type DemoAccount, type WebTerminal } from '../support/web-terminal';
import { choose } from './pages/cases';
import { apiAs, printPage } from './pages/documents';
import { intakePage } from './pages/intake';
import { shell, signInAt } from './pages/login';
import { materialScans, scanDialog } from './pages/scan';
import { signedIn, syncAll } from './pages/sync';

// Issue 18 (Done when, the screens): Chromium's fake camera shows a photographed application
// form on a desk. The clerk at SJ01 scans two pages of a material, cropped, and saves them; the
// case shows them; the one-time notice points at page 2 and the printed notice says so; after
// sync the chief's PC at SJ02 (same department, same center) shows the same pages, by hash.

const artifacts = 'tests/e2e/artifacts';
const cameraFile = join(tmpdir(), `onewindow-fake-camera-${process.pid}.y4m`);
const base = config.use!.launchOptions!;
test.use({
  launchOptions: {
    ...base,
    args: [
      ...(base.args ?? []),
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${cameraFile}`,
    ],
  },
});

const staff = {
  clerk: { username: 'clerk-scan', name: '吴晓燕', role: 'clerk', window: 'SJ01' },
  chief: { username: 'chief-scan', name: '郑国栋', role: 'chief', window: 'SJ02' },
} as const satisfies Record<string, HallStaff>;
const scanned = { id: 'm2', name: '经营者居民身份证' };
const form = { id: 'm1', name: '个体工商户登记（备案）申请书' };

/** A one-page PDF as a scanner's folder holds it (main checks its header and cross-reference). */
const tinyPdf = pdfFrame(
  '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj',
);

/** A blank A4-shaped PNG, as a flatbed scanner might save a page. */
const whitePage = () =>
  sharp({ create: { width: 620, height: 877, channels: 3, background: '#fdfdfd' } })
    .png()
    .toBuffer();
let hall: Hall;

test.beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  // the page is photographed by a browser of its own: the one under test reads the file it makes
  const photographer = await chromium.launch(base);
  try {
    await writeFakeCameraFile(
      photographer,
      cameraFile,
      `${artifacts}/attachments-camera-frame.png`,
    );
  } finally {
    await photographer.close();
  }
  hall = await startHall(
    [
      { code: 'SJ01', name: '市场监管一号窗', departmentCode: 'SJ' },
      { code: 'SJ02', name: '市场监管二号窗', departmentCode: 'SJ' },
    ],
    Object.values(staff),
    // the archive's notices are printed by a Chromium of the terminal's own
    { terminalArgs: ['--chromium', testBrowserCommand()] },
  );
});

test.afterAll(async () => {
  await hall?.stop();
  rmSync(cameraFile, { force: true });
});

test('two pages scanned at the window, cropped and saved; the notice names page 2; the chief’s PC shows the same pages', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const clerk = staffAccount(staff.clerk);
  const chief = staffAccount(staff.chief);
  const a = await hall.pcAt(browser, 'SJ01');
  const b = await hall.pcAt(browser, 'SJ02');
  const pair: [WebTerminal, DemoAccount][] = [
    [a.terminal, clerk],
    [b.terminal, chief],
  ];
  await syncAll(pair);
  const api = await apiAs(a.terminal, clerk);
  const c = await api.receive('SJ-001', personApplicant(41));
  const item = await api.item('SJ-001');
  const page = a.page;
  const scan = scanDialog(page);

  const hashes =
    await test.step('the clerk captures two pages of the ID card copy and crops them', async () => {
      await signInAt(page, a.terminal.url, clerk);
      await expect(shell(page).user).toContainText(staff.clerk.name);
      await page.evaluate((hash) => (location.hash = hash), `#/intake/${c.caseId}`);
      await expect(intakePage(page).locators.checklist).toBeVisible();
      await scan.open(scanned.id);

      await scan.capture();
      // findPage placed the corners on the slanted page, not at the fallback inset frame
      await expect(scan.locators.found).toBeVisible();
      const tl = scan.locators.corner(0);
      const found = Number(await tl.getAttribute('data-x'));
      expect(found).toBeGreaterThan(300);
      expect(Number(await tl.getAttribute('data-y'))).toBeGreaterThan(60);
      await scan.confirmCrop(1);

      await scan.capture();
      // a clerk without a mouse: Tab to a corner, the arrow keys move it (1/200 of the frame each)
      await tl.focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await expect
        .poll(async () => Number(await tl.getAttribute('data-x')) - found)
        .toBeGreaterThanOrEqual(19);
      await page.screenshot({ path: `${artifacts}/attachments-crop.png` });
      await scan.confirmCrop(2);
      await expect(scan.locators.thumbs).toHaveCount(2);
      await page.screenshot({ path: `${artifacts}/attachments-strip.png` });
      const taken = await scan.locators.tiles.evaluateAll((ts) =>
        ts.map((t) => t.getAttribute('data-sha256') ?? ''),
      );
      expect(new Set(taken).size).toBe(2);
      await scan.save();
      await expect(scan.locators.openFor(scanned.id)).toHaveText('扫描（2页）');
      return taken;
    });

  await test.step('the case records the two pages, by hash, in order', async () => {
    const { state } = await apiPost<{
      state: {
        materials: {
          materialId: string;
          files: { sha256: string; mediaType: string; source: string }[];
        }[];
      };
    }>(a.terminal, 'cases.get', { caseId: c.caseId }, await signedIn(a.terminal, clerk));
    const files = state.materials.find((m) => m.materialId === scanned.id)!.files;
    expect(files.map((f) => f.sha256)).toEqual(hashes);
    expect(files.every((f) => f.mediaType === 'image/jpeg' && f.source === 'camera')).toBe(true);
  });

  await test.step('the one-time notice points at page 2, and the printed notice says so', async () => {
    const intake = intakePage(page);
    for (const m of item.materials)
      await intake.mark(m.id, m.id === scanned.id ? '有缺陷' : '收到');
    await intake.locators
      .material(scanned.id)
      .getByPlaceholder('写明缺陷（必填）')
      .fill('身份证复印件反面不清晰');
    await intake.issueNoticeFor();
    const dialog = page.getByRole('dialog', { name: '一次性告知' });
    await choose(page, dialog.getByLabel(`${scanned.name} 问题所在页`), '第2页');
    await intake.locators.confirmNotice.click();
    await expect(intake.locators.noticeCard).toBeVisible();
    const events = await api.caseEvents(c.caseId);
    const notice = events.find((e) => e.type === 'noticeIssued')!;
    const doc = (await api.document(c.caseId, notice.id)) as {
      items: { name: string; page: unknown }[];
    };
    expect(doc.items.find((i) => i.name === scanned.name)?.page).toEqual({
      position: 2,
      pdfPage: null,
    });
    const print = printPage(page);
    await print.open(c.caseId, notice.id);
    await expect(print.locators.sheet).toContainText('身份证复印件反面不清晰（见所附第2页）');
    await page.screenshot({ path: `${artifacts}/attachments-notice.png` });
  });

  await test.step('the clerk’s case page shows the pages beside the checklist', async () => {
    await page.evaluate((hash) => (location.hash = hash), `#/case/${c.caseId}`);
    const pages = materialScans(page, scanned.id);
    await pages.thumbnailsDrawn(2);
    expect(await pages.hashes()).toEqual(hashes);
  });

  await test.step('from files on the case page: a PDF and a PNG are taken, a GIF named .jpg is refused, nothing taken is lost', async () => {
    await scan.open(form.id);
    await scan.locators.files.setInputFiles([
      { name: 'scan-001.pdf', mimeType: 'application/pdf', buffer: tinyPdf },
      { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('GIF89a\x01\x00\x01\x00') },
      { name: 'form.png', mimeType: 'image/png', buffer: await whitePage() },
    ]);
    await expect(scan.locators.errors).toHaveCount(1);
    await expect(scan.locators.errors).toContainText('photo.jpg');
    await expect(scan.locators.errors).toContainText('GIF');
    await expect(scan.locators.tiles).toHaveCount(2);
    await expect(scan.locators.dialog.getByTestId('pdf-tile')).toContainText('scan-001.pdf');
    await expect(scan.locators.thumbs).toHaveCount(1);
    await scan.save();
    await expect(materialScans(page, form.id).locators.tiles).toHaveCount(2);
  });

  await test.step('after sync the chief’s PC shows the same pages and opens one full size', async () => {
    await syncAll(pair);
    await signInAt(b.page, b.terminal.url, chief);
    await expect(shell(b.page).user).toContainText(staff.chief.name);
    await b.page.evaluate((hash) => (location.hash = hash), `#/case/${c.caseId}`);
    const pages = materialScans(b.page, scanned.id);
    await pages.thumbnailsDrawn(2);
    expect(await pages.hashes()).toEqual(hashes);
    await b.page.screenshot({ path: `${artifacts}/attachments-chief.png` });
    await pages.locators.tiles.nth(1).getByRole('button').click();
    await expect(pages.locators.viewer).toHaveAttribute('data-media-type', 'image/jpeg');
    await expect
      .poll(() => pages.locators.viewerImage.evaluate((i) => (i as HTMLImageElement).naturalWidth))
      // the stored page itself, not the 240 px thumbnail (the page is ~560 px of a 1280 px frame)
      .toBeGreaterThan(500);
    await pages.locators.zoomIn.click();
    await expect(pages.locators.zoom).toHaveText('150%');
    await b.page.screenshot({ path: `${artifacts}/attachments-chief-zoom.png` });
    await b.page.keyboard.press('Escape');
    await expect(pages.locators.viewer).toBeHidden();
    // the PDF: a tile with its name; opened, the same bytes' type
    const formPages = materialScans(b.page, form.id);
    await expect(formPages.locators.cell.getByTestId('pdf-tile')).toContainText('scan-001.pdf');
    await formPages.thumbnailsDrawn(1);
    await formPages.locators.tiles.first().getByRole('button').click();
    await expect(formPages.locators.viewer).toHaveAttribute('data-media-type', 'application/pdf');
    await b.page.keyboard.press('Escape');
    await expect(formPages.locators.viewer).toBeHidden();
  });

  await test.step('the chief exports the archive: it verifies against the center’s key, and fails after one byte of a scan changed', async () => {
    const downloaded = b.page.waitForEvent('download');
    await b.page.getByTestId('export-archive').click();
    const download = await downloaded;
    await expect(b.page.getByText(/已导出 办件档案-/)).toBeVisible();
    const zipFile = join(artifacts, 'attachments-archive.zip');
    await download.saveAs(zipFile);
    const key = (await (await fetch(`${hall.center.url}/api/center/receipt-key`)).json()) as {
      fingerprint: string;
    };
    const good = verifyArchiveCommand(zipFile, '--center-key', key.fingerprint);
    expect(good.out).toContain('核验通过');
    expect(good.status).toBe(0);
    const entries = unzipSync(readFileSync(zipFile));
    const scanPath = Object.keys(entries).find((p) => /^materials\/.*\.jpg$/.test(p))!;
    const changed = Uint8Array.from(entries[scanPath]!);
    const middle = Math.floor(changed.length / 2);
    changed[middle] = changed[middle]! ^ 0xff;
    const tampered = join(artifacts, 'attachments-archive-tampered.zip');
    writeFileSync(tampered, zipSync({ ...entries, [scanPath]: changed }));
    const bad = verifyArchiveCommand(tampered, '--center-key', key.fingerprint);
    expect(bad.out).toContain(`✗ ${scanPath}: SHA-256 与清单不符`);
    expect(bad.status).toBe(1);
  });
});
