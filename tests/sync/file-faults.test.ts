import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Of } from '../../node-shared/files/cas';
import { fileStore } from '../../electron/services/attachments';
import { centerContract, callPath } from '../../shared/center-api';
import { protocolHeader, protocolVersion } from '../../shared/sync';
import { openSecret } from '../../electron/store/device';
import { getSetting } from '../../electron/store/reference';
import { syncKeys } from '../../electron/store/sync-state';
import { cleanupAfterEach } from '../support/cleanups';
import { callAs } from '../support/sync';
import { pdfFrame } from '../support/pdf-frame';
import { attempt } from '../support/terminal-api';
import {
  openHall,
  receiveChecked,
  attach,
  syncUntilQuiet,
  windowTerminal,
  type Attached,
  type HallTerminal,
} from './world';

// Issue 18, Done-when: the center killed mid-upload 20 times; the uploads resume, every file
// arrives once with the right hash; a file whose bytes do not match its hash is refused. The
// center is a real process on loopback with its files in its data folder; the terminals are the
// real services and stores.

const defer = cleanupAfterEach();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A PDF as a scanner writes it, `size` bytes of which most are the page images. */
function scannedPdf(size: number): Buffer {
  return pdfFrame(randomBytes(size - 80));
}

/** The upload copies in the center's data folder with bytes in them: an upload in flight. */
function partialUploads(dataDir: string): number {
  const dir = join(dataDir, 'uploads');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).filter((f) => f.endsWith('.part') && statSync(join(dir, f)).size > 0)
    .length;
}

describe('materials’ files under faults', () => {
  it('the center SIGKILLed mid-upload 20 times: every file arrives once, with its hash', async () => {
    const hall = await openHall();
    defer(() => hall.dispose());
    const sj1 = await windowTerminal(hall, 'SJ01', defer);
    const sj2 = await windowTerminal(hall, 'SJ02', defer);
    const caseId = await receiveChecked(sj1, 1);
    let attached: Attached[] = [];
    let killedMidUpload = 0;
    for (let round = 0; round < 20; round++) {
      // fresh scans each round (three chunks each), so every kill finds an upload to cut
      attached = await attach(
        sj1,
        caseId,
        [scannedPdf(2_600_000), scannedPdf(2_900_000)],
        attached,
      );
      const syncing = sj1.t.sync.syncNow();
      // wait for the state: an upload has begun at the center (bounded, then the round ended)
      for (let i = 0; i < 10_000 && partialUploads(hall.dataDir) === 0; i++) await sleep(2);
      await hall.center.kill();
      if (partialUploads(hall.dataDir) > 0) killedMidUpload++;
      await syncing;
      await hall.restart();
    }
    // the kills must have cut uploads, not only fallen between them
    expect(killedMidUpload).toBeGreaterThanOrEqual(15);
    await syncUntilQuiet([sj1.t, sj2.t]);
    const owed = sj1.t.db
      .prepare('SELECT count(*) AS n FROM files WHERE uploaded_at IS NULL')
      .get() as { n: number };
    expect(owed.n).toBe(0);
    // every file once at the center, its bytes hashing to its name; no copy left half-made
    expect(readdirSync(join(hall.dataDir, 'uploads')).filter((f) => f.endsWith('.part'))).toEqual(
      [],
    );
    for (const f of attached) {
      const path = join(
        hall.dataDir,
        'files',
        f.sha256.slice(0, 2),
        f.sha256.slice(2, 4),
        f.sha256,
      );
      expect(statSync(path).size).toBe(f.bytes);
    }
    // the department's other PC fetches each one on demand, and checks it
    for (const f of attached) {
      const page = (await callAs(sj2.t, sj2.clerk, 'attachments.page', {
        sha256: f.sha256,
        size: 'full',
      })) as { mediaType: string; data: string };
      expect(page.mediaType).toBe('application/pdf');
      expect(sha256Of(Buffer.from(page.data, 'base64'))).toBe(f.sha256);
      expect(sha256Of(await fileStore(sj2.t).read(f.sha256))).toBe(f.sha256);
    }
    expect(attached).toHaveLength(40);
  }, 600_000);

  it('a page lost or damaged on a PC holds up nothing, and a damaged copy comes back from the center', async () => {
    const hall = await openHall();
    defer(() => hall.dispose());
    const sj1 = await windowTerminal(hall, 'SJ01', defer);
    const sj2 = await windowTerminal(hall, 'SJ02', defer);
    const caseId = await receiveChecked(sj1, 2);
    const pages = await attach(
      sj1,
      caseId,
      [scannedPdf(200_000), scannedPdf(210_000), scannedPdf(220_000)],
      [],
    );
    // the first (oldest owed) page's bytes vanish from the scanning PC before it was sent
    const store = fileStore(sj1.t);
    rmSync(store.path(pages[0]!.sha256));
    await syncUntilQuiet([sj1.t, sj2.t]);
    expect(sj1.t.sync.status()).toMatchObject({ state: 'idle', lastError: null });
    // the others arrived; the lost one is marked, and its own PC says what to do
    const open = (h: HallTerminal, sha256: string) =>
      attempt(h.t, h.clerk, 'attachments.page', { sha256, size: 'full' });
    expect(await open(sj2, pages[1]!.sha256)).toMatchObject({ ok: true });
    expect(await open(sj2, pages[2]!.sha256)).toMatchObject({ ok: true });
    expect(await open(sj1, pages[0]!.sha256)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/请重新扫描这一页/) },
    });
    // a copy damaged on the other PC is fetched again and repaired
    const fetched = fileStore(sj2.t).path(pages[1]!.sha256);
    const bytes = readFileSync(fetched);
    bytes[100] = (bytes[100]! + 1) % 256;
    writeFileSync(fetched, bytes);
    const again = await open(sj2, pages[1]!.sha256);
    expect(
      again.ok && sha256Of(Buffer.from((again.value as { data: string }).data, 'base64')),
    ).toBe(pages[1]!.sha256);
    expect(sha256Of(readFileSync(fetched))).toBe(pages[1]!.sha256);
  }, 300_000);

  it('refuses a file whose bytes do not match its hash, over the wire', async () => {
    const hall = await openHall();
    defer(() => hall.dispose());
    const sj1 = await windowTerminal(hall, 'SJ01', defer);
    const token = openSecret(getSetting<string>(sj1.t.db, syncKeys.deviceToken)!, null);
    const real = scannedPdf(300_000);
    const forged = Buffer.from(real);
    forged[5000] = (forged[5000]! + 1) % 256;
    const sha256 = sha256Of(real);
    const res = await fetch(
      `${hall.center.url}${callPath(centerContract['files.upload'], { sha256 })}?offset=0&total=${forged.length}`,
      {
        method: 'PUT',
        headers: {
          'content-type': 'application/octet-stream',
          authorization: `Bearer ${token}`,
          [protocolHeader]: String(protocolVersion),
        },
        body: forged,
      },
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: 'file_mismatch' } });
    expect(
      existsSync(join(hall.dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256)),
    ).toBe(false);
  }, 120_000);
});
