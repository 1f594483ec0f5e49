import { restoreSqliteFile } from '../../node-shared/durability/backups';
import {
  backupsDir,
  databaseFile,
  DatabaseUnavailable,
  type DatabaseProblem,
} from '../store/durability';
import { terminalBackup } from './backups';
import type { Terminal } from './context';

// What web mode and Electron run: the terminal, or — when its database is lost — nothing but the
// recovery screen's calls, until a backup is restored (or the PC is registered anew, part A).

export type Restored = { restored: string; movedAside: string };

export type TerminalHost = {
  readonly dataDir: string;
  /** null while the database is unavailable (recovery mode) */
  terminal(): Terminal | null;
  /** why there is no terminal; null when there is one */
  problem(): DatabaseProblem | null;
  /**
   * Closes the terminal (if open), puts the named backup in place of the database and opens the
   * terminal again. Everyone signs in again: the sessions were the old terminal's.
   */
  restore(name: string): Promise<Restored>;
  close(): void;
};

/** `openTerminal` comes from the caller: only main.ts and web-cli.ts open a terminal. */
export function startTerminalHost<O extends { dataDir: string }>(
  opts: O,
  openTerminal: (opts: O) => Terminal,
): TerminalHost {
  let terminal: Terminal | null = null;
  let problem: DatabaseProblem | null = null;
  const open = () => {
    try {
      terminal = openTerminal(opts);
      problem = null;
    } catch (error) {
      if (!(error instanceof DatabaseUnavailable)) throw error;
      terminal = null;
      problem = error.problem;
    }
  };
  open();
  return {
    dataDir: opts.dataDir,
    terminal: () => terminal,
    problem: () => problem,
    async restore(name) {
      const backup = terminalBackup(opts.dataDir, name);
      if (!backup) throw new Error(`备份 ${name} 不在 ${backupsDir(opts.dataDir)} 中`);
      if (terminal) {
        const closing = terminal;
        terminal = null;
        await closing.backupsIdle();
        closing.close();
      }
      let movedAside = '';
      try {
        movedAside = restoreSqliteFile(backup.file, databaseFile(opts.dataDir));
      } finally {
        // whether or not the copy went in, the terminal opens on what is there now
        open();
      }
      return { restored: backup.name, movedAside };
    },
    close() {
      terminal?.close();
      terminal = null;
    },
  };
}

/** A host around a terminal opened by the caller (tests): it cannot restore in place. */
export function fixedHost(terminal: Terminal): TerminalHost {
  return {
    dataDir: terminal.dataDir,
    terminal: () => terminal,
    problem: () => null,
    restore: () =>
      Promise.reject(new Error('此方式启动的终端不能在运行中恢复备份，请重新启动后恢复')),
    close: () => terminal.close(),
  };
}
