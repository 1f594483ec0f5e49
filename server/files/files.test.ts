import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, expect, it } from 'vitest';
import { centerContract, callPath } from '../../shared/center-api';
import { fileChunkBytes } from '../../shared/center-api/files-contract';
import { sha256Of } from '../../node-shared/files/cas';
import { eachDialect } from '../db/test-db';
import { startS3StandIn } from '../../tests/support/s3-stand-in';
import { s3Backend } from './backend';
import { caseScript, seedHall, syncHarness, type TestDevice } from '../sync/test-support';

// Issue 18 at the center: a file arrives in chunks, is kept only when its bytes hash to its
// name, and is given only to a terminal of a department whose case names it — on both dialects,
// through the real routes, with the files in a real data folder.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const path = (name: 'files.have' | 'files.upload' | 'files.get', sha256?: string) =>
  callPath(centerContract[name], sha256 ? { sha256 } : undefined);

async function aScan(seed: number): Promise<Buffer> {
  return sharp({
    create: {
      width: 1654,
      height: 2339,
      channels: 3,
      background: { r: 250, g: 250 - seed, b: 245 },
    },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** The device's window receives a case of SJ's and attaches `sha256` to it, pushed. */
async function attachAndPush(device: TestDevice, sha256: string, bytes: number): Promise<void> {
  const c = caseScript();
  await device.pushOk(
    device.sign([
      c.received(),
      c.next(
        'materialsAttached',
        {
          materials: [
            {
              materialId: 'm1',
              files: [{ sha256, mediaType: 'image/jpeg', bytes, source: 'camera' }],
            },
          ],
        },
        c.clerk,
      ),
    ]),
  );
}

eachDialect('center: the materials’ files', (t) => {
  const setup = async () => {
    await seedHall(t().db);
    const dataDir = mkdtempSync(join(tmpdir(), 'ow-center-files-'));
    dirs.push(dataDir);
    const h = syncHarness(t(), undefined, { dataDir });
    const sj1 = await h.enroll('w-sj-1');
    const sj2 = await h.enroll('w-sj-2');
    const zj1 = await h.enroll('w-zj-1');
    const upload = (
      device: TestDevice,
      sha256: string,
      offset: number,
      total: number,
      chunk: Buffer,
    ) =>
      h.call('PUT', `${path('files.upload', sha256)}?offset=${offset}&total=${total}`, {
        token: device.token,
        headers: { 'content-type': 'application/octet-stream' },
        body: chunk,
      });
    const have = (device: TestDevice, files: { sha256: string; bytes: number }[]) =>
      h.call('POST', path('files.have'), { token: device.token, body: { files } });
    const get = (device: TestDevice, sha256: string) =>
      h.call('GET', path('files.get', sha256), { token: device.token });
    const attach = (sha256: string, bytes: number) => attachAndPush(sj1, sha256, bytes);
    return { h, dataDir, sj1, sj2, zj1, upload, have, get, attach };
  };

  it('takes a file in chunks, resumes where its copy ends, and keeps it once', async () => {
    const { sj1, upload, have, dataDir } = await setup();
    // past one chunk, so it takes two requests
    const scan = Buffer.concat([await aScan(1), Buffer.alloc(fileChunkBytes)]);
    const sha256 = sha256Of(scan);
    expect((await have(sj1, [{ sha256, bytes: scan.length }])).json()).toEqual({
      files: [{ sha256, state: 'absent', offset: 0 }],
    });
    const first = await upload(sj1, sha256, 0, scan.length, scan.subarray(0, fileChunkBytes));
    expect(first.json()).toEqual({ sha256, state: 'partial', offset: fileChunkBytes });
    // a terminal that lost the answer sends the first chunk again: told where the copy ends
    const again = await upload(sj1, sha256, 0, scan.length, scan.subarray(0, fileChunkBytes));
    expect(again.json()).toEqual({ sha256, state: 'partial', offset: fileChunkBytes });
    expect((await have(sj1, [{ sha256, bytes: scan.length }])).json()).toEqual({
      files: [{ sha256, state: 'partial', offset: fileChunkBytes }],
    });
    const last = await upload(
      sj1,
      sha256,
      fileChunkBytes,
      scan.length,
      scan.subarray(fileChunkBytes),
    );
    expect(last.json()).toEqual({ sha256, state: 'stored', offset: scan.length });
    // nothing half-made is left; the file is in the data folder under its hash
    expect(readdirSync(join(dataDir, 'uploads'))).toEqual([]);
    const rows = await t().db.selectFrom('files').selectAll().execute();
    expect(rows).toMatchObject([
      { sha256, bytes: scan.length, media_type: 'image/jpeg', backend: 'disk', device_id: sj1.id },
    ]);
    // once stored, another upload of it is answered without taking a byte
    const dup = await upload(sj1, sha256, 0, scan.length, scan.subarray(0, 10));
    expect(dup.json()).toEqual({ sha256, state: 'stored', offset: scan.length });
  });

  it('refuses a file whose bytes do not match its name, and keeps nothing of it', async () => {
    const { sj1, upload, have, dataDir } = await setup();
    const scan = await aScan(2);
    const claimed = sha256Of(await aScan(3));
    const res = await upload(sj1, claimed, 0, scan.length, scan);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'file_mismatch' } });
    expect(await t().db.selectFrom('files').selectAll().execute()).toEqual([]);
    expect(readdirSync(join(dataDir, 'uploads'))).toEqual([]);
    expect((await have(sj1, [{ sha256: claimed, bytes: scan.length }])).json()).toMatchObject({
      files: [{ state: 'absent', offset: 0 }],
    });
    // a text file under its own hash is no material: refused too
    const text = Buffer.from('not a scan at all');
    const refused = await upload(sj1, sha256Of(text), 0, text.length, text);
    expect(refused.statusCode).toBe(422);
    // a chunk past the file's end, and one past the chunk size
    expect((await upload(sj1, sha256Of(scan), 0, 10, scan)).statusCode).toBe(400);
    const big = Buffer.alloc(fileChunkBytes + 1);
    expect((await upload(sj1, sha256Of(big), 0, big.length, big)).statusCode).toBe(413);
  });

  it('tells a device only of files its department’s cases name or it sent, and bounds its unfinished uploads', async () => {
    const { sj1, zj1, upload, have, dataDir } = await setup();
    const scan = await aScan(7);
    const sha256 = sha256Of(scan);
    await upload(sj1, sha256, 0, scan.length, scan);
    expect((await have(sj1, [{ sha256, bytes: scan.length }])).json()).toMatchObject({
      files: [{ state: 'stored' }],
    });
    // another department's terminal cannot learn that the center holds this scan
    expect((await have(zj1, [{ sha256, bytes: scan.length }])).json()).toMatchObject({
      files: [{ state: 'absent', offset: 0 }],
    });
    // and sending it anyway is taken and kept once
    expect((await upload(zj1, sha256, 0, scan.length, scan)).json()).toMatchObject({
      state: 'stored',
    });
    expect(await t().db.selectFrom('files').select('device_id').execute()).toEqual([
      { device_id: sj1.id },
    ]);
    // eight unfinished uploads of one device at once; the ninth is refused with a sentence
    for (let i = 0; i < 8; i++) {
      const big = Buffer.alloc(2 * fileChunkBytes, i + 1);
      const res = await upload(zj1, sha256Of(big), 0, big.length, big.subarray(0, 10));
      expect(res.json()).toMatchObject({ state: 'partial' });
    }
    const ninth = Buffer.alloc(2 * fileChunkBytes, 99);
    const refused = await upload(zj1, sha256Of(ninth), 0, ninth.length, ninth.subarray(0, 10));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { message: expect.stringMatching(/未完成的上传/) },
    });
    // an upload abandoned for days is removed when the device starts another
    for (const name of readdirSync(join(dataDir, 'uploads'))) {
      const old = new Date(Date.now() - 4 * 86_400_000);
      utimesSync(join(dataDir, 'uploads', name), old, old);
    }
    expect(
      (await upload(zj1, sha256Of(ninth), 0, ninth.length, ninth.subarray(0, 10))).statusCode,
    ).toBe(200);
    expect(readdirSync(join(dataDir, 'uploads'))).toHaveLength(1);
  });

  it('gives a file to the department whose case names it, and to nobody else', async () => {
    const { sj1, sj2, zj1, upload, get, attach } = await setup();
    const scan = await aScan(4);
    const sha256 = sha256Of(scan);
    await upload(sj1, sha256, 0, scan.length, scan);
    // stored, but no case names it yet: not given, not even to its uploader
    expect((await get(sj2, sha256)).statusCode).toBe(404);
    await attach(sha256, scan.length);
    const got = await get(sj2, sha256);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(sha256Of(got.rawPayload)).toBe(sha256);
    // another department's terminal learns nothing, the same answer as for no file at all
    const other = await get(zj1, sha256);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual((await get(zj1, sha256Of(Buffer.from('nothing')))).json());
    // a case names a file the center does not have yet: 404 too, until it arrives
    const later = await aScan(5);
    await attach(sha256Of(later), later.length);
    expect((await get(sj2, sha256Of(later))).statusCode).toBe(404);
  });

  it('keeps the file in an S3-compatible store when one is configured', async () => {
    await seedHall(t().db);
    const s3 = await startS3StandIn();
    const uploadsDir = mkdtempSync(join(tmpdir(), 'ow-uploads-'));
    dirs.push(uploadsDir);
    try {
      const h = syncHarness(t(), undefined, { files: s3Backend(s3.config, uploadsDir) });
      const sj1 = await h.enroll('w-sj-1');
      const scan = await aScan(6);
      const sha256 = sha256Of(scan);
      const put = await h.call(
        'PUT',
        `${path('files.upload', sha256)}?offset=0&total=${scan.length}`,
        {
          token: sj1.token,
          headers: { 'content-type': 'application/octet-stream' },
          body: scan,
        },
      );
      expect(put.json()).toEqual({ sha256, state: 'stored', offset: scan.length });
      expect(await t().db.selectFrom('files').select('backend').execute()).toEqual([
        { backend: 's3' },
      ]);
      await attachAndPush(sj1, sha256, scan.length);
      const got = await h.call('GET', path('files.get', sha256), { token: sj1.token });
      expect(sha256Of(got.rawPayload)).toBe(sha256);
    } finally {
      await s3.close();
    }
  });

  it('answers 503 with a sentence when the center has nowhere to keep files', async () => {
    await seedHall(t().db);
    const h = syncHarness(t());
    const sj1 = await h.enroll('w-sj-1');
    const res = await h.call('POST', path('files.have'), {
      token: sj1.token,
      body: { files: [{ sha256: 'a'.repeat(64), bytes: 10 }] },
    });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      error: { code: 'unavailable', message: expect.stringMatching(/未配置/) },
    });
  });
});
