import { Alert, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import {
  holdsPower,
  isBadRating,
  ratingLabels,
  rectificationOpen,
  type CaseEventType,
  type ClockView,
  type Decision,
  type DecisionRecord,
  type OpenCase,
} from '../../../shared/case';
import { shanghaiMinute } from '../../format';
import { Countdown, useNow } from './Countdown';
import { reviewerMayNotDecide } from './DecisionActions';
import { useDecisionMessages, type DecisionMsg } from './decision-messages';

const beforeDecision: readonly OpenCase['status'][] = [
  'accepted',
  'underReview',
  'reviewed',
  'referred',
];

/** Without 审批 the window refers the case; once referred, with whom it is and that the clock runs. */
export function AuthorityBanner({ state }: { state: OpenCase }) {
  const m = useDecisionMessages();
  if (holdsPower(state, 'approve') || !beforeDecision.includes(state.status)) return null;
  const r = state.referral;
  return r ? (
    <Alert
      type="info"
      showIcon
      data-testid="referral-banner"
      title={m('referredBanner', { department: r.department, holder: r.holder })}
      description={
        <span>
          {m('referredSince', { at: shanghaiMinute(r.at), who: r.by.name })}
          {r.note ? `；${r.note}` : ''}
        </span>
      }
    />
  ) : (
    <Alert type="warning" showIcon data-testid="authority-banner" title={m('noApprovePower')} />
  );
}

/** A bad rating waits for its rectification: what the applicant said and the 15-day clock. */
export function RectificationBanner({
  state,
  clocks,
  loadedAt,
}: {
  state: OpenCase;
  clocks: readonly ClockView[];
  loadedAt: number;
}) {
  const m = useDecisionMessages();
  const now = useNow();
  if (!rectificationOpen(state) || !state.rating) return null;
  const clock = clocks.find((c) => c.kind === 'rectification');
  return (
    <Alert
      type="error"
      showIcon
      data-testid="rectification-banner"
      title={m('badRatingBanner', { label: ratingLabels[state.rating.score] ?? '' })}
      description={
        <Space orientation="vertical" size={4}>
          {state.rating.comment && <span>{state.rating.comment}</span>}
          {clock && <Countdown clock={clock} now={now} loadedAt={loadedAt} />}
        </Space>
      }
    />
  );
}

/**
 * 一审一核: who reviewed and who re-checked, in order; the reviewer of the current review is told
 * they may not decide (the button is disabled too; main refuses anyway).
 */
export function TwoPersonPanel({
  state,
  allowed,
  userId,
}: {
  state: OpenCase;
  allowed: readonly CaseEventType[];
  userId: string | undefined;
}) {
  const m = useDecisionMessages();
  if (state.item.reviewMode !== 'twoPerson') return null;
  if (state.reviews.length === 0 && !beforeDecision.includes(state.status)) return null;
  const last = state.reviews.at(-1);
  return (
    <Card
      size="small"
      data-testid="two-person-panel"
      title={
        <Space>
          <Tag color="purple">{m('twoPersonTag')}</Tag>
          <span>{m('twoPersonPanel')}</span>
        </Space>
      }
    >
      {allowed.includes('decided') && reviewerMayNotDecide(state, userId) && (
        <Alert
          type="warning"
          showIcon
          data-testid="reviewer-decides"
          style={{ marginBottom: 8 }}
          title={m('reviewerDecides')}
        />
      )}
      {state.reviews.length === 0 ? (
        <Typography.Text type="secondary">{m('noReviewYet')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={[...state.reviews]}
          renderItem={(r) => (
            <List.Item key={r.eventId} data-testid="two-person-entry">
              <Space orientation="vertical" size={0}>
                <Space size={8} wrap>
                  <Tag color={r.kind === 'review' ? 'blue' : 'cyan'}>
                    {r.kind === 'review' ? m('reviewStep') : m('checkStep')}
                  </Tag>
                  <Typography.Text strong>{r.by.name}</Typography.Text>
                  <Typography.Text type="secondary">{shanghaiMinute(r.at)}</Typography.Text>
                  {r.kind === 'review' ? (
                    <Tag color={r.recommendation === 'approve' ? 'green' : 'red'}>
                      {r.recommendation === 'approve' ? m('recommendApprove') : m('recommendDeny')}
                    </Tag>
                  ) : (
                    <Tag color={r.agree ? 'green' : 'red'}>
                      {r.agree ? m('agreeYes') : m('agreeNo')}
                    </Tag>
                  )}
                </Space>
                <span>{r.opinion}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
      {last?.kind === 'review' && beforeDecision.includes(state.status) && (
        <Typography.Text type="secondary">{m('waitingCheck')}</Typography.Text>
      )}
    </Card>
  );
}

function methodLabel(method: 'window' | 'post' | 'electronic', m: DecisionMsg): string {
  return method === 'window'
    ? m('methodWindow')
    : method === 'post'
      ? m('methodPost')
      : m('methodElectronic');
}

function decisionItems(d: Decision, m: DecisionMsg): NonNullable<DescriptionsProps['items']> {
  const ref = d.departmentRef
    ? [{ key: 'ref', label: m('departmentRef'), children: d.departmentRef }]
    : [];
  if (d.outcome === 'approve') {
    return [
      { key: 'granted', label: m('granted'), children: d.granted, span: 2 },
      { key: 'validUntil', label: m('validUntil'), children: d.validUntil ?? m('none') },
      ...(d.conditions
        ? [{ key: 'conditions', label: m('conditions'), children: d.conditions, span: 3 }]
        : []),
      ...ref,
    ];
  }
  return [
    { key: 'facts', label: m('facts'), children: d.facts, span: 3 },
    { key: 'reasons', label: m('reasons'), children: d.reasons, span: 3 },
    { key: 'legalBasis', label: m('legalBasis'), children: d.legalBasis, span: 3 },
    {
      key: 'appeal',
      label: m('appealNotice').replace(/（.*）|\(.*\)/, ''),
      children: d.appealNotice.text,
      span: 3,
    },
    ...ref,
  ];
}

function OutcomeTag({ d, m }: { d: Decision; m: DecisionMsg }) {
  return (
    <Tag color={d.outcome === 'approve' ? 'green' : 'red'} data-testid="decision-outcome">
      {d.outcome === 'approve' ? m('approve') : m('deny')}
    </Tag>
  );
}

/** Why a superseded decision was corrected: the reason the decision that replaced it gives. */
function correctionReason(state: OpenCase, eventId: string): string | null {
  const records: DecisionRecord[] = [
    ...(state.decision ? [state.decision] : []),
    ...state.superseded.map((s) => s.decision),
  ];
  return records.find((r) => r.correction?.corrects === eventId)?.correction?.reason ?? null;
}

/** The decision in force and everything after it: seal, certificate, delivery, rating, rectification. */
export function DecisionCard({ state }: { state: OpenCase }) {
  const m = useDecisionMessages();
  const record = state.decision;
  if (!record) return null;
  const d = record.decision;
  const { stamp, certificate, delivery, rating, rectification } = state;
  const items: NonNullable<DescriptionsProps['items']> = [
    ...decisionItems(d, m),
    ...(state.referral
      ? [
          {
            key: 'referral',
            label: m('referral'),
            children: `${state.referral.department}（${state.referral.holder}）`,
          },
        ]
      : []),
    { key: 'by', label: m('decidedBy'), children: record.by.name },
    { key: 'at', label: m('decidedAt'), children: shanghaiMinute(record.at) },
    {
      key: 'number',
      label: m('decisionNumber'),
      children: stamp ? (
        <Typography.Text strong data-testid="decision-number">
          {stamp.decisionNumber}
        </Typography.Text>
      ) : (
        <Tag color="orange">{m('notStamped')}</Tag>
      ),
    },
    ...(stamp
      ? [
          { key: 'stampedBy', label: m('stampedBy'), children: stamp.by.name },
          { key: 'stampedAt', label: m('stampedAt'), children: shanghaiMinute(stamp.at) },
        ]
      : []),
    ...(certificate
      ? [
          {
            key: 'certificate',
            label: state.item.certificate ?? m('certificate'),
            children: `${certificate.certificateNumber}${
              certificate.validUntil ? `（${m('validUntil')} ${certificate.validUntil}）` : ''
            }`,
            span: 2,
          },
        ]
      : []),
    ...(delivery
      ? [
          {
            key: 'delivery',
            label: m('delivery'),
            span: 3,
            children: [
              methodLabel(delivery.method, m),
              `${m('recipient')} ${delivery.recipient}`,
              delivery.address,
              delivery.receiptRef && `${m('receiptRef')} ${delivery.receiptRef}`,
              shanghaiMinute(delivery.at),
            ]
              .filter(Boolean)
              .join('；'),
          },
        ]
      : []),
    ...(rating
      ? [
          {
            key: 'rating',
            label: m('rating'),
            span: 3,
            children: (
              <Space size={8} data-testid="decision-rating">
                <Tag color={isBadRating(rating.score) ? 'red' : 'green'}>
                  {ratingLabels[rating.score]}
                </Tag>
                {rating.comment && <span>{rating.comment}</span>}
              </Space>
            ),
          },
        ]
      : []),
    ...(rectification
      ? [
          {
            key: 'rectification',
            label: m('rectification'),
            span: 3,
            children: `${rectification.measures}（${m('rectifiedBy', {
              who: rectification.by.name,
              at: shanghaiMinute(rectification.at),
            })}）`,
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      data-testid="decision-card"
      title={
        <Space size={8} wrap>
          <span>{m('decisionCard')}</span>
          <OutcomeTag d={d} m={m} />
          {record.correction && (
            <Tag color="gold">{m('correctionOf', { reason: record.correction.reason })}</Tag>
          )}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={3}
        bordered
        items={items}
        styles={{ label: { whiteSpace: 'nowrap', width: 110 } }}
      />
      {state.superseded.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid="superseded">
          <Typography.Text strong>{m('superseded')}</Typography.Text>
          <List
            size="small"
            dataSource={[...state.superseded].reverse()}
            renderItem={(s) => {
              const reason = correctionReason(state, s.decision.eventId);
              return (
                <List.Item key={s.decision.eventId}>
                  <Space size={8} wrap>
                    <OutcomeTag d={s.decision.decision} m={m} />
                    <Typography.Text delete>
                      {m('supersededLine', {
                        number: s.stamp.decisionNumber,
                        outcome:
                          s.decision.decision.outcome === 'approve'
                            ? s.decision.decision.granted
                            : s.decision.decision.reasons,
                        at: shanghaiMinute(s.stamp.at),
                      })}
                    </Typography.Text>
                    {s.certificate && <Tag>{s.certificate.certificateNumber}</Tag>}
                    {reason && (
                      <Typography.Text type="secondary">
                        {m('supersededBy', { reason })}
                      </Typography.Text>
                    )}
                  </Space>
                </List.Item>
              );
            }}
          />
        </div>
      )}
    </Card>
  );
}
