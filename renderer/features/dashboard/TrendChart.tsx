import type { TrendDay } from '../../../shared/reports';
import { fontFamily } from '../../app/font';
import { useLocale } from '../../i18n';
import { useChart, type Option } from './chart';
import { useDashboardMessages } from './messages';

function option(trend: readonly TrendDay[], m: ReturnType<typeof useDashboardMessages>): Option {
  return {
    // no animation: the chart is read, not watched, and a screenshot must show it whole
    animation: false,
    textStyle: { fontFamily },
    color: ['#94a3b8', '#b3261e', '#16a34a'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 40, bottom: 32 },
    xAxis: {
      type: 'category',
      // 03-02: the year is the same across the thirty days but once a year
      data: trend.map((d) => d.date.slice(5)),
      axisTick: { alignWithLabel: true },
    },
    yAxis: [
      { type: 'value', minInterval: 1, name: m('trendReceived') + ' / ' + m('trendCompleted') },
      {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      { name: m('trendReceived'), type: 'bar', data: trend.map((d) => d.received) },
      { name: m('trendCompleted'), type: 'bar', data: trend.map((d) => d.completed) },
      {
        name: m('trendOnTime'),
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        // a day without completions has no rate: a gap, never a fall to 0 %
        data: trend.map((d) =>
          d.onTimeRate === null ? null : Math.round(d.onTimeRate * 1000) / 10,
        ),
        tooltip: { valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
      },
    ],
  };
}

/** The center's last thirty days: received and completed per day, and the on-time rate. */
export function TrendChart({ trend }: { trend: readonly TrendDay[] }) {
  const m = useDashboardMessages();
  // `m` is new every render; the chart is redrawn only when the days or the language change
  const locale = useLocale((s) => s.locale);
  const host = useChart(() => option(trend, m), [trend, locale]);
  return (
    <div
      ref={host}
      className="db-trend"
      data-testid="dashboard-trend"
      data-days={trend.length}
      data-first={trend[0]?.date}
      data-last={trend.at(-1)?.date}
    />
  );
}
