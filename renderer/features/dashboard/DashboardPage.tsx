import { useDomainLabels } from '../../i18n/domain';
import { Alert, Button, Card, Empty, Input, Progress, Space, Spin, Table, Tag } from 'antd';
import { useCallback, useState, type HTMLAttributes } from 'react';
import type { Dashboard, DepartmentCard } from '../../../shared/reports';
import { earliestTypedDay, latestTypedDay, shanghaiDate } from '../../../shared/calendar';
import {} from '../../../shared/case';
import { percent } from '../../../shared/reports/daily-report';
import { shanghaiMinute } from '../../format';
import { levelColor } from '../../levels';
import { adminCall } from '../admin/center';
import { CenterGated } from '../admin/CenterGated';
import { useLiveRefresh } from '../cases/live';
import { openable } from '../cases/openable';
import { useRoute } from '../../stores/route';
import { useSession } from '../../stores/session';
import { useDashboardMessages } from './messages';
import { TrendChart } from './TrendChart';
import './dashboard.css';

type M = ReturnType<typeof useDashboardMessages>;
type AttentionRow = Dashboard['attention'][number];

function Count({
  id,
  label,
  value,
  tone,
}: {
  id: string;
  label: string;
  value: number;
  tone?: string;
}) {
  return (
    <div className="db-count" data-testid={`card-${id}`}>
      <span className="db-count-value" style={tone && value > 0 ? { color: tone } : undefined}>
        {value}
      </span>
      <span className="db-count-label">{label}</span>
    </div>
  );
}

/** One department's day: its rates first (what 双百 is judged by), then the counts. */
function DepartmentTile({ card, m }: { card: DepartmentCard; m: M }) {
  const onTime = card.onTimeRate;
  return (
    <Card
      size="small"
      className="db-card"
      data-testid="department-card"
      data-department={card.code}
      title={card.name}
      extra={
        <Tag color={card.doubleHundred ? 'green' : 'default'} data-testid="double-hundred">
          {card.doubleHundred ? m('doubleHundred') : m('notDoubleHundred')}
        </Tag>
      }
    >
      <div className="db-rates">
        <Progress
          type="dashboard"
          size={96}
          percent={onTime === null ? 0 : Math.round(onTime * 1000) / 10}
          status={onTime !== null && onTime < 1 ? 'exception' : 'normal'}
          format={() => percent(onTime)}
        />
        <div className="db-rate-text">
          <div>
            {m('onTimeRate')} <strong data-testid="on-time-rate">{percent(onTime)}</strong>
          </div>
          <div>
            {m('windowRate')} <strong>{percent(card.windowCompletionRate)}</strong>
          </div>
        </div>
      </div>
      <div className="db-counts">
        <Count id="received" label={m('received')} value={card.received} />
        <Count id="accepted" label={m('accepted')} value={card.accepted} />
        <Count id="completed" label={m('completed')} value={card.completed} />
        <Count id="red" label={m('red')} value={card.open.red} tone="#cf1322" />
        <Count id="yellow" label={m('yellow')} value={card.open.yellow} tone="#d48806" />
        <Count id="badRatings" label={m('badRatings')} value={card.badRatings} tone="#cf1322" />
      </div>
    </Card>
  );
}

function AttentionTable({ rows, m }: { rows: AttentionRow[]; m: M }) {
  const l = useDomainLabels();
  // this terminal holds its own department's cases: those rows open the case, the rest are read
  const ownDepartment = useSession((s) => s.session?.department?.code);
  const navigate = useRoute((s) => s.navigate);
  return (
    <Table<AttentionRow>
      rowKey="caseId"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 15, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={m('attentionNone')} /> }}
      onRow={(row) =>
        ({
          'data-testid': 'attention-row',
          'data-level': row.level,
          ...(row.departmentCode === ownDepartment
            ? openable(() => navigate({ page: 'case', caseId: row.caseId }))
            : {}),
        }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: m('colLevel'),
          dataIndex: 'level',
          width: 72,
          render: (level: AttentionRow['level']) => <Tag color={levelColor[level]}>{m(level)}</Tag>,
        },
        { title: m('colCase'), dataIndex: 'caseNumber', width: 210 },
        { title: m('colItem'), dataIndex: 'itemName', ellipsis: true },
        { title: m('colApplicant'), dataIndex: 'applicantName', width: 150, ellipsis: true },
        { title: m('colDepartment'), dataIndex: 'departmentName', width: 150, ellipsis: true },
        { title: m('colWindow'), dataIndex: 'windowName', width: 130, ellipsis: true },
        {
          title: m('colClock'),
          dataIndex: 'clock',
          width: 110,
          render: (clock: AttentionRow['clock']) => l.clock(clock),
        },
        {
          title: m('colDeadline'),
          width: 110,
          render: (_: unknown, row) => row.deadline.date,
        },
        {
          title: m('colLeft'),
          dataIndex: 'workingDays',
          width: 110,
          render: (n: number, row) =>
            row.level === 'red' ? (
              <span className="db-overdue">{m('overdueDays')}</span>
            ) : (
              m('workingDaysLeft', { n })
            ),
        },
      ]}
    />
  );
}

function Board() {
  const m = useDashboardMessages();
  // null: the center's today, by its clock
  const [date, setDate] = useState<string | null>(null);
  const [board, setBoard] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    const r = await adminCall('admin.reports.dashboard', date ? { date } : {});
    setLoading(false);
    if (r.ok) {
      setBoard(r.value);
      setError(null);
    } else setError(r.error.message);
  }, [date]);
  useLiveRefresh(load);

  if (!board && !error) return <Spin style={{ display: 'block', marginTop: 96 }} />;
  return (
    <div className="db-page" data-testid="dashboard">
      <Card className="db-head">
        <div className="db-head-row">
          <div>
            <div className="db-title" data-testid="dashboard-title">
              {m('title')}
              {board && <span className="db-center">{board.centerName}</span>}
            </div>
            {board && (
              <div className="db-meta" data-testid="dashboard-as-of">
                {board.date} · {m('asOf', { at: shanghaiMinute(board.asOf) })}
              </div>
            )}
          </div>
          <Space>
            <span>{m('date')}</span>
            <Input
              type="date"
              // the center refuses other days (shared/calendar/typed-dates.ts)
              min={earliestTypedDay}
              max={latestTypedDay(shanghaiDate(Date.now()))}
              style={{ width: 160 }}
              value={date ?? board?.date ?? ''}
              onChange={(e) => e.target.value && setDate(e.target.value)}
              data-testid="dashboard-date"
            />
            <Button onClick={() => setDate(null)} disabled={date === null}>
              {m('today')}
            </Button>
            <Button onClick={() => void load()} loading={loading}>
              {m('refresh')}
            </Button>
          </Space>
        </div>
      </Card>
      {error && <Alert type="error" showIcon title={error} data-testid="dashboard-error" />}
      {board && (
        <>
          <Card title={m('departments')} size="small">
            {board.departments.length === 0 ? (
              <Empty description={m('noDepartments')} />
            ) : (
              <div className="db-cards">
                {board.departments.map((d) => (
                  <DepartmentTile key={d.code} card={d} m={m} />
                ))}
              </div>
            )}
          </Card>
          <Card title={m('trend')} size="small">
            <TrendChart trend={board.trend} />
          </Card>
          <Card
            title={`${m('attention')}（${board.attention.length}）`}
            size="small"
            data-testid="attention"
          >
            <AttentionTable rows={board.attention} m={m} />
          </Card>
        </>
      )}
    </div>
  );
}

/** 今日概览: the center manager's (and supervisor's) day across every department, from the center. */
export function DashboardPage() {
  return <CenterGated>{() => <Board />}</CenterGated>;
}
