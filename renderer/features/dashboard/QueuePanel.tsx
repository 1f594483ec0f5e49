import { Alert, Card, Col, Row, Statistic, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { QueueFigures, QueueStats } from '../../../shared/center-api';
import { fontFamily } from '../../app/font';
import { useLocale } from '../../i18n';
import { adminCall } from '../admin/center';
import { useChart, type Option } from './chart';
import { useDashboardMessages } from './messages';

// Issue 17: 排队等候 — the hall's waiting and service times, the KPI its managers are judged on,
// per window, per item and per hour, for the day the dashboard shows.

type M = ReturnType<typeof useDashboardMessages>;

/** Seconds as minutes to one decimal ("—" when nobody was called). */
function minutes(seconds: number | null): string {
  return seconds === null ? '—' : (seconds / 60).toFixed(1);
}

function hourOption(stats: QueueStats, m: M): Option {
  return {
    animation: false,
    textStyle: { fontFamily },
    color: ['#94a3b8', '#b3261e'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: stats.hours.map((h) => `${h.hour}:00`) },
    yAxis: [
      { type: 'value', minInterval: 1, name: m('queueTaken') },
      { type: 'value', name: m('queueMinutes'), splitLine: { show: false } },
    ],
    series: [
      { name: m('queueTaken'), type: 'bar', data: stats.hours.map((h) => h.taken) },
      {
        name: m('queueAverageWait'),
        type: 'line',
        yAxisIndex: 1,
        data: stats.hours.map((h) =>
          h.averageWait === null ? null : +(h.averageWait / 60).toFixed(1),
        ),
      },
    ],
  };
}

function HourChart({ stats }: { stats: QueueStats }) {
  const m = useDashboardMessages();
  const locale = useLocale((s) => s.locale);
  const host = useChart(() => hourOption(stats, m), [stats, locale]);
  return (
    <div ref={host} className="db-trend" style={{ marginTop: 16 }} data-testid="queue-hours" />
  );
}

function figureColumns(m: M) {
  return [
    { title: m('queueTaken'), dataIndex: 'taken', width: 80 },
    { title: m('queueServed'), dataIndex: 'served', width: 80 },
    { title: m('queueNoShows'), dataIndex: 'noShows', width: 80 },
    {
      title: m('queueAverageWait'),
      dataIndex: 'averageWait',
      width: 120,
      render: (v: number | null) => minutes(v),
    },
    {
      title: m('queueLongestWait'),
      dataIndex: 'longestWait',
      width: 120,
      render: (v: number | null) => minutes(v),
    },
    {
      title: m('queueAverageService'),
      dataIndex: 'averageService',
      width: 120,
      render: (v: number | null) => minutes(v),
    },
  ];
}

function Totals({ total, m }: { total: QueueFigures; m: M }) {
  return (
    <Row gutter={16} data-testid="queue-totals">
      <Col span={4}>
        <Statistic title={m('queueTaken')} value={total.taken} />
      </Col>
      <Col span={4}>
        <Statistic title={m('queueServed')} value={total.served} />
      </Col>
      <Col span={4}>
        <Statistic title={m('queueNoShows')} value={total.noShows} />
      </Col>
      <Col span={4}>
        <Statistic title={m('queueAverageWait')} value={minutes(total.averageWait)} />
      </Col>
      <Col span={4}>
        <Statistic title={m('queueLongestWait')} value={minutes(total.longestWait)} />
      </Col>
      <Col span={4}>
        <Statistic title={m('queueAverageService')} value={minutes(total.averageService)} />
      </Col>
    </Row>
  );
}

/** The day's queue at the center: totals, the hours chart, and the windows and items. */
export function QueuePanel({ date }: { date: string }) {
  const m = useDashboardMessages();
  const [stats, setStats] = useState<QueueStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await adminCall('admin.reports.queue', { from: date, to: date });
    if (r.ok) {
      setStats(r.value);
      setError(null);
    } else setError(r.error.message);
  }, [date]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Card title={m('queue')} size="small" data-testid="queue-panel">
      {error && <Alert type="error" showIcon title={error} />}
      {stats && (
        <>
          <Totals total={stats.total} m={m} />
          {stats.hours.length > 0 && <HourChart stats={stats} />}
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={stats.windows}
            columns={[{ title: m('queueWindow'), dataIndex: 'name' }, ...figureColumns(m)]}
            data-testid="queue-windows"
          />
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            style={{ marginTop: 12 }}
            dataSource={stats.items}
            columns={[{ title: m('queueItem'), dataIndex: 'name' }, ...figureColumns(m)]}
            data-testid="queue-items"
          />
        </>
      )}
    </Card>
  );
}
