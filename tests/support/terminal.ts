import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Terminal } from '../../electron/services/context';
import { openTerminal, type TerminalOptions } from '../../electron/services/terminal';

/** A real terminal (SQLite file, demo seed) in a temp folder; `cleanup` closes and deletes it. */
export function tempTerminal(
  now?: () => Date,
  options: Partial<Omit<TerminalOptions, 'dataDir' | 'resourcesDir' | 'now'>> = {},
): { terminal: Terminal; cleanup: () => void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-test-'));
  const terminal = openTerminal({
    dataDir,
    resourcesDir: resolve('resources'),
    ...(now ? { now } : {}),
    ...options,
  });
  return {
    terminal,
    cleanup: () => {
      terminal.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
