import { z } from 'zod';
import type { Role } from '../case';
import type { DatabaseCallName } from './database-names';

// The terminal's database: its state for the recovery screen and the read-only banner, its
// backups, and the integrity check a manager asks for (issue 15 part B).

export const backupSchema = z.object({
  name: z.string(),
  size: z.number(),
  /** ISO time the backup was taken */
  takenAt: z.string(),
});
export type BackupView = z.infer<typeof backupSchema>;

export const databaseStatusSchema = z.object({
  /**
   * ok; readOnly: damaged but readable, every write refused; lost: the database of a PC that
   * started before is gone, empty, truncated or unreadable — only these calls answer
   */
  state: z.enum(['ok', 'readOnly', 'lost']),
  file: z.string(),
  backupsDir: z.string(),
  /** what is wrong, for the person (null when ok) */
  explanation: z.string().nullable(),
  /** what quick_check found (readOnly) */
  damage: z.array(z.string()),
  /** when this PC first started, from install.json beside the database */
  firstStartedAt: z.string().nullable(),
  deviceId: z.string().nullable(),
  /** newest first, each verified with quick_check when it was taken */
  backups: z.array(backupSchema),
});
export type DatabaseStatus = z.infer<typeof databaseStatusSchema>;

export const integrityReportSchema = z.object({
  ok: z.boolean(),
  mode: z.enum(['quick', 'full']),
  problems: z.array(z.string()),
  checkedAt: z.string(),
});

const none = z.object({});
const managers: readonly Role[] = ['manager'];

export const databaseContract = {
  // Public: on the recovery screen nobody can sign in (the staff were in the lost database).
  'database.status': { input: none, output: databaseStatusSchema, access: 'public' },
  /**
   * Puts a backup in place of the database (the current file is moved aside, never deleted) and
   * reopens. Public for the recovery screen; while the database works, the handler asks for a
   * manager's session.
   */
  'database.restore': {
    input: z.object({ name: z.string().trim().min(1, '请选择备份').max(100) }),
    output: z.object({
      restored: z.string(),
      movedAside: z.string(),
      status: databaseStatusSchema,
    }),
    access: 'public',
  },
  'database.backupNow': { input: none, output: backupSchema, access: managers },
  /** PRAGMA integrity_check: slower than the quick check of every start, reads every page */
  'database.integrityCheck': { input: none, output: integrityReportSchema, access: managers },
} as const satisfies Record<
  DatabaseCallName,
  { input: z.ZodType; output: z.ZodType; access: 'public' | readonly Role[] }
>;
