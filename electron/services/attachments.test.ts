import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Of } from '../../node-shared/files/cas';
import { attempt, call, itemMaterials, terminalAt } from '../../tests/support/terminal-api';
import { personApplicant } from '../../tests/support/applicants';
import { fileStore } from './attachments';
import { openTerminal } from './terminal';

// Issue 18 at the window, through the dispatcher the renderer reaches, on a real SQLite file and
// data folder: a page is imported, attached by hash, read back as a thumbnail; main refuses a
// hash it does not hold and types a file by its store, not by what the caller said.

const itemCode = 'SJ-001';

async function aPhoto(): Promise<string> {
  const png = await sharp({
    create: { width: 2480, height: 3508, channels: 3, background: '#fafafa' },
  })
    .png()
    .toBuffer();
  return png.toString('base64');
}

describe('scans at the window', () => {
  it('imports a page, attaches it by hash, and shows it as a thumbnail', async () => {
    const { t, as } = terminalAt('2026-12-07T09:00:00+08:00');
    const clerk = await as('clerk');
    const { caseId } = await call(t, clerk, 'cases.receive', {
      itemCode,
      applicant: personApplicant(1),
      channel: 'window',
    });
    const { files } = (await call(t, clerk, 'attachments.import', {
      data: await aPhoto(),
      source: 'camera',
    })) as { files: { sha256: string; bytes: number; mediaType: string }[] };
    expect(files).toHaveLength(1);
    const [page] = files;
    expect(sha256Of(await fileStore(t).read(page!.sha256))).toBe(page!.sha256);
    const material = itemMaterials(t, itemCode)[0]!.id;
    // the caller says PNG and a wrong size: main records what its store holds
    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'materialsAttached',
      payload: {
        materials: [
          { materialId: material, files: [{ ...page, mediaType: 'image/png', bytes: 1 }] },
        ],
      },
    });
    const got = (await call(t, clerk, 'cases.get', { caseId })) as {
      state: { materials: { materialId: string; files: { mediaType: string; bytes: number }[] }[] };
    };
    expect(got.state.materials[0]!.files).toEqual([
      { sha256: page!.sha256, mediaType: 'image/jpeg', bytes: page!.bytes, source: 'camera' },
    ]);
    const thumb = (await call(t, clerk, 'attachments.page', {
      sha256: page!.sha256,
      size: 'thumbnail',
    })) as {
      mediaType: string;
      data: string;
    };
    expect(thumb.mediaType).toBe('image/jpeg');
    expect((await sharp(Buffer.from(thumb.data, 'base64')).metadata()).width).toBe(240);
    // a hash this PC does not hold is refused, and nothing is recorded
    const stray = await attempt(t, clerk, 'cases.record', {
      caseId,
      type: 'materialsAttached',
      payload: {
        materials: [
          {
            materialId: material,
            files: [
              { sha256: 'b'.repeat(64), mediaType: 'image/jpeg', bytes: 10, source: 'camera' },
            ],
          },
        ],
      },
    });
    expect(stray).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/不在本机/) },
    });
    // a PC that is not enrolled cannot fetch what it lacks, and says why
    const missing = await attempt(t, clerk, 'attachments.page', {
      sha256: 'c'.repeat(64),
      size: 'full',
    });
    expect(missing).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/无法从中心获取/) },
    });
    // a reviewer only reads: no import
    expect(
      await attempt(t, await as('reviewer'), 'attachments.import', {
        data: await aPhoto(),
        source: 'file',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('a page no case named', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('is removed, row and bytes, when the terminal starts a week later; an attached one stays', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ow-unattached-'));
    dirs.push(dataDir);
    let now = new Date('2026-12-07T09:00:00+08:00');
    const open = () =>
      openTerminal({ dataDir, resourcesDir: resolve('resources'), now: () => now });
    let t = open();
    const account = t.demoAccounts.find((a) => a.role === 'clerk')!;
    const clerk = (
      await call(t, null, 'auth.login', { username: account.username, password: account.password })
    ).token as string;
    const { caseId } = await call(t, clerk, 'cases.receive', {
      itemCode,
      applicant: personApplicant(2),
      channel: 'window',
    });
    const kept = (
      (await call(t, clerk, 'attachments.import', { data: await aPhoto(), source: 'camera' })) as {
        files: { sha256: string; mediaType: string; bytes: number }[];
      }
    ).files[0]!;
    const dropped = (
      (await call(t, clerk, 'attachments.import', {
        data: (
          await sharp({ create: { width: 800, height: 1100, channels: 3, background: '#ddd' } })
            .png()
            .toBuffer()
        ).toString('base64'),
        source: 'file',
      })) as { files: { sha256: string }[] }
    ).files[0]!;
    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'materialsAttached',
      payload: {
        materials: [
          { materialId: itemMaterials(t, itemCode)[0]!.id, files: [{ ...kept, source: 'camera' }] },
        ],
      },
    });
    const store = fileStore(t);
    t.close();
    // six days on: both still here
    now = new Date('2026-12-13T09:00:00+08:00');
    t = open();
    expect(existsSync(store.path(dropped.sha256))).toBe(true);
    t.close();
    now = new Date('2026-12-15T09:00:00+08:00');
    t = open();
    try {
      expect(existsSync(store.path(dropped.sha256))).toBe(false);
      expect(t.db.prepare('SELECT sha256 FROM files').all()).toEqual([{ sha256: kept.sha256 }]);
      expect(existsSync(store.path(kept.sha256))).toBe(true);
    } finally {
      t.close();
    }
  });
});
