import { useDomainLabels } from '../../i18n/domain';
import {
  Alert,
  Button,
  Card,
  ConfigProvider,
  Empty,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useRef, useState } from 'react';
import type { QueueRow, QueueStep } from '../../../shared/api';
import type { CaseStatus } from '../../../shared/case';
import { call } from '../../api';
import { inShanghai, shanghaiMinute } from '../../format';
import { useRoute } from '../../stores/route';
import { Countdown, useNow } from '../cases/Countdown';
import { useLiveRefresh } from '../cases/live';
import { useReviewMessages } from './messages';

type M = ReturnType<typeof useReviewMessages>;

/** The steps in the order a case goes through them: the tag's preset colour and its dot's. */
const steps: readonly { step: QueueStep; tag: string; dot: string }[] = [
  { step: 'review', tag: 'blue', dot: '#1677ff' },
  { step: 'check', tag: 'cyan', dot: '#13c2c2' },
  { step: 'decide', tag: 'volcano', dot: '#fa541c' },
  { step: 'department', tag: 'purple', dot: '#722ed1' },
  { step: 'stamp', tag: 'red', dot: '#cf1322' },
  { step: 'certificate', tag: 'gold', dot: '#d48806' },
  { step: 'deliver', tag: 'green', dot: '#389e0d' },
  { step: 'rectify', tag: 'magenta', dot: '#c41d7f' },
];
const stepColor = Object.fromEntries(steps.map((s) => [s.step, s.tag])) as Record<
  QueueStep,
  string
>;

/**
 * The step's words; a 报批件 names the department it is with (main sends "部门（经办）"), one
 * that still has to be referred says so.
 */
function stepLabel(row: QueueRow, m: M): string {
  if (row.step !== 'department') return m(`step.${row.step}`);
  if (!row.referredTo) return m('step.toRefer');
  const department = row.referredTo.split('（')[0] ?? row.referredTo;
  return m('step.departmentAt', { department });
}

/** The deadline's day: the shown clock's, else the day of `dueAt` in Beijing time. */
function deadlineDate(row: QueueRow): string {
  if (row.clock) return row.clock.deadline.date;
  return row.dueAt ? inShanghai(row.dueAt).slice(0, 10) : '—';
}

/**
 * 审批工作台: the department's cases waiting for a reviewer or the chief — review, re-check,
 * decision, seal, certificate, delivery, a bad rating's rectification, and the 报批件 with the
 * department — in the order main returns them (by deadline).
 */
export function ReviewQueue() {
  const m = useReviewMessages();
  const l = useDomainLabels();
  const now = useNow();
  const navigate = useRoute((s) => s.navigate);
  const [rows, setRows] = useState<QueueRow[]>([]);
  const [referred, setReferred] = useState(0);
  const [loadedAt, setLoadedAt] = useState(() => Date.now());
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [only, setOnly] = useState<QueueStep | null>(null);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    const r = await call('cases.queue', {});
    if (mine !== seq.current) return;
    setLoading(false);
    if (r.ok) {
      setRows(r.value.rows);
      setReferred(r.value.referred);
      setLoadedAt(Date.now());
      setError(null);
    } else setError(r.error.message);
  }, []);

  useLiveRefresh(load);

  const counts = new Map<QueueStep, number>();
  for (const row of rows) counts.set(row.step, (counts.get(row.step) ?? 0) + 1);
  const shown = only ? rows.filter((r) => r.step === only) : rows;
  const open = (row: QueueRow) => navigate({ page: 'case', caseId: row.id });

  return (
    // exact button names: no space between two Chinese characters
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <Card
        data-testid="review-queue"
        title={
          <Space size={12}>
            <span>{m('title')}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              {m('subtitle')} ·{' '}
              <span data-testid="queue-count">{m('count', { n: rows.length })}</span>
            </Typography.Text>
          </Space>
        }
        extra={
          <Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m('refreshed', { time: shanghaiMinute(new Date(loadedAt).toISOString()).slice(11) })}
            </Typography.Text>
            <Button size="small" onClick={() => void load()}>
              {m('refresh')}
            </Button>
          </Space>
        }
        styles={{ body: { padding: 0 } }}
      >
        <div
          data-testid="queue-summary"
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            gap: 8,
            padding: '12px 16px',
            borderBottom: '1px solid #f0f0f0',
            alignItems: 'center',
          }}
        >
          {steps.map(({ step, dot }) => {
            const n = counts.get(step) ?? 0;
            const active = only === step;
            return (
              <Tag.CheckableTag
                key={step}
                checked={active}
                data-testid={`queue-step-${step}`}
                data-count={n}
                onChange={() => setOnly(active ? null : step)}
                style={{
                  fontSize: 14,
                  padding: '4px 10px',
                  border: `1px solid ${n > 0 || active ? 'currentColor' : '#e5e5e5'}`,
                  opacity: n > 0 || active ? 1 : 0.55,
                }}
              >
                <Space size={6}>
                  <span
                    style={{
                      display: 'inline-block',
                      width: 8,
                      height: 8,
                      borderRadius: 4,
                      background: dot,
                    }}
                  />
                  <span>{m(`step.${step}`)}</span>
                  <strong style={{ fontVariantNumeric: 'tabular-nums' }}>{n}</strong>
                </Space>
              </Tag.CheckableTag>
            );
          })}
          <div style={{ flex: 1 }} />
          <Tooltip title={m('referredHint')}>
            <Tag color="purple" style={{ fontSize: 14, padding: '4px 10px', margin: 0 }}>
              <span data-testid="queue-referred" data-count={referred}>
                {m('referred', { n: referred })}
              </span>
            </Tag>
          </Tooltip>
        </div>
        {error && (
          <Alert
            type="error"
            showIcon
            title={m('loadFailed', { message: error })}
            style={{ margin: 12 }}
          />
        )}
        <Table<QueueRow>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={shown}
          pagination={false}
          locale={{ emptyText: <Empty description={m('empty')} /> }}
          onRow={(row) =>
            ({
              'data-testid': 'queue-row',
              'data-case-number': row.caseNumber,
              'data-step': row.step,
              onClick: () => open(row),
              style: { cursor: 'pointer' },
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: m('caseNumber'),
              dataIndex: 'caseNumber',
              width: 185,
              render: (v: string, row) => (
                <Typography.Link
                  strong
                  href={`#/case/${encodeURIComponent(row.id)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    e.stopPropagation();
                    open(row);
                  }}
                >
                  {v}
                </Typography.Link>
              ),
            },
            // 1366×768 first (issue 16 point 5): the fixed columns leave the item's name room for
            // a dozen characters, and a step's tags wrap inside their own column
            { title: m('item'), dataIndex: 'itemName', ellipsis: { showTitle: true } },
            { title: m('applicant'), dataIndex: 'applicantName', width: 100, ellipsis: true },
            {
              title: m('step'),
              key: 'step',
              width: 180,
              render: (_: unknown, row) => (
                <Space size={4} wrap>
                  <Tooltip title={row.referredTo}>
                    <Tag
                      color={stepColor[row.step]}
                      style={{ margin: 0, whiteSpace: 'normal' }}
                      data-testid="queue-step"
                    >
                      {stepLabel(row, m)}
                    </Tag>
                  </Tooltip>
                  {row.deemedAcceptedOn && (
                    <Tag
                      color="orange"
                      style={{ margin: 0, whiteSpace: 'normal' }}
                      data-testid="queue-deemed"
                    >
                      {m('deemed', { date: row.deemedAcceptedOn })}
                    </Tag>
                  )}
                  {row.twoPerson && (
                    <Tag color="purple" variant="outlined" style={{ margin: 0 }}>
                      {m('twoPerson')}
                    </Tag>
                  )}
                  {row.pauseOverrunSince && (
                    <Tooltip title={m('pauseOverrunTip', { end: row.pauseOverrunSince })}>
                      <Tag color="red" style={{ margin: 0 }} data-testid="queue-pause-overrun">
                        {m('pauseOverrun')}
                      </Tag>
                    </Tooltip>
                  )}
                </Space>
              ),
            },
            {
              title: m('status'),
              key: 'status',
              width: 110,
              render: (_: unknown, row) => l.status(row.status as CaseStatus),
            },
            {
              title: m('deadline'),
              key: 'deadline',
              width: 105,
              render: (_: unknown, row) => deadlineDate(row),
            },
            {
              title: m('timeLeft'),
              key: 'clock',
              width: 200,
              render: (_: unknown, row) =>
                row.clock ? <Countdown clock={row.clock} now={now} loadedAt={loadedAt} /> : null,
            },
          ]}
        />
      </Card>
    </ConfigProvider>
  );
}
