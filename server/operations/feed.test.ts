import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseUpdateInfo, resolveFiles } from 'electron-updater/out/providers/Provider';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { stagingDraw } from '../../shared/updates';
import { eachDialect } from '../db/test-db';
import { testApp, type TestApp } from '../test-app';
import { placeRelease } from '../../tests/support/releases';

// The update feed as electron-updater meets it (issue 15, Done when bullet 3): a real center on a
// loopback port serves two releases; each terminal asks `latest.yml` with its device token, the
// answer is parsed by electron-updater's own parser and its file URL resolved as the updater
// resolves it, then downloaded (whole and by range) and checked against the SHA-512 it states.
// The Electron download and install themselves cannot run here (no Electron binary).

type ErrorReply = { error: { message: string } };

const sha512 = (data: Buffer) => createHash('sha512').update(data).digest('base64');

/** A device id whose draw for `version` is below (or not below) `percent`. */
function deviceIdDrawn(version: string, percent: number, inside: boolean): string {
  for (let i = 0; ; i += 1) {
    const id = `pc-${i}`;
    if (stagingDraw(id, version) < percent === inside) return id;
  }
}

eachDialect('the update feed of terminal releases', (t) => {
  let dataDir: string;
  let center: TestApp;
  let base: string;
  let manager: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ow-feed-'));
    center = testApp(t(), () => new Date(), { dataDir });
    await center.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(center.app.server.address() as AddressInfo).port}`;
    manager = await center.tokenFor('manager');
  });
  afterEach(async () => {
    await center.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const publish = (body: object) => center.call('POST', '/api/releases', { token: manager, body });

  async function offered(token: string, channel = 'latest.yml') {
    const res = await fetch(`${base}/updates/${channel}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const url = new URL(`${base}/updates/${channel}`);
    const info = parseUpdateInfo(await res.text(), channel, url);
    return { info, files: resolveFiles(info, new URL(`${base}/updates/`)) };
  }

  it('offers the newer release to a device inside its staging and the older to one outside', async () => {
    const older = placeRelease(dataDir, '1.0.0');
    const newer = placeRelease(dataDir, '1.1.0');
    const w1 = await center.window('SJ01');
    const inside = deviceIdDrawn('1.1.0', 30, true);
    const outside = deviceIdDrawn('1.1.0', 30, false);
    await center.device({ id: inside, windowId: w1, token: 'tok-inside' });
    await center.device({ id: outside, windowId: w1, token: 'tok-outside' });

    expect((await publish({ version: '1.0.0', protocol: 1, percent: 100 })).statusCode).toBe(200);
    const staged = await publish({ version: '1.1.0', protocol: 1, percent: 30 });
    expect(staged.statusCode, staged.body).toBe(200);
    expect(staged.json()).toMatchObject({
      version: '1.1.0',
      channels: ['latest.yml'],
      published: { percent: 30, offered: true },
    });

    const forInside = await offered('tok-inside');
    expect(forInside.info.version).toBe('1.1.0');
    const forOutside = await offered('tok-outside');
    expect(forOutside.info.version).toBe('1.0.0');

    // the file the updater would download: whole, then resumed by range
    const [file] = forInside.files;
    if (!file) throw new Error('no file offered');
    expect(file.url.href).toBe(`${base}/updates/1.1.0/OneWindow-Setup-1.1.0.exe`);
    const auth = { authorization: 'Bearer tok-inside' };
    const whole = Buffer.from(await (await fetch(file.url, { headers: auth })).arrayBuffer());
    expect(sha512(whole)).toBe(file.info.sha512);
    expect(whole.equals(newer)).toBe(true);
    const part = await fetch(file.url, { headers: { ...auth, range: 'bytes=1000-' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(
      `bytes 1000-${newer.length - 1}/${newer.length}`,
    );
    expect(Buffer.from(await part.arrayBuffer()).equals(newer.subarray(1000))).toBe(true);
    const past = await fetch(file.url, { headers: { ...auth, range: `bytes=${newer.length}-` } });
    expect(past.status).toBe(416);
    expect(older.length).toBeGreaterThan(0);

    // the manager's list shows both, newest first
    const list = await center.call('GET', '/api/releases', { token: manager });
    expect(list.json<{ version: string }[]>().map((r) => r.version)).toEqual(['1.1.0', '1.0.0']);
  });

  it('offers a release to the windows named, and stops at once when it is withdrawn', async () => {
    placeRelease(dataDir, '1.0.0', 'latest-linux.yml');
    placeRelease(dataDir, '1.1.0', 'latest-linux.yml');
    const pilot = await center.window('SJ01');
    const other = await center.window('SJ02');
    await center.device({ id: 'pc-pilot', windowId: pilot, token: 'tok-pilot' });
    await center.device({ id: 'pc-other', windowId: other, token: 'tok-other' });
    await publish({ version: '1.0.0', protocol: 1, percent: 100 });
    await publish({ version: '1.1.0', protocol: 1, percent: 0, windowIds: [pilot] });

    expect((await offered('tok-pilot', 'latest-linux.yml')).info.version).toBe('1.1.0');
    expect((await offered('tok-other', 'latest-linux.yml')).info.version).toBe('1.0.0');
    // no Windows build was placed: the Windows channel has nothing to offer
    const windows = await fetch(`${base}/updates/latest.yml`, {
      headers: { authorization: 'Bearer tok-pilot' },
    });
    expect(windows.status).toBe(404);

    const withdrawn = await center.call('POST', '/api/releases/1.1.0/withdraw', { token: manager });
    expect(withdrawn.json()).toMatchObject({ published: { offered: false } });
    expect((await offered('tok-pilot', 'latest-linux.yml')).info.version).toBe('1.0.0');
    const gone = await fetch(`${base}/updates/1.1.0/OneWindow-Setup-1.1.0.exe`, {
      headers: { authorization: 'Bearer tok-pilot' },
    });
    expect(gone.status).toBe(404);
  });

  it('never offers a release in a protocol the center does not accept', async () => {
    placeRelease(dataDir, '1.0.0');
    placeRelease(dataDir, '2.0.0');
    const w1 = await center.window('SJ01');
    await center.device({ id: 'pc-1', windowId: w1, token: 'tok-1' });
    await publish({ version: '1.0.0', protocol: 1, percent: 100 });
    const refused = await publish({ version: '2.0.0', protocol: 7, percent: 100 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorReply>().error.message).toContain('中心不接受协议 7');
    // a release recorded under a protocol the center has since dropped (a center rolled back)
    await t()
      .db.insertInto('terminal_releases')
      .values({
        version: '2.0.0',
        protocol: 7,
        percent: 100,
        window_ids: '[]',
        published_at: '2026-12-05T09:00:00+08:00',
        published_by: 'admin',
        withdrawn_at: null,
      })
      .execute();
    expect((await offered('tok-1')).info.version).toBe('1.0.0');
  });

  it('refuses what cannot be published, with the reason', async () => {
    const installer = placeRelease(dataDir, '1.2.0');
    const w1 = await center.window('SJ01');
    const refusal = async (body: object) => {
      const res = await publish(body);
      expect(res.statusCode, res.body).toBe(400);
      return res.json<ErrorReply>().error.message;
    };
    expect(await refusal({ version: 'v1.2', protocol: 1, percent: 10 })).toContain('语义化版本');
    expect(await refusal({ version: '1.2.0', protocol: 1, percent: 101 })).toContain('0–100');
    expect(
      await refusal({ version: '1.2.0', protocol: 1, percent: 10, windowIds: ['nope'] }),
    ).toContain('窗口不存在：nope');
    expect(await refusal({ version: '1.3.0', protocol: 1, percent: 10 })).toContain('没有 latest');
    // an installer cut short after the build: caught before any PC downloads it
    writeFileSync(
      join(dataDir, 'updates', '1.2.0', 'OneWindow-Setup-1.2.0.exe'),
      installer.subarray(1),
    );
    expect(await refusal({ version: '1.2.0', protocol: 1, percent: 10 })).toContain('大小为');
    // the same size, other bytes
    const swapped = Buffer.from(installer);
    swapped[0] = (swapped[0] ?? 0) ^ 0xff;
    writeFileSync(join(dataDir, 'updates', '1.2.0', 'OneWindow-Setup-1.2.0.exe'), swapped);
    expect(await refusal({ version: '1.2.0', protocol: 1, percent: 10 })).toContain('SHA-512');
    expect(w1).toBeTruthy();
    expect(await t().db.selectFrom('terminal_releases').selectAll().execute()).toEqual([]);
  });

  it('answers nobody without a device token, and no path out of the release folder', async () => {
    placeRelease(dataDir, '1.0.0');
    await publish({ version: '1.0.0', protocol: 1, percent: 100 });
    expect((await fetch(`${base}/updates/latest.yml`)).status).toBe(401);
    const w1 = await center.window('SJ01');
    await center.device({ id: 'pc-1', windowId: w1, token: 'tok-1' });
    const auth = { authorization: 'Bearer tok-1' };
    for (const path of ['1.0.0/..%2F..%2Fcenter.sqlite', '1.0.0/latest.yml.', '..%2F1.0.0/x'])
      expect((await fetch(`${base}/updates/${path}`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${base}/updates/center.yml`, { headers: auth })).status).toBe(404);
  });
});
