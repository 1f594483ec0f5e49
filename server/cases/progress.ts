import type { CaseProgress } from '../../shared/center-api';
import type { CaseState } from '../../shared/case';
import { maskName } from '../../shared/ids';

// Issue 17 part 4: what the applicant who scanned a genuine notice's QR sees of the case — its
// steps with their dates, from the case's current state, and the name masked. The page is
// public: anyone holding the paper can open it, so nothing else personal goes on it.

/**
 * SJ-20250303-01-0007 → SJ-20250303-**-****: the department and the date stay, enough to match
 * the paper in hand; the rest does not. Whoever rates a step through the QR types the whole
 * number from the paper (server/rating/phone.ts), so the page must not print it for them.
 */
export function maskCaseNumber(caseNumber: string): string {
  const second = caseNumber.indexOf('-', caseNumber.indexOf('-') + 1);
  const keep = second > 0 ? second + 1 : Math.ceil(caseNumber.length / 2);
  return caseNumber.slice(0, keep) + caseNumber.slice(keep).replace(/[0-9A-Za-z]/g, '*');
}

export function caseProgress(state: CaseState): CaseProgress | undefined {
  if (state.status === 'none') return undefined;
  const steps: CaseProgress['steps'] = [{ step: 'received', label: '收件', at: state.receivedAt }];
  if (state.refusedAt) {
    steps.push({ step: 'refused', label: '不予受理', at: state.refusedAt });
  } else if (state.withdrawnAt && !state.acceptedAt) {
    steps.push({ step: 'withdrawn', label: '已撤回', at: state.withdrawnAt });
  } else {
    // a decision counts from its seal: an unsealed one may still be reconsidered
    steps.push(
      { step: 'accepted', label: '受理', at: state.acceptedAt },
      { step: 'decided', label: '作出决定', at: state.stampedAt },
    );
    if (state.withdrawnAt) {
      steps.push({ step: 'withdrawn', label: '已撤回', at: state.withdrawnAt });
    } else {
      steps.push(
        { step: 'readyForPickup', label: '待领取', at: state.certificateIssuedAt },
        { step: 'delivered', label: '已送达', at: state.deliveredAt },
      );
    }
  }
  return { applicant: maskName(state.applicant.name), steps };
}
