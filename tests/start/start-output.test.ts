import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// Part W of issue 16: `npm start` used to print some 400 lines of vite's file listing before the
// demo accounts. This runs the real command (its quiet build included) and reads what a user
// sees. The build goes to a dist-* folder of its own: rebuilding dist/ under a running suite
// would hand other tests a half-written bundle. It stays inside the project so that the bundle
// finds node_modules (better-sqlite3).

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('npm start', () => {
  it('prints a short block: the address, the demo accounts and how to stop', async () => {
    const dist = mkdtempSync(resolve('dist-start-test-'));
    const data = mkdtempSync(join(tmpdir(), 'onewindow-start-'));
    cleanups.push(() => rmSync(dist, { recursive: true, force: true }));
    cleanups.push(() => rmSync(data, { recursive: true, force: true }));
    const child = spawn(
      'npm',
      ['start', '--', '--dist', dist, '--web', '--port', '0', '--data', join(data, 'terminal')],
      // its own process group: npm, the launcher and the web mode stop together
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    cleanups.push(() => {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
    });
    let output = '';
    const ended = new Promise<void>((done, fail) => {
      const look = () => {
        if (output.includes('Ctrl+C')) done();
      };
      child.stdout.on('data', (c: Buffer) => ((output += c.toString()), look()));
      child.stderr.on('data', (c: Buffer) => ((output += c.toString()), look()));
      child.on('exit', (code) => fail(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    await ended;

    const lines = output.trimEnd().split('\n');
    expect(lines.length, output).toBeLessThan(30);
    const url = /web mode: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(url, output).toBeDefined();
    for (const role of ['clerk', 'chief', 'reviewer', 'manager', 'supervisor']) {
      expect(output).toMatch(
        new RegExp(`demo ${role}\\s+\\S+\\s+username: ${role}\\s+password: \\S+`),
      );
    }
    // the last line says how to stop
    expect(lines.at(-1)).toContain('Ctrl+C');
    // nothing of the build's listing: no chunk or font file names
    expect(output).not.toMatch(/\.(woff2?|js|css)\b/);
    // and the page the address names is there
    const page = await fetch(url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  }, 180_000);
});
