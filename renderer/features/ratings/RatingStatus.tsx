import { Flex, Tag, Typography } from 'antd';
import type { RatingRecord } from '../../../shared/center-api';
import { shanghaiMinute } from '../../format';
import type { RatingMessages } from './messages';

// Whether a rating counts, and what followed it: its follow-up (回访) and its appeal (申诉) with
// both reasons — a rating appealed away stays on the list, with its own reasons beside it.

const decisionKeys = { upheld: 'appealUpheld', rejected: 'appealRejected' } as const;

function FollowUpLine({ f, m }: { f: NonNullable<RatingRecord['followUp']>; m: RatingMessages }) {
  if (!f.contactedAt) {
    return (
      <Typography.Text type="warning">
        {m('followUpDue', { d: f.dueDate })}；{m('rectificationDue', { d: f.rectificationDue })}
      </Typography.Text>
    );
  }
  return (
    <>
      <Typography.Text type="secondary">
        {m('followUpDone', {
          by: f.contactedBy ?? '',
          at: shanghaiMinute(f.contactedAt),
          method: f.method === 'visit' ? m('methodVisit') : m('methodPhone'),
          result: f.result ?? '',
        })}
      </Typography.Text>
      {f.rectification && (
        <Typography.Text type="secondary">{m('rectified', { r: f.rectification })}</Typography.Text>
      )}
    </>
  );
}

export function RatingStatus({ r, m }: { r: RatingRecord; m: RatingMessages }) {
  return (
    <Flex vertical gap={2} data-testid="rating-status">
      <span>
        {r.superseded ? (
          <Tag>{m('superseded')}</Tag>
        ) : (
          <Tag color={r.counted ? 'blue' : 'default'}>
            {r.counted ? m('countedYes') : m('countedNo')}
          </Tag>
        )}
      </span>
      {r.followUp && <FollowUpLine f={r.followUp} m={m} />}
      {r.appeal && (
        <>
          <span>
            <Tag color={r.appeal.decision === 'upheld' ? 'gold' : undefined}>
              {r.appeal.decision ? m(decisionKeys[r.appeal.decision]) : m('appealWaiting')}
            </Tag>
          </span>
          <Typography.Text type="secondary">
            {m('appealReason', { r: r.appeal.reason })}
          </Typography.Text>
          {r.appeal.decisionNote && (
            <Typography.Text type="secondary">
              {m('decisionNote', { r: r.appeal.decisionNote })}
            </Typography.Text>
          )}
        </>
      )}
    </Flex>
  );
}
