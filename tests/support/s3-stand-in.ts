import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3Config } from '../../server/files/backend';

// An S3-compatible object store on loopback (s3rver, filesystem-backed). It speaks S3's REST
// API — path-style PUT/GET/HEAD, XML errors, the access key id of a V4 Authorization header —
// but does NOT recompute V4 signatures: the signing itself is aws4's, which carries AWS's own
// signature test suite. So this proves the requests' shape, not the signature bytes.

export type S3StandIn = { config: S3Config; close: () => Promise<void> };

export async function startS3StandIn(): Promise<S3StandIn> {
  const directory = mkdtempSync(join(tmpdir(), 'ow-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: 'onewindow' }],
  });
  const { port } = await server.run();
  return {
    config: {
      endpoint: `http://127.0.0.1:${port}`,
      bucket: 'onewindow',
      region: 'us-east-1',
      // s3rver's one built-in account
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      prefix: 'center-a/files/',
    },
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
