import type * as Excel from 'exceljs';
import type { Workbook, Worksheet } from 'exceljs';
import type { CallOutput } from '../../../shared/api';
import type { Level } from '../../../shared/calendar';
import { ratingLabels } from '../../../shared/case';
import { powerLabels, type Power } from '../../../shared/catalog';
import {
  caseKindLabels,
  caseKinds,
  meetsDoubleHundred,
  type CaseKind,
  type Drill,
  type Metrics,
} from '../../../shared/reports';

// The daily report as an office keeps it: rows of label and value, a CSV Excel opens as Chinese
// and a workbook with one sheet per view. Pure functions of the report the terminal answered,
// so the file says exactly what the screen says. Official paper: the words stay Chinese.

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
  | `rating-${1 | 2 | 3 | 4 | 5}`
  | 'badRatings';

export const levels: readonly Level[] = ['normal', 'warning', 'yellow', 'red'];
export const scores = [1, 2, 3, 4, 5] as const;
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
    scores.map((s) => [`rating-${s}`, ratingLabels[s] ?? String(s)]),
  ) as Record<`rating-${1 | 2 | 3 | 4 | 5}`, string>),
  badRatings: '差评',
};

/** The cases behind one number of `metrics`. */
export function drillOf(metrics: Metrics, key: DrillKey): Drill {
  if (key.startsWith('kind-')) return metrics.kinds[key.slice(5) as CaseKind];
  if (key.startsWith('rating-')) return metrics.ratings[Number(key.slice(7)) as 1 | 2 | 3 | 4 | 5];
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
    ...countRows('好差评', m, [...scores.map((s) => `rating-${s}` as const), 'badRatings']),
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

export function windowValue(
  metrics: Metrics,
  key: (typeof windowColumns)[number]['key'],
): number | null {
  if (key === 'onTimeRate' || key === 'windowCompletionRate') return metrics[key];
  return drillOf(metrics, key).count;
}

function cellText(value: ReportRow['value'], format: ReportRow['format']): string {
  if (format === 'rate') return percent(value as number | null);
  if (format === 'days') return days(value as number | null);
  return value === null ? '—' : String(value);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * 分类,指标,数值 — the summary and then each window's numbers, one table Excel opens as
 * Chinese: UTF-8 with a byte order mark, CRLF, fields quoted when they hold , " or a newline.
 */
export function reportCsv(report: DailyReport, windowId?: string): string {
  const rows: string[][] = [['分类', '指标', '数值']];
  for (const r of reportRows(report, windowId))
    rows.push([r.section, r.label, cellText(r.value, r.format)]);
  for (const w of windowLines(report)) {
    for (const c of windowColumns) {
      const value = windowValue(w.metrics, c.key);
      const isRate = c.key === 'onTimeRate' || c.key === 'windowCompletionRate';
      rows.push([
        `分窗口·${w.name}（${w.code}）`,
        c.label,
        isRate ? percent(value) : String(value),
      ]);
    }
  }
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const countFormat = '0';
const rateFormat = '0.0%';
const daysFormat = '0.0';

function sheet(
  book: Workbook,
  name: string,
  columns: { header: string; width: number }[],
): Worksheet {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F3F5' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9CA3AF' } } };
  });
  return ws;
}

/** A value into its cell with the number format of its kind; '—' stays text. */
function put(
  ws: Worksheet,
  row: number,
  col: number,
  value: number | string | null,
  format: ReportRow['format'],
) {
  const cell = ws.getCell(row, col);
  if (value === null) {
    cell.value = '—';
    cell.alignment = { horizontal: 'right' };
    return;
  }
  cell.value = value;
  if (format === 'count') cell.numFmt = countFormat;
  else if (format === 'rate') cell.numFmt = rateFormat;
  else if (format === 'days') cell.numFmt = daysFormat;
}

type ExcelModule = typeof Excel;

/** exceljs is large: the browser loads it when a workbook is first asked for. */
async function loadExcel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return mod.default ?? mod;
}

/**
 * The workbook: 汇总 (the numbers), 分窗口, 七件, 好差评, 授权率 — each with a frozen bold
 * header row, Chinese headings, widths, and the formats 0 for counts and 0.0% for rates.
 */
export async function reportXlsx(report: DailyReport, windowId?: string): Promise<ArrayBuffer> {
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  book.creator = report.centerName;
  book.title = `办件统计日报表 ${report.departmentName} ${periodLabel(report)}`;
  book.created = new Date(report.asOf);
  const m = report.metrics;

  const summary = sheet(book, '汇总', [
    { header: '分类', width: 14 },
    { header: '指标', width: 22 },
    { header: '数值', width: 30 },
  ]);
  reportRows(report, windowId).forEach((r, i) => {
    summary.getCell(i + 2, 1).value = r.section;
    summary.getCell(i + 2, 2).value = r.label;
    put(summary, i + 2, 3, r.value, r.format);
  });

  const byWindow = sheet(book, '分窗口', [
    { header: '窗口编号', width: 12 },
    { header: '窗口名称', width: 20 },
    ...windowColumns.map((c) => ({ header: c.label, width: Math.max(10, c.label.length * 2 + 4) })),
  ]);
  windowLines(report).forEach((w, i) => {
    byWindow.getCell(i + 2, 1).value = w.code;
    byWindow.getCell(i + 2, 2).value = w.name;
    windowColumns.forEach((c, j) => {
      const rate = c.key === 'onTimeRate' || c.key === 'windowCompletionRate';
      put(byWindow, i + 2, j + 3, windowValue(w.metrics, c.key), rate ? 'rate' : 'count');
    });
  });

  const kinds = sheet(book, '七件', [
    { header: '件别', width: 14 },
    { header: '件数', width: 10 },
  ]);
  caseKinds.forEach((k, i) => {
    kinds.getCell(i + 2, 1).value = caseKindLabels[k];
    put(kinds, i + 2, 2, m.kinds[k].count, 'count');
  });

  const ratings = sheet(book, '好差评', [
    { header: '评价', width: 14 },
    { header: '件数', width: 10 },
  ]);
  [...scores.map((s) => `rating-${s}` as const), 'badRatings' as const].forEach((k, i) => {
    ratings.getCell(i + 2, 1).value = drillLabels[k];
    put(ratings, i + 2, 2, drillOf(m, k).count, 'count');
  });

  const auth = sheet(book, '授权率', [
    { header: '权限', width: 14 },
    { header: '授权率', width: 10 },
    { header: '要求', width: 10 },
    { header: '是否达标', width: 10 },
  ]);
  powerOrder.forEach((p, i) => {
    auth.getCell(i + 2, 1).value = `${powerLabels[p]}权`;
    put(auth, i + 2, 2, report.authorization.rates[p], 'rate');
    put(auth, i + 2, 3, powerTarget(p), 'rate');
    auth.getCell(i + 2, 4).value = powerMet(report, p) ? '是' : '否';
  });
  const after = powerOrder.length + 2;
  auth.getCell(after, 1).value = '授权达标';
  auth.getCell(after, 4).value = report.authorization.met ? '是' : '否';
  auth.getCell(after + 1, 1).value = '是否达到“双百”';
  auth.getCell(after + 1, 4).value = meetsDoubleHundred(report.authorization, m) ? '是' : '否';

  // node answers a Buffer, the browser build an ArrayBuffer or a view: hand back the bytes alone
  const out = (await book.xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
  if (out instanceof ArrayBuffer) return out;
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
}

/** 办件统计-市场监督管理局-2026-03-02.xlsx; a range and a window filter are in the name too. */
export function exportFileName(report: DailyReport, ext: 'xlsx' | 'csv', windowId?: string) {
  const period = report.from === report.to ? report.from : `${report.from}至${report.to}`;
  const w = windowId ? report.windows.find((x) => x.id === windowId) : undefined;
  return `办件统计-${report.departmentName}${w ? `-${w.name}` : ''}-${period}.${ext}`;
}
