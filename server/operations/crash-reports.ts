import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { shanghaiIso } from '../../shared/calendar';
import { crashTokenField } from '../../shared/sync';
import { authenticate } from '../http/authenticate';
import { HttpError } from '../http/errors';
import type { FeedContext } from './feed';
import { boundaryOf, parseMultipart, type FormPart } from './multipart';

// Electron's crashReporter uploads here (issue 15 point 5): a multipart/form-data POST, gzipped
// when `compress` is on (Electron's default), with the fields `prod`, `ver`, `_companyName`,
// `_productName`, `_version`, `platform`, `process_type`, `guid`, the extra parameters the app
// set, and the minidump as the file `upload_file_minidump`. Electron adds no headers of ours, so
// the terminal puts its device token in the extra parameter `device_token`: the center identifies
// the PC by it and never stores it. A caller without a valid token is refused — an open upload
// would let anyone fill the center's disk.

/** A minidump is tens to hundreds of KB; a full-memory dump is not wanted here. */
export const crashLimits = { bytes: 5 * 1024 * 1024, fields: 64, fieldChars: 500 } as const;

export function crashReportsDir(dataDir: string): string {
  return join(dataDir, 'crash-reports');
}

export function registerCrashReports(app: FastifyInstance, context: FeedContext): void {
  void app.register((scope, _opts, done) => {
    // the body arrives whole, as bytes, only on this route (the JSON API keeps its parser)
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: crashLimits.bytes },
      (_request, body, next) => next(null, body),
    );
    scope.post('/crash-reports', async (request, reply) => {
      if (!context.dataDir)
        throw new HttpError(404, 'not_found', '中心未指定数据目录（--data），不收崩溃报告');
      const boundary = boundaryOf(request.headers['content-type']);
      if (!boundary || !Buffer.isBuffer(request.body))
        throw new HttpError(415, 'invalid_input', '崩溃报告须以 multipart/form-data 上传');
      const parts = formParts(unpack(request.body, request.headers['content-encoding']), boundary);
      const token = parts.find((p) => p.name === crashTokenField)?.data.toString('utf8');
      const { device } = await authenticate(
        { kind: 'device' },
        token ? `Bearer ${token}` : undefined,
        context.db,
        context.now(),
      );
      const dump = parts.find((p) => p.name === 'upload_file_minidump' && p.filename !== null);
      if (!dump || dump.data.length === 0)
        throw new HttpError(400, 'invalid_input', '崩溃报告缺少 upload_file_minidump 文件');
      const fields: Record<string, string> = {};
      for (const part of parts) {
        if (part.filename !== null || part.name === crashTokenField) continue;
        if (Object.keys(fields).length >= crashLimits.fields) break;
        fields[part.name.slice(0, 100)] = part.data
          .toString('utf8')
          .slice(0, crashLimits.fieldChars);
      }
      const id = randomUUID();
      const dir = crashReportsDir(context.dataDir);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // written under a temporary name and renamed: a crash of the center mid-write leaves no
      // half file that a row points at
      const fileName = `${id}.dmp`;
      await writeFile(join(dir, `${fileName}.part`), dump.data, { mode: 0o600 });
      await rename(join(dir, `${fileName}.part`), join(dir, fileName));
      await context.db
        .insertInto('crash_reports')
        .values({
          id,
          device_id: device?.id ?? null,
          received_at: shanghaiIso(context.now()),
          product: fields.prod ?? fields._productName ?? '',
          version: fields.ver ?? fields._version ?? '',
          process_type: fields.process_type ?? fields.ptype ?? null,
          file_name: fileName,
          size: dump.data.length,
          fields: JSON.stringify(fields),
        })
        .execute();
      request.log.warn(
        { device: device?.id, id, process: fields.process_type },
        'crash report stored',
      );
      // Electron's uploader reads the answer's body as the report's id
      return reply.type('text/plain; charset=utf-8').send(id);
    });
    done();
  });
}

function formParts(body: Buffer, boundary: string): FormPart[] {
  try {
    return parseMultipart(body, boundary);
  } catch (error) {
    throw new HttpError(400, 'invalid_input', `崩溃报告格式不对：${(error as Error).message}`);
  }
}

function unpack(body: Buffer, encoding: string | string[] | undefined): Buffer {
  const name = (Array.isArray(encoding) ? encoding[0] : encoding)?.trim().toLowerCase();
  if (!name || name === 'identity') return body;
  if (name !== 'gzip') throw new HttpError(415, 'invalid_input', `不支持的压缩方式：${name}`);
  try {
    // capped: a small gzip may expand to gigabytes
    return gunzipSync(body, { maxOutputLength: crashLimits.bytes * 4 });
  } catch {
    throw new HttpError(413, 'payload_too_large', '崩溃报告解压后过大或已损坏');
  }
}
