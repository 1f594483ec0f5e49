import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import sharp from 'sharp';
import { personApplicant } from '../support/applicants';
import { readPdf, renderPdfPage } from '../support/pdf';
import { testBrowserCommand } from '../support/test-browser';
import { verifyArchiveCommand } from '../support/verify-archive-command';
import { apiPost, startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { apiAs } from './pages/documents';
import { loginPage } from './pages/login';

// Issue 18 part 4, the end of the first Done-when line: a case with scanned materials exported as
// a ZIP from the case page (its notice printed by a real headless Chromium against the web
// server's print page) verifies with `npm run verify-archive`, and fails once one byte of a scan
// inside the ZIP is changed.

const artifacts = 'tests/e2e/artifacts';

let terminal: WebTerminal;
test.beforeEach(async () => {
  terminal = await startWebTerminal(['--chromium', testBrowserCommand()]);
});
test.afterEach(async () => {
  await terminal.stop();
});

/** A page as a scanner gives it, with a mark of its own so two pages never share a hash. */
function scannedPage(mark: number): Promise<Buffer> {
  const lines = Array.from(
    { length: 20 },
    (_, i) =>
      `<rect x="120" y="${160 + i * 70}" width="${700 + ((i * mark) % 7) * 40}" height="22" fill="#222"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754"><rect width="1240" height="1754" fill="#fdfdfb"/>${lines}<circle cx="${900 + mark * 40}" cy="1500" r="110" fill="none" stroke="#d22" stroke-width="10"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

// A demo PC has no center: everything in its archive holds but the center's receipt, which the
// window says is missing (tests/e2e/attachments.spec.ts exports at an enrolled PC, and verifies).
test('a case with two scans exports as a ZIP whose every file and event holds, and a changed byte of a scan is named', async ({
  page,
}) => {
  const clerk = terminal.accounts.find((a) => a.role === 'clerk')!;
  const api = await apiAs(terminal, clerk);
  const accepted = await api.acceptedCase('SJ-002', personApplicant(4));
  const item = await api.item('SJ-002');
  const { token } = await apiPost<{ token: string }>(terminal, 'auth.login', {
    username: clerk.username,
    password: clerk.password,
  });
  const scans = [];
  for (const mark of [1, 2]) {
    const r = await apiPost<{ files: { sha256: string; mediaType: string; bytes: number }[] }>(
      terminal,
      'attachments.import',
      {
        data: (await scannedPage(mark)).toString('base64'),
        source: 'scanner',
        name: `第${mark}页.png`,
      },
      token,
    );
    scans.push(...r.files);
  }
  await api.record(accepted.caseId, 'materialsAttached', {
    materials: [
      {
        materialId: item.materials[0]!.id,
        files: scans.map((f) => ({ ...f, source: 'scanner' })),
      },
    ],
  });

  // the clerk exports from the case page; the browser downloads the ZIP
  await page.goto(terminal.url);
  await loginPage(page).signIn(clerk.username, clerk.password);
  await page.evaluate((hash) => (location.hash = hash), `#/case/${accepted.caseId}`);
  const downloaded = page.waitForEvent('download');
  await page.getByTestId('export-archive').click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe(`办件档案-${accepted.caseNumber}.zip`);
  await expect(
    page.getByText(/已导出 办件档案-.*：1 份文书，2 个材料文件。档案没有中心回执/),
  ).toBeVisible();
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'archive-exported.png') });
  const zipFile = join(artifacts, 'archive.zip');
  await download.saveAs(zipFile);

  const good = verifyArchiveCommand(zipFile);
  expect(good.out).toContain(accepted.caseNumber);
  expect(good.out).toMatch(/3 个文件 files \(2 个材料扫描件 scans\)/);
  // the one problem: no center witnessed it
  expect(good.out.match(/^✗ /gm)).toHaveLength(2);
  expect(good.out).toContain('✗ center-receipt.json: 档案没有中心回执');
  expect(good.status).toBe(1);

  // what is inside: the manifest names the case with the applicant masked; the notice is the
  // printed page, in the embedded Chinese font
  const entries = unzipSync(readFileSync(zipFile));
  const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as {
    case: { caseNumber: string; applicant: { name: string } };
    events: { type: string; signature: string }[];
    files: { path: string; sha256: string; kind: string }[];
  };
  expect(manifest.case.caseNumber).toBe(accepted.caseNumber);
  expect(manifest.case.applicant.name).not.toBe(personApplicant(4).name);
  expect(manifest.case.applicant.name).toMatch(/\*/);
  expect(manifest.events.map((e) => e.type)).toEqual([
    'received',
    'materialsChecked',
    'accepted',
    'materialsAttached',
  ]);
  const scanFiles = manifest.files.filter((f) => f.kind === 'material');
  expect(scanFiles.map((f) => f.sha256).sort()).toEqual(scans.map((s) => s.sha256).sort());
  const notice = manifest.files.find((f) => f.kind === 'document')!;
  const pdfFile = join(artifacts, 'archive-acceptance.pdf');
  writeFileSync(pdfFile, entries[notice.path]!);
  const pdf = readPdf(pdfFile);
  expect(pdf.pages).toBe(1);
  expect(pdf.fonts).toMatch(/NotoSansSC/i);
  const text = pdf.text.replace(/\s+/g, '');
  expect(text).toContain('受理通知书');
  expect(text).toContain(accepted.caseNumber);
  expect(text).not.toContain('打印时请选择');
  renderPdfPage(pdfFile, join(artifacts, 'archive-acceptance.png'), 100);

  // one byte of one scan changed, the ZIP otherwise rebuilt as it was
  const scanPath = scanFiles[0]!.path;
  const changed = Uint8Array.from(entries[scanPath]!);
  changed[Math.floor(changed.length / 2)] = changed[Math.floor(changed.length / 2)]! ^ 0xff;
  const tamperedFile = join(artifacts, 'archive-tampered.zip');
  writeFileSync(tamperedFile, zipSync({ ...entries, [scanPath]: changed }));
  const bad = verifyArchiveCommand(tamperedFile);
  expect(bad.out).toContain(`✗ ${scanPath}: SHA-256 与清单不符`);
  expect(bad.out).toContain('核验未通过');
  expect(bad.status).toBe(1);
});
