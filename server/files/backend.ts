import aws4 from 'aws4';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ContentStore } from '../../node-shared/files/cas';

// Issue 18: where the center keeps the materials' files. By default its data folder (the same
// content-addressed layout as a terminal's); with ONEWINDOW_S3_* set, an S3-compatible object
// store (MinIO, Ceph, a provincial cloud's OSS in S3 mode), which a center of several processes
// on one PostgreSQL needs, as they share no folder. A file reaches a backend only complete and
// verified: an upload is assembled in `uploadsDir` first.

export type FileBackend = {
  readonly kind: 'disk' | 's3';
  /** where uploads are assembled, per device and file, until their bytes are verified */
  readonly uploadsDir: string;
  /** Moves an assembled, verified file in; the file at `path` is gone afterwards. */
  adopt(path: string, sha256: string, bytes: number): Promise<void>;
  read(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
};

export function diskBackend(dataDir: string): FileBackend {
  const store = new ContentStore(join(dataDir, 'files'));
  return {
    kind: 'disk',
    uploadsDir: join(dataDir, 'uploads'),
    adopt: (path, sha256) => store.adopt(path, sha256),
    read: (sha256) => store.read(sha256),
    has: (sha256) => store.has(sha256),
  };
}

export type S3Config = {
  /** http(s)://host:port of the service; the bucket is addressed path-style under it */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** a key prefix, so one bucket can hold several centers */
  prefix: string;
};

/** The S3 settings from the environment (secrets never on the command line), or null. */
export function s3ConfigFromEnv(env: NodeJS.ProcessEnv): S3Config | null {
  const endpoint = env.ONEWINDOW_S3_ENDPOINT;
  if (!endpoint) return null;
  const missing = [
    'ONEWINDOW_S3_BUCKET',
    'ONEWINDOW_S3_ACCESS_KEY',
    'ONEWINDOW_S3_SECRET_KEY',
  ].filter((k) => !env[k]);
  if (missing.length > 0)
    throw new Error(`ONEWINDOW_S3_ENDPOINT is set but ${missing.join(', ')} not`);
  if (!/^https?:\/\/[^/]+\/?$/.test(endpoint)) {
    throw new Error(`ONEWINDOW_S3_ENDPOINT must be http(s)://host[:port], got ${endpoint}`);
  }
  return {
    endpoint: endpoint.replace(/\/$/, ''),
    bucket: env.ONEWINDOW_S3_BUCKET as string,
    region: env.ONEWINDOW_S3_REGION ?? 'us-east-1',
    accessKeyId: env.ONEWINDOW_S3_ACCESS_KEY as string,
    secretAccessKey: env.ONEWINDOW_S3_SECRET_KEY as string,
    prefix: env.ONEWINDOW_S3_PREFIX ?? 'onewindow/files/',
  };
}

/** One request signed with AWS Signature Version 4 (aws4), path-style. */
async function s3Request(
  config: S3Config,
  method: 'GET' | 'HEAD' | 'PUT',
  key: string,
  body?: Buffer,
): Promise<Response> {
  const url = new URL(`${config.endpoint}/${config.bucket}/${key}`);
  const signed = aws4.sign(
    {
      host: url.host,
      path: url.pathname,
      method,
      service: 's3',
      region: config.region,
      headers: body
        ? { 'content-type': 'application/octet-stream', 'content-length': String(body.length) }
        : {},
      ...(body ? { body } : {}),
    },
    { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  );
  const headers = Object.fromEntries(
    Object.entries(signed.headers ?? {})
      // fetch sets these itself and refuses them as given
      .filter(([k]) => !['host', 'content-length'].includes(k.toLowerCase()))
      .map(([k, v]) => [k, String(v)]),
  );
  return fetch(url, {
    method,
    headers,
    ...(body ? { body: new Uint8Array(body) } : {}),
    signal: AbortSignal.timeout(60_000),
  });
}

async function s3Failure(res: Response, what: string): Promise<Error> {
  const text = await res.text().catch(() => '');
  const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? '';
  return new Error(`对象存储${what}失败：HTTP ${res.status} ${code}`.trim());
}

export function s3Backend(config: S3Config, uploadsDir: string): FileBackend {
  const key = (sha256: string) => `${config.prefix}${sha256}`;
  return {
    kind: 's3',
    uploadsDir,
    async adopt(path, sha256) {
      const bytes = await readFile(path);
      const res = await s3Request(config, 'PUT', key(sha256), bytes);
      if (!res.ok) throw await s3Failure(res, '写入');
      await res.arrayBuffer();
      await rm(path, { force: true });
    },
    async read(sha256) {
      const res = await s3Request(config, 'GET', key(sha256));
      if (!res.ok) throw await s3Failure(res, '读取');
      return Buffer.from(await res.arrayBuffer());
    },
    async has(sha256) {
      const res = await s3Request(config, 'HEAD', key(sha256));
      await res.arrayBuffer().catch(() => undefined);
      if (res.status === 404) return false;
      if (!res.ok) throw await s3Failure(res, '查询');
      return true;
    },
  };
}

/** The SHA-256 of a file on disk, streamed: an upload may be 40 MB. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
