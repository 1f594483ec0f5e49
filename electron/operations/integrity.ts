import type { Db } from '../store/db';

// Part B owns the integrity check of the terminal's database (electron/store/integrity.ts);
// it is not in this branch, so the report and the diagnostics bundle run `PRAGMA quick_check`
// here, in this one function — to be replaced by B's integrityReport(db) after the merge.

/** 'ok', or the check's findings joined (the first few): what the center and the bundle show. */
export function quickCheck(db: Db): string {
  try {
    const rows = db.prepare('PRAGMA quick_check(20)').all() as Record<string, unknown>[];
    const findings = rows.map((row) => String(Object.values(row)[0]));
    return findings.length === 1 && findings[0] === 'ok' ? 'ok' : findings.join('; ');
  } catch (error) {
    return `无法检查：${error instanceof Error ? error.message : String(error)}`;
  }
}
