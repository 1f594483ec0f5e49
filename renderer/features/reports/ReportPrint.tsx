import { useEffect, useState } from 'react';
import {
  asOfLabel,
  percent,
  periodLabel,
  reportRows,
  scopeLabel,
  windowColumns,
  windowLines,
  windowValue,
  type DailyReport,
  type ReportRow,
} from '../../../shared/reports/daily-report';
import { exportFileName } from '../../../shared/reports/workbook';
import { A4Document } from '../documents/A4Document';
import { Desk, Status, type Loaded } from '../documents/Desk';
import { loadReport } from './load';
import './reports.css';

function valueText(r: ReportRow): string {
  if (r.format === 'rate') return percent(r.value as number | null);
  if (r.format === 'days') return r.value === null ? '—' : (r.value as number).toFixed(1);
  return r.value === null ? '—' : String(r.value);
}

const perLine = 3;

/** The numbers in sections, three label/value pairs a line, so the sheet holds them all. */
function NumbersTable({ report, windowId }: { report: DailyReport; windowId?: string }) {
  const rows = reportRows(report, windowId).filter((r) => r.section !== '报表信息');
  const sections = [...new Set(rows.map((r) => r.section))];
  return (
    <table className="a4-table rp-print-table" data-testid="report-print-numbers">
      <colgroup>
        <col style={{ width: '11%' }} />
        {Array.from({ length: perLine }, (_, j) => [
          <col key={`l${j}`} style={{ width: '18.5%' }} />,
          <col key={`v${j}`} style={{ width: '11.1%' }} />,
        ])}
      </colgroup>
      <tbody>
        {sections.flatMap((section) => {
          const items = rows.filter((r) => r.section === section);
          const lines: ReportRow[][] = [];
          for (let i = 0; i < items.length; i += perLine) lines.push(items.slice(i, i + perLine));
          return lines.map((line, i) => (
            <tr key={`${section}-${i}`}>
              {i === 0 && (
                <td className="rp-print-section" rowSpan={lines.length}>
                  {section}
                </td>
              )}
              {line.length === 1 && line[0]?.format === 'text'
                ? // a sentence alone on its line (好差评 without the center) takes the whole line:
                  // in one value cell it wraps into a column that pushes the sheet onto a second
                  [
                    <td key="l" className="rp-print-label">
                      {line[0].label}
                    </td>,
                    <td key="v" className="rp-print-sentence" colSpan={perLine * 2 - 1}>
                      {valueText(line[0])}
                    </td>,
                  ]
                : Array.from({ length: perLine }, (_, j) => {
                    const r = line[j];
                    return r ? (
                      [
                        <td key={`l${j}`} className="rp-print-label">
                          {r.label}
                        </td>,
                        <td key={`v${j}`} className="rp-print-value">
                          {valueText(r)}
                        </td>,
                      ]
                    ) : (
                      <td key={`e${j}`} colSpan={2} />
                    );
                  })}
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}

function WindowsTable({ report }: { report: DailyReport }) {
  const rate = (k: string) => k === 'onTimeRate' || k === 'windowCompletionRate';
  const cells = (metrics: DailyReport['metrics']) =>
    windowColumns.map((c) => {
      const v = windowValue(report, metrics, c.key);
      return <td key={c.key}>{rate(c.key) ? percent(v) : (v ?? '—')}</td>;
    });
  return (
    <table className="a4-table rp-print-windows" data-testid="report-print-windows">
      <thead>
        <tr>
          <th>窗口</th>
          {windowColumns.map((c) => (
            <th key={c.key}>{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {windowLines(report).map((w) => (
          <tr key={w.windowId}>
            <td>
              {w.name}
              <br />
              {w.code}
            </td>
            {cells(w.metrics)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 办件统计日报表 on one A4 sheet: the center's letterhead, the numbers, the windows, signatures. */
export function ReportSheet({ report, windowId }: { report: DailyReport; windowId?: string }) {
  return (
    <A4Document
      centerName={report.centerName}
      title="办件统计日报表"
      subtitle={`${report.departmentName}　${scopeLabel(report, windowId)}`}
      reference={`统计期间：${periodLabel(report)}　统计时点：${asOfLabel(report.asOf)}`}
    >
      <h3>一、主要指标</h3>
      <NumbersTable report={report} {...(windowId ? { windowId } : {})} />
      <h3>二、分窗口统计</h3>
      <WindowsTable report={report} />
      <div className="rp-print-signatures" data-testid="report-print-signatures">
        <div>
          制表人：
          <span />
        </div>
        <div>
          审核人：
          <span />
        </div>
        <div>
          日期：
          <span />
        </div>
      </div>
      <div className="a4-footnote">
        {
          '本表据各窗口办件过程记录自动生成：办结以首次盖章为准；按时办结率 = 按时办结 / 办结；窗口办结率 = 窗口办结（非报批件）/ 办结；在办按统计时点的办理时限分级（正常、预警、黄牌、红牌）。'
        }
      </div>
    </A4Document>
  );
}

/** The printable report: the grey desk with its toolbar (never on paper) around the sheet. */
export function ReportPrint({
  from,
  to,
  windowId,
}: {
  from: string;
  to: string;
  windowId?: string;
}) {
  const [loaded, setLoaded] = useState<Loaded<DailyReport>>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    void loadReport(from, to, windowId).then((r) => {
      if (!live) return;
      setLoaded(
        r.ok ? { state: 'ok', value: r.value } : { state: 'error', message: r.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, [from, to, windowId]);

  return (
    <Desk
      shows={`report/${from}/${to}/${windowId ?? ''}`}
      loaded={loaded.state === 'ok'}
      pdfName={
        loaded.state === 'ok'
          ? exportFileName(loaded.value, 'csv', windowId).replace(/\.csv$/, '')
          : '办件统计'
      }
      request={{ kind: 'report' }}
    >
      <Status
        loaded={loaded}
        render={(report) => <ReportSheet report={report} {...(windowId ? { windowId } : {})} />}
      />
    </Desk>
  );
}
