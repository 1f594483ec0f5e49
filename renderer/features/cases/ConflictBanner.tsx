import { Alert } from 'antd';
import type { CallOutput } from '../../../shared/api';
import { eventLabels } from '../../../shared/case';
import { shanghaiMinute } from '../../format';
import { useCaseMessages } from './messages';

type Events = CallOutput<'cases.get'>['events'];

/** What the center did not take in this case, and why: the window must act on it, not guess. */
export function ConflictBanner({ events }: { events: Events }) {
  const m = useCaseMessages();
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
                what: eventLabels[e.type],
                rule: e.syncNote?.rule ?? '',
                message: e.syncNote?.message ?? '',
              })}
            </div>
          ))}
          <div>{m('conflictHint')}</div>
        </>
      }
    />
  );
}
