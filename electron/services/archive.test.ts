import { rmSync } from 'node:fs';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { readZip } from '../../node-shared/archive/zip';
import { verifyArchive } from '../../node-shared/archive/verify';
import { maskName } from '../../shared/ids';
import { personApplicant } from '../../tests/support/applicants';
import { tempTerminal } from '../../tests/support/terminal';
import {
  acceptComplete,
  attempt,
  call,
  itemMaterials,
  terminalAt,
} from '../../tests/support/terminal-api';
import { fileStore } from './attachments';
import type { Terminal } from './context';

// The export itself, on a real terminal: what the ZIP holds, what it says when a file cannot be
// had, and the one-time tokens of the sheets. The PDFs through a real Chromium are proven by
// tests/e2e/archive.spec.ts.

const start = '2026-03-02T09:00:00+08:00';

async function page(mark: number): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="848"><rect width="600" height="848" fill="#fff"/><rect x="60" y="${80 + mark * 30}" width="400" height="20" fill="#222"/></svg>`;
  return (await sharp(Buffer.from(svg)).png().toBuffer()).toString('base64');
}

/** A received case with two scans attached to its first material. */
async function caseWithScans(t: Terminal, clerk: string) {
  const { caseId } = await call(t, clerk, 'cases.receive', {
    itemCode: 'SJ-002',
    applicant: personApplicant(5),
    channel: 'window',
  });
  const files = [];
  for (const mark of [1, 2]) {
    const r = await call(t, clerk, 'attachments.import', {
      data: await page(mark),
      source: 'camera',
    });
    files.push(...(r.files as { sha256: string }[]));
  }
  await call(t, clerk, 'cases.record', {
    caseId,
    type: 'materialsAttached',
    payload: { materials: [{ materialId: itemMaterials(t, 'SJ-002')[0]!.id, files }] },
  });
  return { caseId: caseId as string, files };
}

describe('cases.exportArchive', () => {
  it('exports a received case with its scans; off the center, all but the receipt verifies', async () => {
    const { t, as } = terminalAt(start);
    const clerk = await as('clerk');
    const { caseId, files } = await caseWithScans(t, clerk);
    const r = await call(t, clerk, 'cases.exportArchive', { caseId });
    expect(r.fileName).toMatch(/^办件档案-.+\.zip$/);
    expect([r.documents, r.materialFiles, r.missing]).toEqual([0, 2, []]);
    // a PC that is not enrolled has no center to witness the case: the archive says so, and
    // that is the one thing that fails (tests/sync/archive-receipt.test.ts has the center)
    expect(r.receiptMissing).toBe('本终端尚未注册到中心，无法取得中心回执');
    const zip = Buffer.from(r.data as string, 'base64');
    expect(verifyArchive(zip).problems.map((p) => p.subject)).toEqual(['center-receipt.json']);
    const manifest = JSON.parse(
      new TextDecoder().decode(readZip(zip).entries.get('manifest.json')),
    ) as {
      case: { applicant: { name: string } };
      files: { sha256: string }[];
    };
    expect(manifest.case.applicant.name).toBe(maskName(personApplicant(5).name));
    expect(manifest.case.applicant.name).not.toBe(personApplicant(5).name);
    expect(manifest.files.map((f) => f.sha256).sort()).toEqual(files.map((f) => f.sha256).sort());
  });

  it('lists a file this PC lost and cannot fetch as missing, and the archive then fails', async () => {
    const { t, as } = terminalAt(start);
    const clerk = await as('clerk');
    const { caseId, files } = await caseWithScans(t, clerk);
    const lost = files[0]!.sha256;
    rmSync(fileStore(t).path(lost));
    const r = await call(t, clerk, 'cases.exportArchive', { caseId });
    const missing = r.missing as { sha256: string; reason: string }[];
    expect(missing.map((m) => m.sha256)).toEqual([lost]);
    expect(missing[0]!.reason).toBe('本终端尚未注册到中心，无法从中心获取材料文件');
    const problems = verifyArchive(Buffer.from(r.data as string, 'base64')).problems;
    expect(problems.map((p) => p.subject)).toEqual([
      `材料文件/material file ${lost.slice(0, 12)}…`,
      'center-receipt.json',
    ]);
    expect(problems[0]!.zh).toMatch(/^导出时未能取得/);
  });

  it('refuses the reviewer, and exports nothing when no Chromium can print the notices', async () => {
    const { t, as } = terminalAt(start);
    const clerk = await as('clerk');
    const { caseId } = await caseWithScans(t, clerk);
    const reviewer = await attempt(t, await as('reviewer'), 'cases.exportArchive', { caseId });
    expect(reviewer.ok || reviewer.error.code).toBe('forbidden');
    await acceptComplete(t, clerk, caseId, 'SJ-002');
    const r = await attempt(t, clerk, 'cases.exportArchive', { caseId });
    expect(r.ok || r.error).toEqual({
      code: 'unavailable',
      message: '本机无法生成文书PDF（未找到 Chromium），档案未导出',
    });
  });
});

describe('documents.archiveSheet', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('hands each sheet its document once, to a browser without a session', async () => {
    const answers: unknown[] = [];
    // the printing browser's part: each sheet asks for its document by its token, and asks
    // again as a page reloaded would
    const opened = tempTerminal(() => new Date(start), {
      sheetPrinter: async (routes) => {
        for (const route of routes) {
          const token = route.slice('#/archive-sheet/'.length);
          for (let i = 0; i < 2; i += 1)
            answers.push(await attempt(opened.terminal, null, 'documents.archiveSheet', { token }));
        }
        return routes.map(() => new TextEncoder().encode('%PDF-1.7\n%%EOF\n'));
      },
    });
    cleanup = opened.cleanup;
    const t = opened.terminal;
    const login = await call(t, null, 'auth.login', {
      username: t.demoAccounts.find((a) => a.role === 'clerk')!.username,
      password: t.demoAccounts.find((a) => a.role === 'clerk')!.password,
    });
    const clerk = login.token as string;
    const { caseId } = await caseWithScans(t, clerk);
    await acceptComplete(t, clerk, caseId, 'SJ-002');
    const r = await call(t, clerk, 'cases.exportArchive', { caseId });
    expect(r.documents).toBe(1);
    expect(answers).toHaveLength(2);
    const [first, again] = answers as { ok: boolean; value?: { kind: string }; error?: unknown }[];
    expect(first!.ok && first!.value!.kind).toBe('acceptance');
    expect(again).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: '打印令牌无效或已过期' },
    });
    // everything holds but the center's receipt, which a PC off the center cannot have
    expect(
      verifyArchive(Buffer.from(r.data as string, 'base64')).problems.map((p) => p.subject),
    ).toEqual(['center-receipt.json']);
  });
});
