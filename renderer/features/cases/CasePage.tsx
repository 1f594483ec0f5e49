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
import { useCallback, useEffect, useState } from 'react';
import type { CallOutput, RecordableType } from '../../../shared/api';
import {
  allowedEventsNow,
  deemedAcceptanceOn,
  shownStatus,
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
import { useDomainLabels, type DomainLabels } from '../../i18n/domain';
import { shanghaiMinute } from '../documents/labels';
import { ExportArchiveButton } from '../archive/ExportArchiveButton';
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
import { scansColumn } from '../attachments/MaterialScans';
import { useCaseMessages } from './messages';

type Loaded = CallOutput<'cases.get'> & { loadedAt: number };
type Msg = ReturnType<typeof useCaseMessages>;

const noWrap = { whiteSpace: 'nowrap' } as const;

const materialStatusColor: Record<MaterialStatus, string> = {
  pending: 'default',
  received: 'green',
  missing: 'red',
  defective: 'orange',
};

/** A decision in one line: what is granted (and until when), or why not; the department's number. */
function decisionSummary(d: Decision, m: Msg): string {
  const main =
    d.outcome === 'approve'
      ? d.validUntil
        ? m('sumApprovedUntil', { granted: d.granted, date: d.validUntil })
        : m('sumApproved', { granted: d.granted })
      : m('sumDenied', { reasons: d.reasons });
  return d.departmentRef ? m('sumDepartmentRef', { main, ref: d.departmentRef }) : main;
}

function materialName(state: OpenCase, id: string): string {
  return state.item.materials.find((m) => m.id === id)?.name ?? id;
}

function materialNames(state: OpenCase, ids: readonly string[]): string {
  return ids.map((id) => materialName(state, id)).join('、');
}

/**
 * One line on what an event did, in the words of the window. The words are the user's language;
 * what the clerk typed (reasons, opinions) and the catalog's names stay as they were written.
 */
function eventSummary(e: CaseEvent, state: OpenCase, m: Msg, l: DomainLabels): string {
  switch (e.type) {
    case 'received': {
      const line = `${e.payload.channel === 'online' ? m('channelOnline') : m('channelWindow')} · ${e.payload.item.name}`;
      // part T of issue 16: a second open case of the applicant and item stands with its reason
      const reason = e.payload.duplicateReason;
      return reason ? `${line} · ${m('sumDuplicateReason', { reason })}` : line;
    }
    case 'materialsChecked': {
      const count = (s: string) => e.payload.materials.filter((x) => x.status === s).length;
      return m('sumChecked', {
        received: count('received'),
        missing: count('missing'),
        defective: count('defective'),
      });
    }
    case 'noticeIssued': {
      const names = materialNames(
        state,
        e.payload.items.map((i) => i.materialId),
      );
      return e.payload.returnBy ? m('sumNoticeBy', { names, date: e.payload.returnBy }) : names;
    }
    case 'supplementReceived':
      return materialNames(state, e.payload.materialIds);
    case 'accepted':
      return e.payload.waivedMaterials?.length
        ? m('sumWaived', {
            names: materialNames(
              state,
              e.payload.waivedMaterials.map((w) => w.materialId),
            ),
          })
        : '';
    case 'refused':
      return e.payload.reasons;
    case 'paused':
      return m('sumPaused', {
        procedure: l.procedure(e.payload.procedure),
        days: e.payload.expectedWorkingDays,
        notice: e.payload.applicantNoticeRef,
        filing: e.payload.centerFilingRef,
      });
    case 'extended':
      return m('sumExtended', {
        days: e.payload.workingDays,
        approver: e.payload.approver,
        reason: e.payload.reason,
      });
    case 'reviewed':
    case 'checked':
      return e.payload.opinion;
    case 'referred':
      return m(e.payload.note ? 'sumReferredNote' : 'sumReferred', {
        department: e.payload.department,
        holder: e.payload.holder,
        note: e.payload.note ?? '',
      });
    case 'decided':
      return decisionSummary(e.payload, m);
    case 'stamped':
      return m('sumStamped', { number: e.payload.decisionNumber });
    case 'corrected':
      return m('sumCorrected', {
        reason: e.payload.reason,
        decision: decisionSummary(e.payload.decision, m),
      });
    case 'certificateIssued':
      return e.payload.validUntil
        ? m('sumCertificateUntil', {
            number: e.payload.certificateNumber,
            date: e.payload.validUntil,
          })
        : e.payload.certificateNumber;
    case 'delivered': {
      const { method, recipient, address, receiptRef } = e.payload;
      return [
        m(`delivery_${method}`),
        m('sumRecipient', { name: recipient }),
        address,
        receiptRef && m('sumReceipt', { ref: receiptRef }),
      ]
        .filter(Boolean)
        .join(m('listSeparator'));
    }
    case 'rated':
      return `${l.rating(e.payload.score)}${e.payload.comment ? `: ${e.payload.comment}` : ''}`;
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
  const l = useDomainLabels();
  return (
    <Table<ClockView>
      rowKey="kind"
      size="small"
      pagination={false}
      dataSource={clocks}
      data-testid="case-clocks"
      columns={[
        {
          title: m('clockKind'),
          key: 'kind',
          width: 150,
          render: (_: unknown, c) => l.clock(c.kind),
        },
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
                {/* deemed accepted: the law's day is the clock's end, not a 受理 recorded later */}
                {c.stopped && !c.deemedAccepted && (
                  <span>
                    {l.clockStop(c.stopped.reason)} {shanghaiMinute(c.stopped.at)}
                  </span>
                )}
                {c.deemedAccepted ? (
                  <Tag color="orange">{m('deemedOn', { date: c.deemedAccepted.on })}</Tag>
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

/**
 * One case. `eventId` (an alert's evidence) is scrolled to and marked in the history, so the
 * supervisor reads the step the alert names among the case's others.
 */
export function CasePage({ caseId, eventId }: { caseId: string; eventId?: string }) {
  const m = useCaseMessages();
  const l = useDomainLabels();
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
  const loaded = data !== null;
  useEffect(() => {
    if (!loaded || !eventId) return;
    document
      .querySelector(`[data-event-id="${CSS.escape(eventId)}"]`)
      ?.scrollIntoView({ block: 'center' });
  }, [loaded, eventId]);

  const record = async (
    type: RecordableType,
    payload: Record<string, unknown>,
  ): Promise<Rejection | null> => {
    const r = await call('cases.record', { caseId, type, payload });
    await load();
    if (r.ok) {
      setRejection(null);
      void message.success(m('done', { what: l.event(type) }));
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
              {l.status(shownStatus(state, deemedOn))}
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
            <ExportArchiveButton caseId={caseId} />
          </Space>
        }
      >
        <RejectionAlert rejection={rejection} />
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label={m('applicant')}>{a.name}</Descriptions.Item>
          {/* a number broken mid-value cannot be read out to the applicant (issue 16 point 5) */}
          <Descriptions.Item label={m('idNumber')}>
            <span style={noWrap}>{a.kind === 'person' ? a.idNumber : a.uscc}</span>
          </Descriptions.Item>
          <Descriptions.Item label={m('mobile')}>
            <span style={noWrap}>{a.mobile}</span>
            {/* issue 17 part 4: whether the center texts this applicant; cases before it: not asked */}
            {typeof state.smsConsent === 'boolean' && (
              <span style={{ ...noWrap, marginLeft: 8, color: '#59636e' }}>
                {state.smsConsent ? m('smsConsented') : m('smsDeclined')}
              </span>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={m('item')} span={2}>
            {state.item.name}（{state.item.code}）
          </Descriptions.Item>
          <Descriptions.Item label={m('channel')}>
            {state.channel === 'online' ? m('channelOnline') : m('channelWindow')}
          </Descriptions.Item>
          <Descriptions.Item label={m('receivedAt')}>
            <span style={noWrap}>{shanghaiMinute(state.receivedAt)}</span>
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
        style={{ display: 'grid', gridTemplateColumns: 'minmax(0,1.4fr) minmax(0,1fr)', gap: 16 }}
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
                    <Tag color={materialStatusColor[x.status]}>{m(`material_${x.status}`)}</Tag>
                    {x.defect && <Typography.Text type="secondary">{x.defect}</Typography.Text>}
                    {x.waivedBy && <Tag color="purple">{m('waivedTag')}</Tag>}
                  </Space>
                ),
              },
              // issue 18: the pages beside the status; scanned here while papers may still be added
              scansColumn(caseId, allowed.includes('materialsAttached'), () => void load()),
            ]}
          />
        </Card>

        <Card title={m('history')} size="small" data-testid="case-history">
          <Timeline
            items={data.events.map((e) => ({
              key: e.id,
              color: documentOfEvent[e.type] ? 'red' : 'gray',
              content: (
                <div
                  data-testid="history-event"
                  data-event-id={e.id}
                  {...(e.id === eventId
                    ? {
                        'data-highlighted': 'true',
                        style: { background: '#fff7e6', outline: '2px solid #fa8c16', padding: 4 },
                      }
                    : {})}
                >
                  <Space size={8} wrap>
                    <Typography.Text strong>{l.event(e.type)}</Typography.Text>
                    <Typography.Text type="secondary">
                      {shanghaiMinute(e.occurredAt)}
                    </Typography.Text>
                    <span>
                      {m('actorWithRole', { name: e.actor.name, role: l.role(e.actor.role) })}
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
                  {eventSummary(e, state, m, l) && (
                    <div style={{ color: '#555', fontSize: 13 }}>
                      {eventSummary(e, state, m, l)}
                    </div>
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
