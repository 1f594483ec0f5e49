import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Of } from '../../node-shared/files/cas';
import { startS3StandIn, type S3StandIn } from '../../tests/support/s3-stand-in';
import { s3Backend, s3ConfigFromEnv } from './backend';

// Issue 18: the center's files in an S3-compatible store, against a loopback stand-in that
// speaks S3's REST API (tests/support/s3-stand-in.ts says what it does not check).

const open: (S3StandIn | string)[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    if (typeof o === 'string') rmSync(o, { recursive: true, force: true });
    else await o.close();
  }
});

async function setup() {
  const s3 = await startS3StandIn();
  const uploads = mkdtempSync(join(tmpdir(), 'ow-uploads-'));
  open.push(s3, uploads);
  return { s3, uploads, backend: s3Backend(s3.config, uploads) };
}

describe('files in an S3-compatible store', () => {
  it('puts a verified file, finds it and reads it back byte for byte', async () => {
    const { backend, uploads } = await setup();
    const bytes = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(300_000, 7),
      Buffer.from('%%EOF\n'),
    ]);
    const sha256 = sha256Of(bytes);
    expect(await backend.has(sha256)).toBe(false);
    const part = join(uploads, `${sha256}.dev.part`);
    writeFileSync(part, bytes);
    await backend.adopt(part, sha256, bytes.length);
    expect(await backend.has(sha256)).toBe(true);
    expect(sha256Of(await backend.read(sha256))).toBe(sha256);
  });

  it('says what the store answered when it refuses', async () => {
    const { s3, uploads } = await setup();
    const wrongKey = s3Backend({ ...s3.config, accessKeyId: 'NOT-A-KEY' }, uploads);
    await expect(wrongKey.read('a'.repeat(64))).rejects.toThrow(
      /对象存储读取失败：HTTP 403 InvalidAccessKeyId/,
    );
    const noBucket = s3Backend({ ...s3.config, bucket: 'missing' }, uploads);
    await expect(noBucket.read('a'.repeat(64))).rejects.toThrow(/NoSuchBucket/);
  });

  it('reads its settings from the environment and refuses half of them', () => {
    expect(s3ConfigFromEnv({})).toBeNull();
    expect(
      s3ConfigFromEnv({
        ONEWINDOW_S3_ENDPOINT: 'http://10.0.0.9:9000/',
        ONEWINDOW_S3_BUCKET: 'hall',
        ONEWINDOW_S3_ACCESS_KEY: 'k',
        ONEWINDOW_S3_SECRET_KEY: 's',
      }),
    ).toEqual({
      endpoint: 'http://10.0.0.9:9000',
      bucket: 'hall',
      region: 'us-east-1',
      accessKeyId: 'k',
      secretAccessKey: 's',
      prefix: 'onewindow/files/',
    });
    expect(() => s3ConfigFromEnv({ ONEWINDOW_S3_ENDPOINT: 'http://x:9000' })).toThrow(/BUCKET/);
    expect(() =>
      s3ConfigFromEnv({
        ONEWINDOW_S3_ENDPOINT: 'x:9000/path',
        ONEWINDOW_S3_BUCKET: 'b',
        ONEWINDOW_S3_ACCESS_KEY: 'k',
        ONEWINDOW_S3_SECRET_KEY: 's',
      }),
    ).toThrow(/http/);
  });
});
