import { CaseIntake } from './CaseIntake';
import { NewIntake } from './NewIntake';

/** 收件受理: without a case, a new application; with one, that case's intake continues. */
export function IntakePage({ caseId }: { caseId?: string }) {
  return caseId ? <CaseIntake caseId={caseId} /> : <NewIntake />;
}
