import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { privateFileMode } from './file-modes';

// The record, outside the database, that this PC or center has started before. A database that
// is gone, empty or unreadable while this file exists is a lost database, never a first start:
// seeding then would hand out a new demo, a new device key or a new admin password over the old.

export type InstallMarker = {
  /** 'terminal' or 'center' */
  kind: string;
  /** when the first start completed */
  createdAt: string;
  /** the database file's name in the data folder, or the PostgreSQL database named */
  database: string;
  /** the terminal's device id (a lost database is found by its device at the center) */
  deviceId?: string;
  /** last seen at a clean start or close: how much there was to lose */
  lastSize?: number;
  lastEventCount?: number;
  updatedAt: string;
};

export function readInstallMarker(file: string): InstallMarker | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as InstallMarker;
  } catch {
    // a damaged marker still says the place was used before: better a stop than a new seed
    return { kind: 'unknown', createdAt: '', database: '', updatedAt: '' };
  }
}

/** Written whole or not at all: a crash mid-write leaves the previous marker. */
export function writeInstallMarker(file: string, marker: InstallMarker): void {
  const partial = `${file}.tmp`;
  writeFileSync(partial, `${JSON.stringify(marker, null, 2)}\n`, { mode: privateFileMode });
  renameSync(partial, file);
}
