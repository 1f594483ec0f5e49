import {
  backupSqlite,
  findBackup,
  listBackups,
  pruneBackups,
  type BackupFile,
} from '../../node-shared/durability/backups';
import { backupPrefix, backupsDir } from '../store/durability';
import type { Terminal } from './context';

// Rolling local backups of the terminal's database: one a day (at start when the newest is older
// than that, then on a timer), the last `keep` kept. A backup that fails (a full disk) is logged
// and tried again at the next look; it never stops the window.

export const defaultBackupKeep = 7;
export const dayMs = 24 * 60 * 60 * 1000;
/** how often the timer looks whether a day has passed since the newest backup */
export const defaultBackupCheckMs = 60 * 60 * 1000;

export type BackupOptions = { intervalMs: number; keep?: number } | false;

export function terminalBackups(t: Pick<Terminal, 'dataDir'>): BackupFile[] {
  return listBackups(backupsDir(t.dataDir), backupPrefix);
}

export function terminalBackup(dataDir: string, name: string): BackupFile | null {
  return findBackup(backupsDir(dataDir), backupPrefix, name);
}

/** One backup now, then the oldest beyond `keep` go. */
export async function backupTerminal(
  t: Pick<Terminal, 'db' | 'dataDir'>,
  now: Date = new Date(),
  keep: number = defaultBackupKeep,
): Promise<BackupFile> {
  const taken = await backupSqlite(t.db, backupsDir(t.dataDir), backupPrefix, now);
  pruneBackups(backupsDir(t.dataDir), backupPrefix, keep);
  return taken;
}

export type BackupSchedule = {
  close(): void;
  /** the running backup, for tests */ idle(): Promise<void>;
};

export function startBackups(t: Terminal, opts: BackupOptions): BackupSchedule {
  if (opts === false) return { close() {}, idle: () => Promise.resolve() };
  let running: Promise<void> = Promise.resolve();
  let closed = false;
  const look = () => {
    if (closed) return;
    const newest = terminalBackups(t)[0];
    // the real clock: a fixed business clock (--now) must not stop the backups
    const now = new Date();
    if (newest && now.getTime() - Date.parse(newest.takenAt) < dayMs) return;
    running = running
      .then(() => (closed ? undefined : backupTerminal(t, now, opts.keep)))
      .then(
        () => undefined,
        (error: unknown) => console.error('[backup] failed', error),
      );
  };
  look();
  const timer = setInterval(look, opts.intervalMs);
  timer.unref();
  return {
    close() {
      closed = true;
      clearInterval(timer);
    },
    idle: () => running,
  };
}
