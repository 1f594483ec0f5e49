import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { eachDialect } from './db/test-db';

eachDialect('main (the CLI)', (t) => {
  it('seeds, says where it listens, serves, and exits cleanly on SIGTERM', async () => {
    const { databaseUrl, dataDir } = t().options;
    const consoleDir = mkdtempSync(join(tmpdir(), 'onewindow-console-'));
    writeFileSync(
      join(consoleDir, 'index.html'),
      '<html><head><title>一窗通</title></head></html>',
    );
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    else delete env.DATABASE_URL;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/main.ts',
        '--port',
        '0',
        '--data',
        dataDir,
        '--now',
        '2026-03-02T09:00:00+08:00',
        // part U (issue 16): a stand-in for the built renderer the console serves
        '--console',
        consoleDir,
      ],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // the console's address is the last line of the start: once it is out, all is said
        const match = /中心控制台 \/ center console: (http:\/\/127\.0\.0\.1:\d+)\/console\/\n/.exec(
          output,
        );
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', () => reject(new Error(`center exited:\n${output}`)));
    });
    expect(output).toMatch(/first manager: admin {2}密码 \/ password: \S+/);
    const health = await fetch(`${url}/health`);
    // the quick check of the start, as /health reports it since issue 15
    expect(await health.json()).toMatchObject({
      ok: true,
      dialect: t().dialect,
      db: 'up',
      integrity: { ok: true, mode: 'quick', dialect: t().dialect, problems: [] },
    });
    expect(output).toMatch(/OneWindow center listening on http:\/\/127\.0\.0\.1:\d+/);
    // the console page is the built renderer, marked as the console, under the strict CSP
    const page = await fetch(`${url}/console/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<meta name="onewindow-console"');
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    rmSync(consoleDir, { recursive: true, force: true });
  });
});
