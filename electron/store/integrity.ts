import { checkIntegrity, type IntegrityMode } from '../../node-shared/durability/sqlite-file';
import type { Db } from './db';

export type IntegrityReport = {
  ok: boolean;
  /** quick: PRAGMA quick_check (at every start); full: integrity_check (on demand, slower) */
  mode: IntegrityMode;
  /** SQLite's findings, at most 100; empty when ok */
  problems: string[];
  checkedAt: string;
};

/** The terminal database's integrity, for the manager, the diagnostics bundle and the start. */
export function integrityReport(
  db: Db,
  mode: IntegrityMode = 'quick',
  now: Date = new Date(),
): IntegrityReport {
  return { ...checkIntegrity(db, mode), mode, checkedAt: now.toISOString() };
}
