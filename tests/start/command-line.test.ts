import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The terminal's web mode and the center print their options on --help, and name a mistyped
// option instead of a stack trace (review of issue 16: `web-cli --help` crashed).

type Run = { code: number; stdout: string; stderr: string };

function run(script: string, args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

describe.each([
  ['electron/web-cli.ts', '--clock-control'],
  ['server/main.ts', '--trust-proxy'],
])('%s', (script, option) => {
  it('prints its options on --help and exits 0, starting nothing', async () => {
    const help = await run(script, ['--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('usage');
    expect(help.stdout).toContain(option);
    expect(help.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('names an unknown option, shows the usage and exits 2', async () => {
    const bad = await run(script, ['--prot', '4000']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--prot'");
    expect(bad.stderr).toContain(option);
    expect(bad.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});

it('the web mode refuses a bare value meant as an option (4311 for --port 4311)', async () => {
  const bad = await run('electron/web-cli.ts', ['4311']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("Unexpected argument '4311'");
});
