import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import type { CallOutput, RecordableType } from '../../../shared/api';
import {
  allowedEventsNow,
  clockStopLabels,
  deemedAcceptanceOn,
  shownStatus,
  eventLabels,
  ratingLabels,
  roleLabels,
  statusLabels,
  type CaseEvent,
  type ClockView,
  type Decision,
  type MaterialStatus,
  type OpenCase,
} from '../../../shared/case';
import { documentOfEvent } from '../../../shared/documents';
import { call } from '../../api';
import { useRoute } from '../../stores/route';
import { useSession } from '../../stores/session';
import { procedureLabels, shanghaiMinute } from '../documents/labels';
import { AcceptanceNoticePrompt } from './AcceptanceNoticePrompt';
import { CaseActions, RejectionAlert, type Rejection } from './CaseActions';
import { ConflictBanner } from './ConflictBanner';
import { Countdown, useNow } from './Countdown';
import { DecisionActions } from './DecisionActions';
import {
  AuthorityBanner,
  DecisionCard,
  RectificationBanner,
  TwoPersonPanel,
} from './DecisionPanels';
import { useLiveRefresh } from './live';
import { PauseOverrunBanner } from './PauseOverrunBanner';
import { useCaseMessages } from './messages';

type Loaded = CallOutput<'cases.get'> & { loadedAt: number };
type Msg = ReturnType<typeof useCaseMessages>;

const materialStatus: Record<MaterialStatus, { label: string; color: string }> = {
  pending: { label: '待核验', color: 'default' },
  received: { label: '已收取', color: 'green' },
  missing: { label: '缺少', color: 'red' },
  defective: { label: '有误', color: 'orange' },
};

const deliveryMethods = { window: '当面送达', post: '邮寄送达', electronic: '电子送达' } as const;

/** A decision in one line: what is granted (and until when), or why not; the department's number. */
function decisionSummary(d: Decision): string {
  const main =
    d.outcome === 'approve'
      ? `准予许可：${d.granted}${d.validUntil ? `，有效期至 ${d.validUntil}` : ''}`
      : `不予许可：${d.reasons}`;
  return d.departmentRef ? `${main}（部门批复文号 ${d.departmentRef}）` : main;
}

function materialName(state: OpenCase, id: string): string {
  return state.item.materials.find((m) => m.id === id)?.name ?? id;
}

/** One line on what an event did, in the words of the window. */
function eventSummary(e: CaseEvent, state: OpenCase, m: Msg): string {
  switch (e.type) {
    case 'received':
      return `${e.payload.channel === 'online' ? m('channelOnline') : m('channelWindow')} · ${e.payload.item.name}`;
    case 'materialsChecked': {
      const count = (s: string) => e.payload.materials.filter((x) => x.status === s).length;
      return `已收取 ${count('received')} 件，缺少 ${count('missing')} 件，有误 ${count('defective')} 件`;
    }
    case 'noticeIssued':
      return `${e.payload.items.map((i) => materialName(state, i.materialId)).join('、')}${e.payload.returnBy ? `；请于 ${e.payload.returnBy} 前补正` : ''}`;
    case 'supplementReceived':
      return e.payload.materialIds.map((id) => materialName(state, id)).join('、');
    case 'accepted':
      return e.payload.waivedMaterials?.length
        ? `容缺受理：${e.payload.waivedMaterials.map((w) => materialName(state, w.materialId)).join('、')}`
        : '';
    case 'refused':
      return e.payload.reasons;
    case 'paused':
      return `${procedureLabels[e.payload.procedure]}，预计 ${e.payload.expectedWorkingDays} 个工作日；告知书 ${e.payload.applicantNoticeRef}，备案 ${e.payload.centerFilingRef}`;
    case 'extended':
      return `延长 ${e.payload.workingDays} 个工作日，${e.payload.approver} 批准：${e.payload.reason}`;
    case 'reviewed':
    case 'checked':
      return e.payload.opinion;
    case 'referred':
      return `报${e.payload.department}审批，经办：${e.payload.holder}${e.payload.note ? `；${e.payload.note}` : ''}`;
    case 'decided':
      return decisionSummary(e.payload);
    case 'stamped':
      return `决定书文号 ${e.payload.decisionNumber}`;
    case 'corrected':
      return `更正理由：${e.payload.reason}；${decisionSummary(e.payload.decision)}`;
    case 'certificateIssued':
      return `${e.payload.certificateNumber}${e.payload.validUntil ? `，有效期至 ${e.payload.validUntil}` : ''}`;
    case 'delivered': {
      const { method, recipient, address, receiptRef } = e.payload;
      return [
        deliveryMethods[method],
        `受送达人 ${recipient}`,
        address,
        receiptRef && `回执 ${receiptRef}`,
      ]
        .filter(Boolean)
        .join('；');
    }
    case 'rated':
      return `${ratingLabels[e.payload.score] ?? e.payload.score}${e.payload.comment ? `：${e.payload.comment}` : ''}`;
    case 'rectified':
      return e.payload.measures;
    case 'withdrawn':
      return e.payload.reason;
    default:
      return '';
  }
}

function ClockTable({ clocks, loadedAt, m }: { clocks: ClockView[]; loadedAt: number; m: Msg }) {
  const now = useNow();
  return (
    <Table<ClockView>
      rowKey="kind"
      size="small"
      pagination={false}
      dataSource={clocks}
      data-testid="case-clocks"
      columns={[
        { title: m('clockKind'), dataIndex: 'label', width: 140 },
        {
          title: m('clockLimitTitle'),
          key: 'limit',
          width: 120,
          render: (_: unknown, c) =>
            m(c.unit === 'calendarDays' ? 'clockLimitCalendar' : 'clockLimit', { n: c.days }),
        },
        {
          title: m('clockDeadline'),
          key: 'deadline',
          width: 120,
          render: (_: unknown, c) => c.deadline.date,
        },
        {
          title: m('clockState'),
          key: 'state',
          render: (_: unknown, c) => {
            if (c.state !== 'stopped') return <Countdown clock={c} now={now} loadedAt={loadedAt} />;
            const late = c.remaining.overdue;
            return (
              <Space size={6}>
                <Tag>{m('clockStopped')}</Tag>
                {c.stopped && (
                  <span>
                    {clockStopLabels[c.stopped.reason]} {shanghaiMinute(c.stopped.at)}
                  </span>
                )}
                {c.deemedAccepted ? (
                  <Tag color="orange">视为受理（{c.deemedAccepted.on}）</Tag>
                ) : (
                  <Tag color={late ? 'red' : 'green'}>{late ? m('clockLate') : m('clockKept')}</Tag>
                )}
              </Space>
            );
          },
        },
      ]}
    />
  );
}

export function CasePage({ caseId }: { caseId: string }) {
  const m = useCaseMessages();
  const { message } = App.useApp();
  const navigate = useRoute((s) => s.navigate);
  const role = useSession((s) => s.session?.user.role);
  const userId = useSession((s) => s.session?.user.id);
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rejection, setRejection] = useState<Rejection | null>(null);

  const load = useCallback(async () => {
    const r = await call('cases.get', { caseId });
    if (r.ok) {
      setData({ ...r.value, loadedAt: Date.now() });
      setError(null);
    } else setError(r.error.message);
  }, [caseId]);

  useLiveRefresh(load);

  const record = async (
    type: RecordableType,
    payload: Record<string, unknown>,
  ): Promise<Rejection | null> => {
    const r = await call('cases.record', { caseId, type, payload });
    await load();
    if (r.ok) {
      setRejection(null);
      void message.success(m('done', { what: eventLabels[type] }));
      return null;
    }
    const rej = { message: r.error.message, rule: r.error.rule };
    if (type === 'resumed') setRejection(rej);
    return rej;
  };

  if (error && !data)
    return <Alert type="error" showIcon title={m('notFound')} description={error} />;
  if (!data) return <Spin style={{ display: 'block', marginTop: 96 }} />;
  if (data.state.status === 'none') return <Empty description={m('notFound')} />;
  const state = data.state;
  // Art. 32(4): the law may have accepted the case with no 受理 recorded (issue 16 part P)
  const deemedOn = deemedAcceptanceOn(data.clocks);
  const allowed = role ? allowedEventsNow(state, role, deemedOn) : [];
  const a = state.applicant;
  const inIntake = state.status === 'received' || state.status === 'awaitingSupplement';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ConflictBanner events={data.events} />
      <Card
        title={
          <Space size={12} wrap>
            <Button onClick={() => navigate({ page: 'myCases' })}>{m('back')}</Button>
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="case-number">
              {state.caseNumber}
            </Typography.Text>
            <Tag color="red" data-testid="case-status">
              {statusLabels[shownStatus(state, deemedOn)]}
            </Tag>
            {deemedOn && (
              <Tag color="orange" data-testid="case-deemed">
                {m('deemedTag')}
              </Tag>
            )}
          </Space>
        }
        extra={
          <Space wrap>
            {inIntake && (
              <Button type="primary" onClick={() => navigate({ page: 'intake', caseId })}>
                {m('continueIntake')}
              </Button>
            )}
            <CaseActions state={state} allowed={allowed} record={record} />
            <DecisionActions state={state} allowed={allowed} record={record} reload={load} />
          </Space>
        }
      >
        <RejectionAlert rejection={rejection} />
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label={m('applicant')}>{a.name}</Descriptions.Item>
          <Descriptions.Item label={m('idNumber')}>
            {a.kind === 'person' ? a.idNumber : a.uscc}
          </Descriptions.Item>
          <Descriptions.Item label={m('mobile')}>{a.mobile}</Descriptions.Item>
          <Descriptions.Item label={m('item')} span={2}>
            {state.item.name}（{state.item.code}）
          </Descriptions.Item>
          <Descriptions.Item label={m('channel')}>
            {state.channel === 'online' ? m('channelOnline') : m('channelWindow')}
          </Descriptions.Item>
          <Descriptions.Item label={m('receivedAt')}>
            {shanghaiMinute(state.receivedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={m('acceptedAt')}>
            <span data-testid="case-accepted-at">
              {/* deemed: accepted on the day of receipt, whenever 受理 was recorded (Art. 32(4)) */}
              {deemedOn
                ? m('deemedOn', { date: deemedOn })
                : state.acceptedAt
                  ? shanghaiMinute(state.acceptedAt)
                  : '—'}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={m('agent')}>{state.agent?.name ?? '—'}</Descriptions.Item>
          {state.notes && (
            <Descriptions.Item label={m('notes')} span={3}>
              {state.notes}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <AcceptanceNoticePrompt
        state={state}
        deemedOn={deemedOn}
        mayAccept={allowed.includes('accepted')}
        reload={load}
      />
      <PauseOverrunBanner overrun={data.pauseOverrun} />
      <AuthorityBanner state={state} />
      <RectificationBanner state={state} clocks={data.clocks} loadedAt={data.loadedAt} />
      <TwoPersonPanel state={state} allowed={allowed} userId={userId} />
      <DecisionCard state={state} />

      <Card title={m('clocks')} size="small">
        <ClockTable clocks={data.clocks} loadedAt={data.loadedAt} m={m} />
      </Card>

      <div
        style={{ display: 'grid', gridTemplateColumns: 'minmax(0,1fr) minmax(0,1.3fr)', gap: 16 }}
      >
        <Card title={m('materials')} size="small">
          <Table
            rowKey="materialId"
            size="small"
            pagination={false}
            dataSource={[...state.materials]}
            columns={[
              { title: m('material'), dataIndex: 'name' },
              {
                title: m('requirement'),
                key: 'required',
                width: 80,
                render: (_: unknown, x) => (x.required ? m('required') : m('optional')),
              },
              {
                title: m('materialStatus'),
                key: 'status',
                width: 180,
                render: (_: unknown, x) => (
                  <Space size={4} wrap>
                    <Tag color={materialStatus[x.status].color}>
                      {materialStatus[x.status].label}
                    </Tag>
                    {x.defect && <Typography.Text type="secondary">{x.defect}</Typography.Text>}
                    {x.waivedBy && <Tag color="purple">容缺</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        </Card>

        <Card title={m('history')} size="small" data-testid="case-history">
          <Timeline
            items={data.events.map((e) => ({
              key: e.id,
              color: documentOfEvent[e.type] ? 'red' : 'gray',
              content: (
                <div data-testid="history-event">
                  <Space size={8} wrap>
                    <Typography.Text strong>{eventLabels[e.type]}</Typography.Text>
                    <Typography.Text type="secondary">
                      {shanghaiMinute(e.occurredAt)}
                    </Typography.Text>
                    <span>
                      {e.actor.name}（{roleLabels[e.actor.role]}）
                    </span>
                    {e.syncState === 'conflicted' && <Tag color="red">{m('notAdmitted')}</Tag>}
                    {documentOfEvent[e.type] && (
                      <Button
                        size="small"
                        onClick={() => navigate({ page: 'print', caseId, eventId: e.id })}
                      >
                        {m('print')}
                      </Button>
                    )}
                  </Space>
                  {eventSummary(e, state, m) && (
                    <div style={{ color: '#555', fontSize: 13 }}>{eventSummary(e, state, m)}</div>
                  )}
                </div>
              ),
            }))}
          />
        </Card>
      </div>
    </Space>
  );
}
