import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { dump } from 'js-yaml';
import type { Kysely } from 'kysely';
import type { ServerDb } from '../db/schema';
import { authenticate } from '../http/authenticate';
import { HttpError } from '../http/errors';
import {
  channelFilePattern,
  parseChannelFile,
  releaseFile,
  servedChannelFile,
  updatesDir,
} from './release-files';
import { offeredReleases, releaseForDevice } from './releases';

// electron-updater's generic provider, served per device (issue 15 point 4). The terminal points
// its updater at `<center>/updates/` with its device token in the Authorization header, so the
// center knows which PC asks and answers the channel file of the release that PC is staged for.
// Not contract entries: the protocol is electron-updater's (YAML and byte ranges), not the
// center's JSON API; the device token is checked by the same authenticate() as every sync call.

export type FeedContext = { db: Kysely<ServerDb>; now: () => Date; dataDir: string | null };

const noFeed = () => new HttpError(404, 'not_found', '中心未指定数据目录（--data），没有终端更新');

export function registerUpdateFeed(app: FastifyInstance, context: FeedContext): void {
  app.get<{ Params: { channel: string } }>('/updates/:channel', async (request, reply) => {
    const { device } = await authenticate(
      { kind: 'device' },
      request.headers.authorization,
      context.db,
      context.now(),
    );
    if (!device) throw new Error('device route without a device');
    const { channel } = request.params;
    if (!channelFilePattern.test(channel))
      throw new HttpError(404, 'not_found', `没有这个更新文件：${channel}`);
    if (!context.dataDir) throw noFeed();
    const version = await releaseForDevice(context.db, context.dataDir, device, channel);
    if (!version) throw new HttpError(404, 'not_found', `没有向本终端发布的版本（${channel}）`);
    const text = await readFile(join(updatesDir(context.dataDir), version, channel), 'utf8');
    const served = servedChannelFile(parseChannelFile(text, channel), version);
    request.log.info({ device: device.id, version, channel }, 'update offered');
    // no caching on the way: the answer depends on who asks and on today's staging
    return reply
      .header('cache-control', 'no-store')
      .type('text/yaml; charset=utf-8')
      .send(dump(served, { lineWidth: -1 }));
  });

  app.get<{ Params: { version: string; file: string } }>(
    '/updates/:version/:file',
    async (request, reply) => {
      await authenticate(
        { kind: 'device' },
        request.headers.authorization,
        context.db,
        context.now(),
      );
      if (!context.dataDir) throw noFeed();
      const { version, file } = request.params;
      // only the files of a release on offer: a withdrawn one stops downloading at once
      const offered = await offeredReleases(context.db);
      const found = offered.some((r) => r.version === version)
        ? await releaseFile(context.dataDir, version, file)
        : null;
      if (!found) throw new HttpError(404, 'not_found', `没有这个更新文件：${version}/${file}`);
      return sendRange(reply, found, request.headers.range);
    },
  );
}

/** The single byte range asked for, null for the whole file, 'unsatisfiable' past its end. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | 'unsatisfiable' {
  if (!header) return null;
  // several ranges (a differential download): answering the whole file is allowed (RFC 9110),
  // and electron-updater falls back to a full download
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

function sendRange(
  reply: FastifyReply,
  file: { path: string; size: number },
  header: string | undefined,
): FastifyReply {
  const range = parseRange(header, file.size);
  void reply.header('accept-ranges', 'bytes').type('application/octet-stream');
  if (range === 'unsatisfiable')
    return reply.code(416).header('content-range', `bytes */${file.size}`).send();
  if (range === null)
    return reply.header('content-length', file.size).send(createReadStream(file.path));
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
    .header('content-length', range.end - range.start + 1)
    .send(createReadStream(file.path, { start: range.start, end: range.end }));
}
