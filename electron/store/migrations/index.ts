import type Database from 'better-sqlite3';
import { m001Initial } from './001-initial';
import { m002Sync } from './002-sync';
import { m003Seal } from './003-seal';
import { m004ReportSchedule } from './004-report-schedule';
import { m005SupervisionCopy } from './005-supervision-copy';
import { m006SealKeys } from './006-seal-keys';
import { m007ItemLaw } from './007-item-law';
import { m008DepartmentNotices } from './008-department-notices';
// part A of issue 15 (recovery)
import { m009CaseNumberConflicts } from './009-case-number-conflicts';
// part R of issue 16 (search)
import { m010CaseSearch } from './010-case-search';
// part T of issue 16 (the department is the unit of service)
import { m011DepartmentCases } from './011-department-cases';
// issue 18 (materials as files)
import { m012Files } from './012-files';
import type { Migration } from './migration';

// Append only: a shipped migration is never edited, the next change is a new file.
export const migrations: readonly Migration[] = [
  m001Initial,
  m002Sync,
  m003Seal,
  m004ReportSchedule,
  m005SupervisionCopy,
  m006SealKeys,
  m007ItemLaw,
  m008DepartmentNotices,
  // part A of issue 15 (recovery)
  m009CaseNumberConflicts,
  // part R of issue 16 (search); 10 is part P's
  m010CaseSearch,
  // part T of issue 16 (the department is the unit of service)
  m011DepartmentCases,
  // issue 18 (materials as files)
  m012Files,
];

export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(`数据库版本 ${current} 高于本程序支持的版本 ${latest}：请升级一窗通终端`);
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
