import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listBackups } from '../../node-shared/durability/backups';
import { readInstallMarker, writeInstallMarker } from '../../node-shared/durability/install-marker';
import { describeFileState, inspectSqliteFile } from '../../node-shared/durability/sqlite-file';
import { sql, type Db } from './db';

// Where the terminal keeps what outlives its database: the record that it has started before
// (install.json) and its backups. Both beside the database, in the data folder.

export const databaseName = 'terminal.sqlite';
export const backupPrefix = 'terminal';
export const markerName = 'install.json';
export const databaseFile = (dataDir: string) => join(dataDir, databaseName);
export const backupsDir = (dataDir: string) => join(dataDir, 'backups');
const markerFile = (dataDir: string) => join(dataDir, markerName);

export type DatabaseProblem = {
  kind: 'missing' | 'empty' | 'truncated' | 'unreadable';
  /** what is wrong with the file, for the person */
  explanation: string;
  file: string;
  backupsDir: string;
  /** when this PC first started, from install.json; null when only other traces say it did */
  firstStartedAt: string | null;
  deviceId: string | null;
};

/** The terminal must not start on this database: the recovery screen takes over. */
export class DatabaseUnavailable extends Error {
  constructor(readonly problem: DatabaseProblem) {
    super(`${problem.explanation}：${problem.file}`);
  }
}

export type DatabaseStart =
  /** nothing was here: a first start */
  | { mode: 'fresh' }
  | { mode: 'normal' }
  /** readable, but quick_check found damage: open read-only, never write */
  | { mode: 'readOnly'; problems: string[] };

/**
 * Looks at the database before anything writes to it. A file that is gone or empty where this PC
 * started before, or one that is truncated or unreadable, throws DatabaseUnavailable: seeding
 * it would make a new demo, a new device key and new passwords over the old ones.
 */
export function assessDatabase(dataDir: string): DatabaseStart {
  const file = databaseFile(dataDir);
  const state = inspectSqliteFile(file);
  if (state.state === 'ok') return { mode: 'normal' };
  if (state.state === 'damaged') return { mode: 'readOnly', problems: state.problems };
  const marker = readInstallMarker(markerFile(dataDir));
  const startedBefore =
    marker !== null ||
    existsSync(join(dataDir, 'demo-accounts.json')) ||
    listBackups(backupsDir(dataDir), backupPrefix).length > 0;
  if ((state.state === 'missing' || state.state === 'empty') && !startedBefore) {
    return { mode: 'fresh' };
  }
  throw new DatabaseUnavailable({
    kind: state.state,
    explanation: describeFileState(state),
    file,
    backupsDir: backupsDir(dataDir),
    firstStartedAt: marker?.createdAt || null,
    deviceId: marker?.deviceId ?? null,
  });
}

/** Records (or refreshes) that this PC has started, with how much its database held. */
export function recordStart(dataDir: string, db: Db, deviceId: string, now: Date): void {
  const marker = readInstallMarker(markerFile(dataDir));
  const events = sql(db, 'SELECT count(*) AS n FROM events').get() as { n: number };
  writeInstallMarker(markerFile(dataDir), {
    kind: 'terminal',
    createdAt: marker?.createdAt || now.toISOString(),
    database: databaseName,
    deviceId,
    lastSize: statSync(databaseFile(dataDir)).size,
    lastEventCount: events.n,
    updatedAt: now.toISOString(),
  });
}
