import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { verifyArchive } from '../../node-shared/archive/verify';
import { archiveJson, readZip } from '../../node-shared/archive/zip';
import { centerContract } from '../../shared/center-api';
import { cleanupAfterEach } from '../support/cleanups';
import { pdfFrame } from '../support/pdf-frame';
import { callAs } from '../support/sync';
import { attach, openHall, receiveChecked, syncUntilQuiet, windowTerminal } from './world';

// Review of issue 18: an archive exported at an enrolled PC carries the center's signed receipt,
// verifies against the key the center publishes, and fails once an event is left out. The
// center is a real process on loopback.

const defer = cleanupAfterEach();

describe('the center’s receipt in a case archive', () => {
  it('verifies with the published key, and an event left out fails', async () => {
    const hall = await openHall();
    defer(() => hall.dispose());
    const sj1 = await windowTerminal(hall, 'SJ01', defer);
    const caseId = await receiveChecked(sj1, 3);
    await attach(sj1, caseId, [pdfFrame('1 0 obj<<>>endobj')]);
    // the export syncs first, so the receipt covers what this PC recorded
    const r = (await callAs(sj1.t, sj1.clerk, 'cases.exportArchive', { caseId })) as {
      data: string;
      receiptMissing: string | null;
    };
    expect(r.receiptMissing).toBeNull();
    const published = (await (
      await fetch(`${hall.center.url}${centerContract['center.receiptKey'].path}`)
    ).json()) as { fingerprint: string };
    const zip = Buffer.from(r.data, 'base64');
    const verdict = verifyArchive(zip, published.fingerprint);
    expect(verdict.problems).toEqual([]);
    expect(verdict.centerKey).toBe(published.fingerprint);
    // the last event (the scan) left out, the manifest rewritten around it: the receipt tells
    const entries = readZip(zip).entries;
    const manifest = JSON.parse(new TextDecoder().decode(entries.get('manifest.json'))) as {
      events: { id: string }[];
      files: { path: string; kind: string }[];
    };
    const dropped = manifest.events.pop()!;
    const rest: Zippable = {};
    for (const [path, bytes] of entries) rest[path] = bytes;
    rest['manifest.json'] = archiveJson(manifest);
    const forged = verifyArchive(zipSync(rest), published.fingerprint);
    expect(forged.problems.map((p) => p.subject)).toEqual(
      expect.arrayContaining([`event ${dropped.id}`, 'manifest.json']),
    );
  }, 180_000);

  it('holds what a colleague recorded a moment before the export: synced first, then read', async () => {
    const hall = await openHall();
    defer(() => hall.dispose());
    const sj1 = await windowTerminal(hall, 'SJ01', defer);
    const sj2 = await windowTerminal(hall, 'SJ02', defer);
    const caseId = await receiveChecked(sj1, 4);
    await syncUntilQuiet([sj1.t, sj2.t]);
    // the chief at the other window scans a page and it reaches the center; this PC has not
    // pulled since
    await attach(sj2, caseId, [pdfFrame('2 0 obj<<>>endobj')], [], sj2.chief);
    await syncUntilQuiet([sj2.t]);
    const r = (await callAs(sj1.t, sj1.clerk, 'cases.exportArchive', { caseId })) as {
      data: string;
      receiptMissing: string | null;
      materialFiles: number;
    };
    expect(r.receiptMissing).toBeNull();
    expect(r.materialFiles).toBe(1);
    expect(verifyArchive(Buffer.from(r.data, 'base64')).problems).toEqual([]);
  }, 180_000);
});
