import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { logDefaults } from '../../node-shared/logs/logger';

/** The terminal's log folder and its generations, newest first (as openTerminal writes them). */
export const terminalLogName = 'terminal.log';

export function logFilePaths(dataDir: string): string[] {
  const dir = join(dataDir, 'logs');
  const paths: string[] = [];
  for (let n = 0; n < logDefaults.files; n += 1) {
    const path = join(dir, n === 0 ? terminalLogName : `${terminalLogName}.${n}`);
    if (existsSync(path)) paths.push(path);
  }
  return paths;
}
