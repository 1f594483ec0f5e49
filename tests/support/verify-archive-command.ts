import { spawnSync } from 'node:child_process';

/** `npm run verify-archive` as a person runs it, in its own process: its output and exit code. */
export function verifyArchiveCommand(file: string, ...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'verify-archive', '--', file, ...args], {
    encoding: 'utf8',
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}
