import type * as Excel from 'exceljs';
import type { Workbook, Worksheet } from 'exceljs';
import { powerLabels } from '../catalog';
import { caseKindLabels, caseKinds, meetsDoubleHundred } from './metrics';
import {
  days,
  drillLabels,
  drillOf,
  percent,
  periodLabel,
  powerMet,
  powerOrder,
  powerTarget,
  ratingKeys,
  reportRows,
  windowColumns,
  windowLines,
  windowValue,
  type DailyReport,
  type ReportRow,
} from './daily-report';

// The daily report as files: a CSV Excel opens as Chinese and a workbook with one sheet per
// view. One builder for both programs that write them: the renderer's download and the main
// process's scheduled report into a folder, so the two files of a day never differ.

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
      const value = windowValue(report, w.metrics, c.key);
      const isRate = c.key === 'onTimeRate' || c.key === 'windowCompletionRate';
      rows.push([
        `分窗口·${w.name}（${w.code}）`,
        c.label,
        isRate ? percent(value) : cellText(value, 'count'),
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
      put(byWindow, i + 2, j + 3, windowValue(report, w.metrics, c.key), rate ? 'rate' : 'count');
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
  if (report.ratingsUnavailable === null) {
    ratingKeys.forEach((k, i) => {
      ratings.getCell(i + 2, 1).value = drillLabels[k];
      put(ratings, i + 2, 2, drillOf(m, k).count, 'count');
    });
  } else {
    // never a silent zero: the terminal could not ask the center, and the sheet says so
    ratings.getCell(2, 1).value = report.ratingsUnavailable;
  }

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
