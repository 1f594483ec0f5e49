import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { eachDialect } from '../db/test-db';
import { testApp, type TestApp } from '../test-app';
import { crashLimits, crashReportsDir } from './crash-reports';

// Electron's crash upload, as a stand-in: Electron cannot run here, so the POST is built the way
// its uploader (crashpad) builds one — multipart/form-data with prod, ver, _companyName,
// _productName, _version, platform, process_type, guid, the app's extra parameters and the file
// upload_file_minidump, gzipped with Content-Encoding: gzip (Electron's `compress` default).

function electronUpload(
  fields: Record<string, string>,
  dump: Buffer | null,
  boundary = 'crashpad-abc123',
) {
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  if (dump)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="upload_file_minidump"; filename="a1b2.dmp"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      dump,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

const electronFields = (token: string) => ({
  prod: 'OneWindow',
  ver: '1.1.0',
  _companyName: 'OneWindow',
  _productName: 'OneWindow',
  _version: '1.1.0',
  platform: 'win32',
  process_type: 'renderer',
  guid: '1d9c1c2e-0000-4000-8000-000000000001',
  device_token: token,
});

eachDialect('crash reports from Electron’s crashReporter', (t) => {
  let dataDir: string;
  let center: TestApp;
  let url: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ow-crash-'));
    center = testApp(t(), () => new Date(), { dataDir });
    await center.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(center.app.server.address() as AddressInfo).port}/crash-reports`;
    const w1 = await center.window('SJ01');
    await center.device({ id: 'pc-1', windowId: w1, token: 'tok-1' });
  });
  afterEach(async () => {
    await center.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (upload: { body: Buffer; type: string }, gzip = true) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': upload.type,
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      },
      body: new Uint8Array(gzip ? gzipSync(upload.body) : upload.body),
    });

  it('stores the minidump and its fields for the device, answers the report id, keeps no token', async () => {
    const dump = randomBytes(48 * 1024);
    const res = await post(electronUpload(electronFields('tok-1'), dump));
    expect(res.status).toBe(200);
    const id = await res.text();
    const [row] = await t().db.selectFrom('crash_reports').selectAll().execute();
    expect(row).toMatchObject({
      id,
      device_id: 'pc-1',
      product: 'OneWindow',
      version: '1.1.0',
      process_type: 'renderer',
      size: dump.length,
    });
    expect(readFileSync(join(crashReportsDir(dataDir), `${id}.dmp`)).equals(dump)).toBe(true);
    expect(row?.fields).not.toContain('tok-1');
    expect(JSON.parse(row?.fields ?? '{}')).toMatchObject({
      platform: 'win32',
      _companyName: 'OneWindow',
    });

    // the dashboard counts it
    const manager = await center.tokenFor('manager');
    const devices = await center.call('GET', '/api/devices', { token: manager });
    expect(devices.json<{ health: unknown }[]>()[0]?.health).toMatchObject({ crashReports: 1 });

    // uncompressed uploads (compress: false) are taken too
    expect((await post(electronUpload(electronFields('tok-1'), dump), false)).status).toBe(200);
  });

  it('refuses an upload without a valid device token, without a minidump, or too large', async () => {
    const dump = randomBytes(1024);
    expect((await post(electronUpload({ ...electronFields('nope') }, dump))).status).toBe(401);
    const { device_token: _dropped, ...anonymous } = electronFields('x');
    expect((await post(electronUpload(anonymous, dump))).status).toBe(401);
    const missing = await post(electronUpload(electronFields('tok-1'), null));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain(
      'upload_file_minidump',
    );
    const huge = await post(
      electronUpload(electronFields('tok-1'), randomBytes(crashLimits.bytes + 1)),
      false,
    );
    expect(huge.status).toBe(413);
    // a gzip bomb: small on the wire, past the cap once unpacked
    const bomb = await post(
      electronUpload(electronFields('tok-1'), Buffer.alloc(crashLimits.bytes * 5)),
    );
    expect(bomb.status).toBe(413);
    const cut = electronUpload(electronFields('tok-1'), dump);
    const truncated = await post({ ...cut, body: cut.body.subarray(0, cut.body.length - 200) });
    expect(truncated.status).toBe(400);
    expect(await t().db.selectFrom('crash_reports').selectAll().execute()).toEqual([]);
  });
});
