import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Progress,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import {
  earliestTypedDay,
  latestTypedDay,
  shanghaiDate,
  type Level,
} from '../../../shared/calendar';
import { powerLabels } from '../../../shared/catalog';
import { caseKinds, meetsDoubleHundred, type Metrics } from '../../../shared/reports';
import {
  asOfLabel,
  complaintLabels,
  drillLabels,
  drillOf,
  levels,
  percent,
  periodLabel,
  powerMet,
  powerOrder,
  powerTarget,
  ratingKeys,
  scopeLabel,
  windowColumns,
  windowLines,
  windowValue,
  type DailyReport,
  type DrillKey,
  type WindowLine,
} from '../../../shared/reports/daily-report';
import { exportFileName, reportCsv, reportXlsx } from '../../../shared/reports/workbook';
import { useLocale } from '../../i18n';
import { levelColor } from '../../levels';
import { useRoute } from '../../stores/route';
import { csvType, download, xlsxType } from './download';
import { DrillDrawer, type DrillTarget } from './DrillDrawer';
import { loadReport, loadToday, useReportFilters } from './load';
import { complaintLabelsEn, drillLabelsEn, powerLabelsEn, useReportMessages } from './messages';
import './reports.css';

type M = ReturnType<typeof useReportMessages>;

/** The level's colour as a number's ink (the tags use antd's preset names of levels.ts). */
export const levelInk: Readonly<Record<Level, string>> = {
  normal: '#389e0d',
  warning: '#1677ff',
  yellow: '#d48806',
  red: '#cf1322',
};

type State =
  | { state: 'loading' }
  | { state: 'ok'; report: DailyReport; windowId: string | undefined }
  | { state: 'error'; message: string };

function useLabel(): (key: DrillKey) => string {
  const locale = useLocale((s) => s.locale);
  return (key) => (locale === 'en' ? (drillLabelsEn[key] ?? drillLabels[key]) : drillLabels[key]);
}

/** A count that opens the cases behind it. */
function Count({
  name,
  count,
  onOpen,
  ink,
  size = 'large',
}: {
  name: string;
  count: number;
  onOpen: () => void;
  ink?: string;
  size?: 'large' | 'small';
}) {
  return (
    <button
      type="button"
      className={size === 'large' ? 'rp-count' : 'rp-count rp-count-small'}
      data-testid={name}
      data-count={count}
      disabled={count === 0}
      onClick={onOpen}
      style={ink && count > 0 ? { color: ink } : undefined}
    >
      {count}
    </button>
  );
}

function Tile({
  label,
  children,
  sub,
  accent,
}: {
  label: ReactNode;
  children: ReactNode;
  sub?: ReactNode;
  accent?: string;
}) {
  return (
    <div className="rp-tile" style={accent ? { borderTopColor: accent } : undefined}>
      <div className="rp-tile-label" title={typeof label === 'string' ? label : undefined}>
        {label}
      </div>
      <div className="rp-tile-value">{children}</div>
      {sub !== undefined && <div className="rp-tile-sub">{sub}</div>}
    </div>
  );
}

function Section({
  title,
  extra,
  children,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card size="small" title={title} extra={extra} className="rp-section">
      {children}
    </Card>
  );
}

function RateTile({
  name,
  label,
  rate,
  sub,
}: {
  name: string;
  label: string;
  rate: number | null;
  sub: string;
}) {
  return (
    <Tile label={label} sub={sub}>
      <span className="rp-rate" data-testid={name}>
        {percent(rate)}
      </span>
      {rate !== null && (
        <Progress
          percent={Math.round(rate * 1000) / 10}
          showInfo={false}
          size="small"
          strokeColor={rate === 1 ? '#389e0d' : rate >= 0.9 ? '#d48806' : '#cf1322'}
        />
      )}
    </Tile>
  );
}

function Numbers({
  report,
  open,
  m,
}: {
  report: DailyReport;
  open: (key: DrillKey, metrics?: Metrics, where?: string) => void;
  m: M;
}) {
  const label = useLabel();
  const locale = useLocale((s) => s.locale);
  const metrics = report.metrics;
  const count = (key: DrillKey, ink?: string) => (
    <Count
      name={`metric-${key}`}
      count={drillOf(metrics, key).count}
      onOpen={() => open(key)}
      {...(ink ? { ink } : {})}
    />
  );
  const tiles = (keys: readonly DrillKey[]) =>
    keys.map((k) => (
      <Tile key={k} label={label(k)}>
        {count(k)}
      </Tile>
    ));
  const openTotal = drillOf(metrics, 'open').count;
  const double = meetsDoubleHundred(report.authorization, metrics);

  return (
    <>
      <Section title={m('sectionIntake')}>
        <div className="rp-tiles rp-tiles-6">
          {tiles(['received', 'accepted', 'refusedAtIntake', 'noticesIssued', 'deemedAccepted'])}
        </div>
      </Section>

      <Section title={m('sectionCompletion')}>
        <div className="rp-tiles rp-tiles-6">
          <Tile
            label={label('completed')}
            sub={
              <Space size={12}>
                <span>
                  {label('approved')}{' '}
                  <Count
                    name="metric-approved"
                    size="small"
                    count={metrics.approved.count}
                    onOpen={() => open('approved')}
                  />
                </span>
                <span>
                  {label('denied')}{' '}
                  <Count
                    name="metric-denied"
                    size="small"
                    count={metrics.denied.count}
                    onOpen={() => open('denied')}
                  />
                </span>
              </Space>
            }
          >
            {count('completed')}
          </Tile>
          <Tile label={label('completedOnTime')}>{count('completedOnTime', levelInk.normal)}</Tile>
          <Tile label={label('completedOverdue')}>{count('completedOverdue', levelInk.red)}</Tile>
          <RateTile
            name="metric-onTimeRate"
            label={m('onTimeRate')}
            rate={metrics.onTimeRate}
            sub={m('rateHint', {
              part: metrics.completedOnTime.count,
              whole: metrics.completed.count,
            })}
          />
          <RateTile
            name="metric-windowCompletionRate"
            label={m('windowCompletionRate')}
            rate={metrics.windowCompletionRate}
            sub={m('windowRateHint', {
              part: Math.round((metrics.windowCompletionRate ?? 0) * metrics.completed.count),
              whole: metrics.completed.count,
            })}
          />
          <Tile label={m('averageDays')} sub={m('averageDaysUnit')}>
            <span className="rp-rate" data-testid="metric-averageWorkingDaysToDecision">
              {metrics.averageWorkingDaysToDecision === null
                ? '—'
                : metrics.averageWorkingDaysToDecision.toFixed(1)}
            </span>
          </Tile>
        </div>
      </Section>

      <Section
        title={m('sectionOpen')}
        extra={
          <span className="rp-section-extra">
            {m('openTotal')}
            <Count name="metric-open" size="small" count={openTotal} onOpen={() => open('open')} />
          </span>
        }
      >
        <div className="rp-tiles rp-tiles-6">
          {levels.map((l) => (
            <Tile
              key={l}
              accent={levelInk[l]}
              label={
                <Tag color={levelColor[l]} style={{ margin: 0 }}>
                  {label(l)}
                </Tag>
              }
            >
              {count(l, levelInk[l])}
            </Tile>
          ))}
          {tiles(['paused', 'extended'])}
        </div>
      </Section>

      <div className="rp-pair">
        <Section title={m('sectionKinds')}>
          <div className="rp-tiles rp-tiles-compact">
            {tiles(caseKinds.map((k) => `kind-${k}` as const))}
          </div>
        </Section>
        <Section
          title={m('sectionRatings')}
          extra={
            <Typography.Text type="secondary" className="rp-section-extra">
              {m('ratingsFromCenter')}
            </Typography.Text>
          }
        >
          {report.ratingsUnavailable === null ? (
            <div className="rp-tiles rp-tiles-compact">
              {ratingKeys.map((k) =>
                k === 'badRatings' ? (
                  <Tile key={k} label={label(k)} accent={levelInk.red}>
                    {count(k, levelInk.red)}
                  </Tile>
                ) : (
                  <Tile key={k} label={label(k)}>
                    {count(k)}
                  </Tile>
                ),
              )}
            </div>
          ) : (
            // the terminal keeps no ratings: without the center there are no numbers to show
            <Alert
              type="warning"
              showIcon
              data-testid="ratings-unavailable"
              title={report.ratingsUnavailable}
            />
          )}
        </Section>
      </div>

      <Section
        title={m('sectionComplaints')}
        extra={
          <Typography.Text type="secondary" data-testid="complaints-fetched">
            {report.complaintsFetchedAt
              ? m('complaintsFetched', { at: asOfLabel(report.complaintsFetchedAt) })
              : m('complaintsNever')}
          </Typography.Text>
        }
      >
        <div className="rp-tiles rp-tiles-6">
          {(Object.keys(complaintLabels) as (keyof typeof complaintLabels)[]).map((k) => (
            <Tile
              key={k}
              label={
                locale === 'en' ? (complaintLabelsEn[k] ?? complaintLabels[k]) : complaintLabels[k]
              }
              {...(k === 'overdueOpen' ? { accent: levelInk.red } : {})}
            >
              <span className="rp-count rp-count-plain" data-testid={`complaints-${k}`}>
                {report.complaints[k].count}
              </span>
            </Tile>
          ))}
        </div>
      </Section>

      <Section
        title={m('sectionAuthorization')}
        extra={
          <Typography.Text type="secondary">
            {m('authorizationItems', { n: report.authorization.items })}
          </Typography.Text>
        }
      >
        <div className="rp-auth">
          <div className="rp-powers">
            {powerOrder.map((p) => {
              const rate = report.authorization.rates[p];
              const ok = powerMet(report, p);
              return (
                <div key={p} className="rp-power" data-testid={`power-${p}`}>
                  <div className="rp-power-name">
                    {m('power', {
                      name: locale === 'en' ? (powerLabelsEn[p] ?? p) : powerLabels[p],
                    })}
                  </div>
                  <Progress
                    percent={rate === null ? 0 : Math.round(rate * 1000) / 10}
                    format={() => percent(rate)}
                    size="small"
                    status={ok ? 'success' : 'exception'}
                  />
                  <div className="rp-power-target">
                    {m('powerTarget', { target: percent(powerTarget(p)).replace('.0', '') })}
                    <Tag color={ok ? 'green' : 'red'} style={{ marginInlineStart: 8 }}>
                      {ok ? m('met') : m('notMet')}
                    </Tag>
                  </div>
                </div>
              );
            })}
          </div>
          <Tooltip title={m('doubleHundredHint')}>
            <div
              className={double ? 'rp-double rp-double-met' : 'rp-double'}
              data-testid="double-hundred"
              data-met={double}
            >
              <div className="rp-double-mark">{m('doubleHundred')}</div>
              <div>{double ? m('doubleHundredMet') : m('doubleHundredNotMet')}</div>
              <div className="rp-double-detail">
                {m('onTimeRate')} {percent(report.metrics.onTimeRate)}
              </div>
            </div>
          </Tooltip>
        </div>
      </Section>
    </>
  );
}

function WindowTable({
  report,
  open,
  m,
}: {
  report: DailyReport;
  open: (key: DrillKey, metrics: Metrics, where: string) => void;
  m: M;
}) {
  const label = useLabel();
  const lines = windowLines(report);
  return (
    <Section title={m('byWindow')}>
      <Table<WindowLine>
        rowKey="windowId"
        size="small"
        pagination={false}
        dataSource={lines}
        data-testid="window-table"
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ 'data-window-code': row.code, className: 'rp-window-row' })}
        columns={[
          { title: m('windowCode'), dataIndex: 'code', width: 90, fixed: 'left' },
          { title: m('windowName'), dataIndex: 'name', width: 150, fixed: 'left' },
          ...windowColumns.map((c) => ({
            title:
              c.key === 'onTimeRate'
                ? m('onTimeRate')
                : c.key === 'windowCompletionRate'
                  ? m('windowCompletionRate')
                  : label(c.key),
            key: c.key,
            align: 'right' as const,
            render: (_: unknown, row: WindowLine) => {
              if (c.key === 'onTimeRate' || c.key === 'windowCompletionRate')
                return percent(windowValue(report, row.metrics, c.key));
              const key = c.key;
              if (windowValue(report, row.metrics, key) === null) return '—';
              const ink =
                key === 'red' ? levelInk.red : key === 'yellow' ? levelInk.yellow : undefined;
              return (
                <Count
                  name={`window-metric-${key}`}
                  size="small"
                  count={drillOf(row.metrics, key).count}
                  onOpen={() => open(key, row.metrics, row.name)}
                  {...(ink ? { ink } : {})}
                />
              );
            },
          })),
        ]}
      />
    </Section>
  );
}

export function ReportPage() {
  const m = useReportMessages();
  const { message } = App.useApp();
  const navigate = useRoute((s) => s.navigate);
  const filters = useReportFilters();
  const [loaded, setLoaded] = useState<State>({ state: 'loading' });
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const label = useLabel();
  const seq = useRef(0);
  const resolved = useRef(false);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    const { from, to, windowId, set } = useReportFilters.getState();
    setLoaded((l) => (l.state === 'ok' ? l : { state: 'loading' }));
    const r = from && to ? await loadReport(from, to, windowId) : await loadToday(windowId);
    if (mine !== seq.current) return; // a newer request's answer wins
    if (!r.ok) {
      setLoaded({ state: 'error', message: r.error.message });
      return;
    }
    if (!from || !to) {
      // the days of "today" now known: shown in the inputs, without asking for them again
      resolved.current = true;
      set({ from: r.value.from, to: r.value.to });
    }
    setLoaded({ state: 'ok', report: r.value, windowId });
  }, []);

  // first load, and again whenever the days or the window change
  useEffect(() => {
    if (resolved.current) resolved.current = false;
    else void load();
  }, [load, filters.from, filters.to, filters.windowId]);

  const report = loaded.state === 'ok' ? loaded.report : null;
  const windowId = loaded.state === 'ok' ? loaded.windowId : undefined;

  const open = (key: DrillKey, metrics?: Metrics, where?: string) => {
    if (!report) return;
    const d = drillOf(metrics ?? report.metrics, key);
    setDrill({
      key,
      label: where ? `${where} · ${label(key)}` : label(key),
      count: d.count,
      caseIds: d.caseIds,
      ...(d.tickets ? { tickets: d.tickets } : {}),
    });
  };

  const exportAs = async (kind: 'xlsx' | 'csv') => {
    if (!report) return;
    setBusy(kind);
    try {
      const name = exportFileName(report, kind, windowId);
      if (kind === 'xlsx') download(name, await reportXlsx(report, windowId), xlsxType);
      else download(name, reportCsv(report, windowId), csvType);
      void message.success(m('exported', { name }));
    } catch (e) {
      void message.error(
        m('exportFailed', { message: e instanceof Error ? e.message : String(e) }),
      );
    } finally {
      setBusy(null);
    }
  };

  const print = () => {
    if (!report) return;
    navigate({
      page: 'reportPrint',
      from: report.from,
      to: report.to,
      ...(windowId ? { windowId } : {}),
    });
  };

  return (
    <div className="rp-page" data-testid="report-page">
      <Card className="rp-head">
        <div className="rp-head-row">
          <div className="rp-head-title">
            <Typography.Text type="secondary" data-testid="report-center">
              {report?.centerName ?? ' '}
            </Typography.Text>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="report-title">
              {m('title')}
              {report && (
                <span className="rp-head-department">
                  {report.departmentName} ·{' '}
                  {windowId ? scopeLabel(report, windowId) : m('allWindows')}
                </span>
              )}
            </Typography.Title>
            {report && (
              <div className="rp-head-meta">
                <span data-testid="report-period">{m('period', { v: periodLabel(report) })}</span>
                <span data-testid="report-asof">{m('asOf', { v: asOfLabel(report.asOf) })}</span>
              </div>
            )}
          </div>
          <Space wrap>
            <Button
              disabled={!report}
              loading={busy === 'xlsx'}
              onClick={() => void exportAs('xlsx')}
            >
              {m('exportXlsx')}
            </Button>
            <Button
              disabled={!report}
              loading={busy === 'csv'}
              onClick={() => void exportAs('csv')}
            >
              {m('exportCsv')}
            </Button>
            <Button type="primary" disabled={!report} onClick={print}>
              {m('print')}
            </Button>
          </Space>
        </div>
        <div className="rp-controls" role="search">
          <label htmlFor="report-from">{m('from')}</label>
          <Input
            id="report-from"
            type="date"
            min={earliestTypedDay}
            max={latestTypedDay(shanghaiDate(Date.now()))}
            style={{ width: 160 }}
            value={filters.from ?? ''}
            onChange={(e) => e.target.value && filters.set({ from: e.target.value })}
          />
          <label htmlFor="report-to">{m('to')}</label>
          <Input
            id="report-to"
            type="date"
            min={earliestTypedDay}
            max={latestTypedDay(shanghaiDate(Date.now()))}
            style={{ width: 160 }}
            value={filters.to ?? ''}
            onChange={(e) => e.target.value && filters.set({ to: e.target.value })}
          />
          <label htmlFor="report-window">{m('window')}</label>
          <Select
            id="report-window"
            aria-label={m('window')}
            style={{ width: 220 }}
            value={filters.windowId ?? ''}
            onChange={(v: string) => filters.set({ windowId: v || undefined })}
            options={[
              { value: '', label: m('allWindows') },
              ...(report?.windows ?? []).map((w) => ({
                value: w.id,
                label: `${w.name}（${w.code}）`,
              })),
            ]}
          />
          <Button onClick={() => void load()}>{m('refresh')}</Button>
          <Button type="link" onClick={() => filters.set({ from: null, to: null })}>
            {m('today')}
          </Button>
        </div>
      </Card>

      {loaded.state === 'error' && (
        <Alert type="error" showIcon title={m('loadFailed', { message: loaded.message })} />
      )}
      {loaded.state === 'loading' && <Skeleton active paragraph={{ rows: 8 }} />}
      {report && (
        <>
          <Numbers report={report} open={open} m={m} />
          <WindowTable report={report} open={open} m={m} />
        </>
      )}
      <DrillDrawer target={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
