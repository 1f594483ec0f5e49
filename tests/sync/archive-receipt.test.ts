import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { verifyArchive } from '../../node-shared/archive/verify';
import { zipEntries } from '../../node-shared/archive/zip';
import { centerContract } from '../../shared/center-api';
import { cleanupAfterEach } from '../support/cleanups';
import { pdfFrame } from '../support/pdf-frame';
import { callAs } from '../support/sync';
import { openHall, receiveChecked, windowTerminal } from './world';

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
    const { files } = (await callAs(sj1.t, sj1.clerk, 'attachments.import', {
      data: pdfFrame('1 0 obj<<>>endobj').toString('base64'),
      source: 'file',
      name: '营业执照.pdf',
    })) as { files: { sha256: string; mediaType: string; bytes: number; source: string }[] };
    const got = (await callAs(sj1.t, sj1.clerk, 'cases.get', { caseId })) as {
      state: { materials: { materialId: string }[] };
    };
    await callAs(sj1.t, sj1.clerk, 'cases.record', {
      caseId,
      type: 'materialsAttached',
      payload: { materials: [{ materialId: got.state.materials[0]!.materialId, files }] },
    });
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
    const entries = zipEntries(zip);
    const manifest = JSON.parse(new TextDecoder().decode(entries.get('manifest.json'))) as {
      events: { id: string }[];
      files: { path: string; kind: string }[];
    };
    const dropped = manifest.events.pop()!;
    const rest: Zippable = {};
    for (const [path, bytes] of entries) rest[path] = bytes;
    rest['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
    const forged = verifyArchive(zipSync(rest), published.fingerprint);
    expect(forged.problems.map((p) => p.subject)).toContain(`event ${dropped.id}`);
  }, 180_000);
});
