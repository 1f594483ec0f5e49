import { Migrator, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../http/spec';
import { initialSchema } from './migrations/0001-initial';
import { loginAttempts } from './migrations/0002-login-attempts';
import { reportIndexes } from './migrations/0003-report-index';
import { supervision } from './migrations/0004-supervision';
import { complaints } from './migrations/0005-complaints';
import { completionFactsColumns } from './migrations/0006-completion-facts';
import { projectionVersionTable } from './migrations/0007-projection-version';
import { authorityHistory } from './migrations/0008-authority-history';
import { sealKeys } from './migrations/0009-seal-keys';
import { deviceClock } from './migrations/0010-device-clock';
import { loginGuards } from './migrations/0011-login-guards';
import { itemLaw } from './migrations/0012-item-law';
import { departmentNotices } from './migrations/0013-department-notices';
import { calendarTables } from './migrations/0014-calendar-tables';
// part A of issue 15 (recovery)
import { recoveryTables } from './migrations/0015-recovery';
// part C (issue 15): operations
import { operations } from './migrations/0017-operations';
// part E of issue 15
import { centerOnlyStaff } from './migrations/0018-center-only-staff';
// part W of issue 16: 常用语
import { departmentPhrases } from './migrations/0021-department-phrases';
// review of issue 16: a second open case of one applicant made at another PC
import { caseApplicant } from './migrations/0022-case-applicant';
// issue 17: the hall's queue
import { queue } from './migrations/0023-queue';
// issue 17 part 4: the SMS outbox
import { smsOutbox } from './migrations/0024-sms-outbox';
// issue 17 part 2: 好差评 by the applicant
import { ratings } from './migrations/0025-ratings';
import { ratingReview } from './migrations/0026-rating-review';
import { files } from './migrations/0027-files';
import { centerKeys } from './migrations/0028-center-keys';
import { witnessedManifests } from './migrations/0029-witnessed-manifests';
import type { ServerDb } from './schema';

/** Every migration in order; the names are stored in kysely_migration, so never rename one. */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-initial': initialSchema(dialect),
    '0002-login-attempts': loginAttempts(),
    '0003-report-index': reportIndexes(),
    '0004-supervision': supervision(),
    '0005-complaints': complaints(),
    '0006-completion-facts': completionFactsColumns(),
    '0007-projection-version': projectionVersionTable(),
    '0008-authority-history': authorityHistory(),
    '0009-seal-keys': sealKeys(),
    '0010-device-clock': deviceClock(),
    '0011-login-guards': loginGuards(),
    '0012-item-law': itemLaw(),
    '0013-department-notices': departmentNotices(),
    '0014-calendar-tables': calendarTables(),
    // part A of issue 15 (recovery)
    '0015-recovery': recoveryTables(),
    // part C (issue 15): releases, device reports, crash reports
    '0017-operations': operations(),
    // part E of issue 15
    '0018-center-only-staff': centerOnlyStaff(),
    // part W of issue 16: 常用语 per department
    '0021-department-phrases': departmentPhrases(),
    // review of issue 16: the applicant of each case, for duplicates made at two PCs
    '0022-case-applicant': caseApplicant(),
    // issue 17: the hall's queue (取号/叫号)
    '0023-queue': queue(dialect),
    // issue 17 part 4: the SMS outbox, its attempts and its provider settings
    '0024-sms-outbox': smsOutbox(),
    // issue 17 part 2: 好差评 by the applicant, one rating per service
    '0025-ratings': ratings(),
    // review of issue 17 part 2: a paper form never takes the applicant's own rating
    '0026-rating-review': ratingReview(),
    // issue 18: the materials' files, and which department's case names which
    '0027-files': files(),
    // review of issue 18: the center's key for the receipts of case archives
    '0028-center-keys': centerKeys(),
    // second review of issue 18: which PC had the center witness which manifest, and when
    '0029-witnessed-manifests': witnessedManifests(),
  };
}

/**
 * Several center processes may start at once on one PostgreSQL: Kysely's Migrator takes a lock
 * table row for the whole run, so only one of them migrates and the others wait and find nothing
 * left to do.
 */
export async function migrateToLatest(db: Kysely<ServerDb>, dialect: Dialect): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations(dialect)) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`数据库迁移失败 / migration ${failed} failed: ${reason}`, {
      cause: error,
    });
  }
  return (results ?? []).map((r) => r.migrationName);
}
