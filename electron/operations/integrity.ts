import type { Db } from '../store/db';
import { integrityReport } from '../store/integrity';

/** 'ok', or the quick check's findings joined (the first few): what the center and the bundle show. */
export function quickCheck(db: Db): string {
  const report = integrityReport(db, 'quick');
  return report.ok ? 'ok' : report.problems.slice(0, 20).join('; ');
}
