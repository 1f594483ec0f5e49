import { Alert } from 'antd';
import type { CallOutput } from '../../../shared/api';
import { shanghaiMinute } from '../../format';
import { useLocale } from '../../i18n';
import { useDomainLabels } from '../../i18n/domain';
import { ruleText } from '../../i18n/errors';
import { useCaseMessages } from './messages';

type Events = CallOutput<'cases.get'>['events'];

/** What the center did not take in this case, and why: the window must act on it, not guess. */
export function ConflictBanner({ events }: { events: Events }) {
  const m = useCaseMessages();
  const l = useDomainLabels();
  const locale = useLocale((s) => s.locale);
  const conflicted = events.filter((e) => e.syncState === 'conflicted');
  if (conflicted.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="case-conflict"
      title={m('conflictTitle')}
      description={
        <>
          {conflicted.map((e) => (
            <div key={e.id}>
              {m('conflictLine', {
                who: e.actor.name,
                at: shanghaiMinute(e.occurredAt),
                what: l.event(e.type),
                // the rule's sentence, never its id (issue 16 point 6)
                why: ruleText(e.syncNote?.rule ?? '', e.syncNote?.message ?? '', locale),
              })}
            </div>
          ))}
          <div>{m('conflictHint')}</div>
        </>
      }
    />
  );
}
