import type { CallOutput } from '../api';
import type { Level } from '../calendar';
import { ratingLabels } from '../case';
import { powerLabels, type Power } from '../catalog';
import type { ComplaintMetrics } from './complaints';
import {
  caseKindLabels,
  caseKinds,
  meetsDoubleHundred,
  type CaseKind,
  ratingLevels,
  type Drill,
  type Metrics,
  type RatingLevel,
} from './metrics';

// The daily report as an office keeps it: rows of label and value, per window and per view, as
// the screen, the printed A4 and the exported files (workbook.ts) all show it. Pure functions of
// the report the terminal answered, so every one of them says the same. Official paper: the
// words stay Chinese.

export type DailyReport = CallOutput<'reports.metrics'>;

/** Every number of the report that has cases behind it, by the name its tile is tested with. */
export type DrillKey =
  | 'received'
  | 'accepted'
  | 'refusedAtIntake'
  | 'noticesIssued'
  | 'deemedAccepted'
  | 'completed'
  | 'approved'
  | 'denied'
  | 'completedOnTime'
  | 'completedOverdue'
  | 'open'
  | Level
  | 'paused'
  | 'extended'
  | `kind-${CaseKind}`
  | `rating-${RatingLevel}`
  | RatingDrillKey;

/** The 好差评 numbers beside the levels, each a Drill of `Metrics`. */
export type RatingDrillKey = 'badRatings' | 'legacyRatings' | 'paperRatings' | 'appealedAway';
const ratingDrillKeys: readonly RatingDrillKey[] = [
  'badRatings',
  'legacyRatings',
  'paperRatings',
  'appealedAway',
];

/** Every 好差评 number, in the order the report lists them. */
export const ratingKeys: readonly DrillKey[] = [
  ...ratingLevels.map((s) => `rating-${s}` as const),
  ...ratingDrillKeys,
];

/** What the terminal's report says instead of 好差评 numbers it could not get from the center. */
export const ratingsUnreachable = '好差评数据来自中心，当前无法连接中心';

export const levels: readonly Level[] = ['normal', 'warning', 'yellow', 'red'];
/** The order the authorization block lists the powers in, as the reform plan names them. */
export const powerOrder: readonly Power[] = [
  'accept',
  'approve',
  'coordinate',
  'deliver',
  'respond',
  'certify',
];
/** 审批 and 制证 need 80 %; the others all 100 %. */
export const powerTarget = (p: Power): number => (p === 'approve' || p === 'certify' ? 0.8 : 1);

const levelLabels: Readonly<Record<Level, string>> = {
  normal: '正常',
  warning: '预警',
  yellow: '黄牌',
  red: '红牌',
};

export const drillLabels: Readonly<Record<DrillKey, string>> = {
  received: '收件',
  accepted: '受理',
  refusedAtIntake: '不予受理',
  noticesIssued: '一次性告知',
  deemedAccepted: '视为受理',
  completed: '办结',
  approved: '准予许可',
  denied: '不予许可',
  completedOnTime: '按时办结',
  completedOverdue: '超期办结',
  open: '在办',
  normal: levelLabels.normal,
  warning: levelLabels.warning,
  yellow: levelLabels.yellow,
  red: levelLabels.red,
  paused: '暂停计时',
  extended: '延期',
  ...(Object.fromEntries(caseKinds.map((k) => [`kind-${k}`, caseKindLabels[k]])) as Record<
    `kind-${CaseKind}`,
    string
  >),
  ...(Object.fromEntries(
    ratingLevels.map((s) => [`rating-${s}`, ratingLabels[s] ?? String(s)]),
  ) as Record<`rating-${RatingLevel}`, string>),
  badRatings: '差评',
  legacyRatings: '其中旧版录入',
  paperRatings: '代录（另计）',
  appealedAway: '申诉剔除',
};

/** The cases behind one number of `metrics`. */
export function drillOf(metrics: Metrics, key: DrillKey): Drill {
  if (key.startsWith('kind-')) return metrics.kinds[key.slice(5) as CaseKind];
  if (key.startsWith('rating-')) return metrics.ratings[Number(key.slice(7)) as RatingLevel];
  if (key === 'open') {
    const all = levels.map((l) => metrics.openByLevel[l]);
    return {
      count: all.reduce((n, d) => n + d.count, 0),
      caseIds: all.flatMap((d) => d.caseIds),
    };
  }
  if ((levels as readonly string[]).includes(key)) return metrics.openByLevel[key as Level];
  return metrics[key as Exclude<DrillKey, Level | 'open' | `kind-${string}` | `rating-${string}`>];
}

/** 66.7% — one decimal; '—' when there was nothing to divide. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function days(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}

export type ReportRow = {
  section: string;
  label: string;
  value: number | string | null;
  format: 'count' | 'rate' | 'days' | 'text';
};

/** The window the report was filtered to, or 全部窗口. */
export function scopeLabel(report: DailyReport, windowId?: string): string {
  const w = windowId ? report.windows.find((x) => x.id === windowId) : undefined;
  return w ? `${w.name}（${w.code}）` : '全部窗口';
}

export function periodLabel(report: Pick<DailyReport, 'from' | 'to'>): string {
  return report.from === report.to ? report.from : `${report.from} 至 ${report.to}`;
}

/** '2026-03-02 16:00' from the terminal's Beijing time. */
export function asOfLabel(asOf: string): string {
  return asOf.slice(0, 16).replace('T', ' ');
}

function countRows(section: string, metrics: Metrics, keys: readonly DrillKey[]): ReportRow[] {
  return keys.map((k) => ({
    section,
    label: drillLabels[k],
    value: drillOf(metrics, k).count,
    format: 'count',
  }));
}

/** Whether each power reaches its share of the department's items. */
export function powerMet(report: DailyReport, p: Power): boolean {
  const r = report.authorization.rates[p];
  return r !== null && r >= powerTarget(p);
}

/** 公众投诉's numbers, in the order the report lists them. */
export const complaintLabels: Readonly<Record<keyof ComplaintMetrics, string>> = {
  received: '收到投诉',
  closed: '办结投诉',
  closedOnTime: '按期办结',
  overdueOpen: '逾期未办结',
  substantiated: '属实（含部分属实）',
};

function complaintRows(report: DailyReport): ReportRow[] {
  const section = '公众投诉';
  return [
    ...(Object.keys(complaintLabels) as (keyof ComplaintMetrics)[]).map((k): ReportRow => ({
      section,
      label: complaintLabels[k],
      value: report.complaints[k].count,
      format: 'count',
    })),
    {
      section,
      label: '投诉数据取自中心',
      value: report.complaintsFetchedAt ? asOfLabel(report.complaintsFetchedAt) : '尚未取得',
      format: 'text',
    },
  ];
}

/** The report as rows of 分类 / 指标 / 数值: the summary sheet, the CSV, the printed table. */
export function reportRows(report: DailyReport, windowId?: string): ReportRow[] {
  const m = report.metrics;
  const info = (label: string, value: string): ReportRow => ({
    section: '报表信息',
    label,
    value,
    format: 'text',
  });
  return [
    info('服务中心', report.centerName),
    info('部门', report.departmentName),
    info('窗口', scopeLabel(report, windowId)),
    info('统计期间', periodLabel(report)),
    info('统计时点', asOfLabel(report.asOf)),
    ...countRows('收件受理', m, [
      'received',
      'accepted',
      'refusedAtIntake',
      'noticesIssued',
      'deemedAccepted',
    ]),
    ...countRows('办结', m, [
      'completed',
      'approved',
      'denied',
      'completedOnTime',
      'completedOverdue',
    ]),
    { section: '办结', label: '按时办结率', value: m.onTimeRate, format: 'rate' },
    { section: '办结', label: '窗口办结率', value: m.windowCompletionRate, format: 'rate' },
    {
      section: '办结',
      label: '平均办结工作日',
      value: m.averageWorkingDaysToDecision,
      format: 'days',
    },
    ...countRows('在办', m, ['open', ...levels, 'paused', 'extended']),
    ...countRows(
      '七件',
      m,
      caseKinds.map((k) => `kind-${k}` as const),
    ),
    ...(report.ratingsUnavailable === null
      ? countRows('好差评', m, ratingKeys)
      : [
          {
            section: '好差评',
            label: '好差评',
            value: report.ratingsUnavailable,
            format: 'text' as const,
          },
        ]),
    ...powerOrder.map((p): ReportRow => ({
      section: '授权率',
      label: `${powerLabels[p]}权`,
      value: report.authorization.rates[p],
      format: 'rate',
    })),
    {
      section: '授权率',
      label: '授权达标',
      value: report.authorization.met ? '是' : '否',
      format: 'text',
    },
    ...complaintRows(report),
    {
      section: '双百',
      label: '是否达到“双百”',
      value: meetsDoubleHundred(report.authorization, m) ? '是' : '否',
      format: 'text',
    },
  ];
}

/** The per-window table's columns: the main numbers of each window of the department. */
export const windowColumns: readonly {
  key: DrillKey | 'onTimeRate' | 'windowCompletionRate';
  label: string;
}[] = [
  { key: 'received', label: '收件' },
  { key: 'accepted', label: '受理' },
  { key: 'refusedAtIntake', label: '不予受理' },
  { key: 'noticesIssued', label: '一次性告知' },
  { key: 'completed', label: '办结' },
  { key: 'completedOnTime', label: '按时办结' },
  { key: 'completedOverdue', label: '超期办结' },
  { key: 'onTimeRate', label: '按时办结率' },
  { key: 'windowCompletionRate', label: '窗口办结率' },
  { key: 'open', label: '在办' },
  { key: 'yellow', label: '黄牌' },
  { key: 'red', label: '红牌' },
  { key: 'badRatings', label: '差评' },
];

export type WindowLine = {
  windowId: string;
  code: string;
  name: string;
  metrics: Metrics;
};

export function windowLines(report: DailyReport): WindowLine[] {
  return report.byWindow.map((b) => {
    const w = report.windows.find((x) => x.id === b.windowId);
    return {
      windowId: b.windowId,
      code: w?.code ?? '',
      name: w?.name ?? b.windowId,
      metrics: b.metrics,
    };
  });
}

/** A window's number of the table; null where there is none (a rate of nothing, 好差评 offline). */
export function windowValue(
  report: Pick<DailyReport, 'ratingsUnavailable'>,
  metrics: Metrics,
  key: (typeof windowColumns)[number]['key'],
): number | null {
  if (key === 'onTimeRate' || key === 'windowCompletionRate') return metrics[key];
  if (key === 'badRatings' && report.ratingsUnavailable !== null) return null;
  return drillOf(metrics, key).count;
}
