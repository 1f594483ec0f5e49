import { Alert, Button, Card, Empty, Input, Progress, Space, Spin, Table, Tag } from 'antd';
import { useCallback, useState, type HTMLAttributes } from 'react';
import type { Dashboard, DepartmentCard } from '../../../shared/reports';
import { earliestTypedDay, latestTypedDay, shanghaiDate } from '../../../shared/calendar';
import { percent } from '../../../shared/reports/daily-report';
import { shanghaiMinute } from '../../format';
import { useDomainLabels } from '../../i18n/domain';
import { levelColor } from '../../levels';
import { adminCall } from '../admin/center';
import { CenterGated } from '../admin/CenterGated';
import { useLiveRefresh } from '../cases/live';
import { openable } from '../cases/openable';
import { useRoute } from '../../stores/route';
import { useSession } from '../../stores/session';
import { useDashboardMessages } from './messages';
import { QueuePanel } from './QueuePanel';
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

/** A department with nothing to show today: nothing received, open, late or rated badly. */
function isQuiet(card: DepartmentCard): boolean {
  return (
    card.received === 0 &&
    card.accepted === 0 &&
    card.completed === 0 &&
    card.badRatings === 0 &&
    Object.values(card.open).every((n) => n === 0)
  );
}

/**
 * The departments' day, busy ones as cards and the quiet ones named in one line: a center of
 * twenty departments on a quiet morning put the red list 1,700 px down (issue 16 point 5).
 */
function Departments({ cards, m }: { cards: DepartmentCard[]; m: M }) {
  if (cards.length === 0) return <Empty description={m('noDepartments')} />;
  const busy = cards.filter((c) => !isQuiet(c));
  const quiet = cards.filter(isQuiet);
  return (
    <>
      {busy.length > 0 && (
        <div className="db-cards">
          {busy.map((d) => (
            <DepartmentTile key={d.code} card={d} m={m} />
          ))}
        </div>
      )}
      {quiet.length > 0 && (
        <div className="db-quiet" data-testid="quiet-departments">
          <span className="db-quiet-label">{m('quietDepartments')}</span>
          {quiet.map((d) => (
            <Tag key={d.code} data-testid="quiet-department" data-department={d.code}>
              {d.name}
            </Tag>
          ))}
        </div>
      )}
    </>
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
        // the columns fit 1366 px beside the menu; the item's name takes what is left
        { title: m('colCase'), dataIndex: 'caseNumber', width: 190 },
        { title: m('colItem'), dataIndex: 'itemName', ellipsis: true },
        { title: m('colApplicant'), dataIndex: 'applicantName', width: 100, ellipsis: true },
        { title: m('colDepartment'), dataIndex: 'departmentName', width: 120, ellipsis: true },
        { title: m('colWindow'), dataIndex: 'windowName', width: 110, ellipsis: true },
        {
          title: m('colClock'),
          dataIndex: 'clock',
          width: 120,
          render: (clock: AttentionRow['clock']) => l.clock(clock),
        },
        {
          title: m('colDeadline'),
          width: 100,
          render: (_: unknown, row) => row.deadline.date,
        },
        {
          title: m('colLeft'),
          dataIndex: 'workingDays',
          width: 100,
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
          {/* what needs action first (issue 16 point 5): the red and yellow cases */}
          <Card
            title={m('attentionCount', { n: board.attention.length })}
            size="small"
            data-testid="attention"
          >
            <AttentionTable rows={board.attention} m={m} />
          </Card>
          <Card title={m('departments')} size="small">
            <Departments cards={board.departments} m={m} />
          </Card>
          <Card title={m('trend')} size="small">
            <TrendChart trend={board.trend} />
          </Card>
          <QueuePanel date={board.date} />
        </>
      )}
    </div>
  );
}

/** 今日概览: the center manager's (and supervisor's) day across every department, from the center. */
export function DashboardPage() {
  return <CenterGated>{() => <Board />}</CenterGated>;
}
