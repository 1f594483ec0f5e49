import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { eachDialect } from '../db/test-db';

// `npm run server -- --log-dir DIR` (issue 15 point 5): the center's pino log goes to a rotating
// file in DIR, a real process on loopback.

eachDialect('the center’s --log-dir', (t) => {
  it('writes its request log to DIR/center.log', async () => {
    const { databaseUrl, dataDir } = t().options;
    const logDir = mkdtempSync(join(tmpdir(), 'ow-center-logs-'));
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    else delete env.DATABASE_URL;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data', dataDir, '--log-dir', logDir],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /OneWindow center listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', () => reject(new Error(`center exited:\n${output}`)));
      });
      expect((await fetch(`${url}/health`)).status).toBe(200);
      child.kill('SIGTERM');
      await once(child, 'exit');
      const lines = readFileSync(join(logDir, 'center.log'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { msg?: string; req?: { url?: string } });
      expect(lines.some((l) => l.req?.url === '/health')).toBe(true);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(logDir, { recursive: true, force: true });
    }
  });
});
