import { useDomainLabels } from '../../i18n/domain';
import { Alert } from 'antd';
import type { PauseOverrun } from '../../../shared/case';
import { shanghaiMinute } from '../documents/labels';
import { useCaseMessages } from './messages';

/**
 * Art. 45 (issue 13 point 5): the time of a special procedure is not counted only because the
 * applicant was told in writing how long it takes. Once it runs past the told working days the
 * chief owes a new written notice, filed with the center (supervision already has the alert).
 * No new event type: the chief resumes the clock — ending the procedure, or, when it goes on,
 * starting it again at once with the new notice's reference and days — so the new notice is on
 * the case's log in the events every terminal and the center already read.
 */
export function PauseOverrunBanner({ overrun }: { overrun: PauseOverrun | null }) {
  const m = useCaseMessages();
  const l = useDomainLabels();
  if (!overrun) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="pause-overrun"
      title={m('pauseOverrunTitle', { n: overrun.expectedWorkingDays })}
      description={m('pauseOverrunBody', {
        procedure: l.procedure(overrun.procedure),
        since: shanghaiMinute(overrun.since),
        ref: overrun.noticeRef,
        end: overrun.announcedEnd,
      })}
    />
  );
}
