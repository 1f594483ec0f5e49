import { describe, expect, it } from 'vitest';
import { readWorkbook, reportSheetNames, summaryCell } from '../../tests/support/workbook';
import { apply, initialCaseState, type CaseEvent, type OpenCase } from '../case';
import { appealNotice } from '../case/appeal';
import {
  allMaterialsReceived,
  approval,
  caseScript,
  fixedCalendar,
  people,
  receivedPayload,
  sealOn,
} from '../case/test-fixtures';
import { reportRows, windowLines, type DailyReport } from './daily-report';
import { complaintMetrics } from './complaints';
import { authorization, computeMetrics, type ReportCase } from './metrics';
import { exportFileName, reportCsv, reportXlsx } from './workbook';

// Four cases of two windows received on Mon 3 March 2025, reported for 3–11 March and judged at
// 17:00 on Wed 12 March. Counted by hand: received 4, accepted 3 (A B D), refused 1 (C),
// completed 2 (A approved on time, D denied late: 50 %; 2 and 6 working days, 4.0 on average),
// B undecided past its promised Mon 10: red; A rated 不满意: one bad rating.

const { clerk, chief } = people;
const at = (iso: string) => ({ at: `2025-03-${iso}:00+08:00` });

function fold(events: CaseEvent[], windowId: string): ReportCase {
  return { state: events.reduce(apply, initialCaseState) as OpenCase, windowId };
}

const accepted = (e: ReturnType<typeof caseScript>, day: string) => [
  e('received', receivedPayload(), clerk, at(`${day}T09:00`)),
  e('materialsChecked', allMaterialsReceived, clerk, at(`${day}T09:10`)),
  e('accepted', {}, clerk, at(`${day}T09:20`)),
];

function cases(): ReportCase[] {
  const a = caseScript('A');
  const b = caseScript('B');
  const c = caseScript('C');
  const d = caseScript('D');
  return [
    // A (w-01): accepted Mon 3, approved and sealed Wed 5, delivered and rated 不满意 Thu 6
    fold(
      [
        ...accepted(a, '03'),
        a('decided', approval, chief, { ...at('05T10:00'), id: 'A-d' }),
        a('stamped', sealOn('A-d'), chief, at('05T11:00')),
        a('delivered', { method: 'window', recipient: '申请人甲' }, clerk, at('06T09:00')),
        a('rated', { score: 4 }, clerk, at('06T09:05')),
      ],
      'w-01',
    ),
    // B (w-01): accepted Mon 3, promised by Mon 10, still undecided: red on the 12th
    fold(accepted(b, '03'), 'w-01'),
    // C (w-02): refused at intake Mon 3
    fold(
      [
        c('received', receivedPayload(), clerk, at('03T11:00')),
        c(
          'refused',
          {
            ground: 'noLicenceNeeded',
            reasons: '无需许可',
            legalBasis: '《行政许可法》第三十二条',
          },
          clerk,
          at('03T11:10'),
        ),
      ],
      'w-02',
    ),
    // D (w-02): accepted Mon 3, denied and sealed Tue 11, after its promised Mon 10: overdue
    fold(
      [
        ...accepted(d, '03'),
        d(
          'decided',
          {
            outcome: 'deny',
            facts: '场所不符',
            reasons: '不具备条件',
            legalBasis: '《食品安全法》第三十五条',
            appealNotice: appealNotice(),
          },
          chief,
          { ...at('11T09:00'), id: 'D-d' },
        ),
        d('stamped', sealOn('D-d'), chief, at('11T10:00')),
      ],
      'w-02',
    ),
  ];
}

const windows = [
  { id: 'w-01', code: 'SCJ01', name: '市场监管一窗' },
  // a name with a comma and a quote: the CSV must quote it
  { id: 'w-02', code: 'SCJ02', name: '市场监管"二窗",综合' },
];

function report(): DailyReport {
  const scope = {
    from: '2025-03-03',
    to: '2025-03-11',
    asOf: '2025-03-12T17:00:00+08:00',
    departmentCode: 'SCJ',
  };
  const all = cases();
  const measure = (windowId?: string) =>
    computeMetrics(all, windowId ? { ...scope, windowId } : scope, () => fixedCalendar);
  const powers = ['accept', 'approve', 'coordinate', 'deliver', 'respond', 'certify'] as const;
  return {
    centerName: '示范区政务服务中心',
    departmentCode: 'SCJ',
    departmentName: '市场监督管理局',
    windows,
    from: scope.from,
    to: scope.to,
    asOf: scope.asOf,
    metrics: measure(),
    byWindow: windows.map((w) => ({ windowId: w.id, metrics: measure(w.id) })),
    authorization: authorization(
      'SCJ',
      ['SCJ-001', 'SCJ-002', 'SCJ-003', 'SCJ-004', 'SCJ-005'],
      ['SCJ-001', 'SCJ-002', 'SCJ-003', 'SCJ-004', 'SCJ-005'].map((itemCode) => ({
        windowId: 'w-01',
        itemCode,
        powers: itemCode === 'SCJ-003' ? powers.filter((p) => p !== 'approve') : powers,
      })),
    ),
    complaints: complaintMetrics(complaints, scope),
    complaintsFetchedAt: '2025-03-12T16:55:00.000+08:00',
    ratingsUnavailable: null,
  };
}

// Three complaints against the department: one closed in time as 属实, one closed late as 不属实,
// one open past its deadline on the 12th; one against another department, not counted.
const complaint = (id: string, departmentCode: string, received: string, due: string) => ({
  id,
  departmentCode,
  windowId: 'w-01',
  receivedAt: `2025-03-${received}T10:00:00+08:00`,
  dueAt: `2025-03-${due}T00:00:00+08:00`,
  closedAt: null as string | null,
  conclusion: null as string | null,
});
const complaints = [
  {
    ...complaint('k1', 'SCJ', '03', '12'),
    closedAt: '2025-03-05T15:00:00+08:00',
    conclusion: '属实',
  },
  {
    ...complaint('k2', 'SCJ', '03', '12'),
    closedAt: '2025-03-11T09:00:00+08:00',
    conclusion: '不属实',
  },
  complaint('k3', 'SCJ', '04', '12'),
  complaint('k4', 'ZJ', '04', '12'),
];

const value = (r: DailyReport, label: string) =>
  reportRows(r).find((row) => row.label === label)?.value;

describe('the report rows', () => {
  it('carry the hand-counted numbers', () => {
    const r = report();
    expect(value(r, '服务中心')).toBe('示范区政务服务中心');
    expect(value(r, '统计期间')).toBe('2025-03-03 至 2025-03-11');
    expect(value(r, '统计时点')).toBe('2025-03-12 17:00');
    expect(value(r, '收件')).toBe(4);
    expect(value(r, '受理')).toBe(3);
    expect(value(r, '不予受理')).toBe(1);
    expect(value(r, '办结')).toBe(2);
    expect(value(r, '准予许可')).toBe(1);
    expect(value(r, '不予许可')).toBe(1);
    expect(value(r, '按时办结')).toBe(1);
    expect(value(r, '超期办结')).toBe(1);
    expect(value(r, '按时办结率')).toBe(0.5);
    expect(value(r, '窗口办结率')).toBe(1);
    expect(value(r, '红牌')).toBe(1);
    expect(value(r, '不满意')).toBe(1);
    expect(value(r, '差评')).toBe(1);
    expect(value(r, '承诺件')).toBe(4);
    expect(value(r, '审批权')).toBe(0.8);
    expect(value(r, '授权达标')).toBe('是');
    // half on time: not 双百
    expect(value(r, '是否达到“双百”')).toBe('否');
    expect(value(r, '收到投诉')).toBe(3);
    expect(value(r, '办结投诉')).toBe(2);
    // k2 closed at 09:00 of its last day (due the 11th, 24:00): on time; k3's passed that midnight
    expect(value(r, '按期办结')).toBe(2);
    expect(value(r, '逾期未办结')).toBe(1);
    expect(value(r, '属实（含部分属实）')).toBe(1);
    expect(value(r, '投诉数据取自中心')).toBe('2025-03-12 16:55');
    const [one, two] = windowLines(r);
    expect(one?.metrics.received.count).toBe(2);
    expect(two?.metrics.refusedAtIntake.count).toBe(1);
  });

  it('names the file by the department and the period', () => {
    expect(exportFileName(report(), 'xlsx')).toBe(
      '办件统计-市场监督管理局-2025-03-03至2025-03-11.xlsx',
    );
    expect(exportFileName({ ...report(), to: '2025-03-03' }, 'csv', 'w-01')).toBe(
      '办件统计-市场监督管理局-市场监管一窗-2025-03-03.csv',
    );
  });
});

describe('the CSV', () => {
  const csv = reportCsv(report());
  const lines = csv.slice(1).split('\r\n');

  it('is UTF-8 with a byte order mark, CRLF lines and Chinese headings', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(lines[0]).toBe('分类,指标,数值');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('has the values, rates as percent with one decimal', () => {
    expect(lines).toContain('收件受理,收件,4');
    expect(lines).toContain('收件受理,不予受理,1');
    expect(lines).toContain('办结,按时办结率,50.0%');
    expect(lines).toContain('办结,平均办结工作日,4.0');
    expect(lines).toContain('在办,红牌,1');
    expect(lines).toContain('好差评,差评,1');
    expect(lines).toContain('授权率,审批权,80.0%');
    expect(lines).toContain('分窗口·市场监管一窗（SCJ01）,收件,2');
  });

  it('quotes a field with a comma or a quote, doubling the quote', () => {
    expect(lines).toContain('"分窗口·市场监管""二窗"",综合（SCJ02）",不予受理,1');
  });

  it('lists 代录 and 申诉剔除 apart from the levels', () => {
    expect(lines).toContain('好差评,代录（另计）,0');
    expect(lines).toContain('好差评,申诉剔除,0');
    expect(lines).toContain('好差评,其中旧版录入,1');
  });

  it('says the center could not be asked instead of a zero, in the rows, the CSV and the workbook', async () => {
    const offline = { ...report(), ratingsUnavailable: '好差评数据来自中心，当前无法连接中心' };
    const rows = reportRows(offline).filter((r) => r.section === '好差评');
    expect(rows).toEqual([
      { section: '好差评', label: '好差评', value: offline.ratingsUnavailable, format: 'text' },
    ]);
    const text = reportCsv(offline);
    expect(text).toContain('好差评,好差评,好差评数据来自中心，当前无法连接中心\r\n');
    expect(text).not.toContain('好差评,差评');
    expect(text).toContain('分窗口·市场监管一窗（SCJ01）,差评,—\r\n');
    const book = await readWorkbook(await reportXlsx(offline));
    const sheet = book.getWorksheet('好差评')!;
    expect(sheet.getRow(2).getCell(1).value).toBe(offline.ratingsUnavailable);
    expect(sheet.rowCount).toBe(2);
  });

  it("writes '—' for a rate with nothing to divide", () => {
    const r = report();
    const empty = reportCsv({ ...r, metrics: { ...r.metrics, onTimeRate: null } });
    expect(empty).toContain('办结,按时办结率,—\r\n');
  });
});

describe('the workbook', () => {
  it('has one sheet per view, a frozen bold Chinese header, the values and their formats', async () => {
    const buffer = await reportXlsx(report());
    expect(buffer).toBeInstanceOf(ArrayBuffer);
    const book = await readWorkbook(buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(reportSheetNames);
    for (const ws of book.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.getColumn(1).width).toBeGreaterThan(8);
    }

    const summary = book.getWorksheet('汇总')!;
    expect(summary.getRow(1).values).toEqual([undefined, '分类', '指标', '数值']);
    const row = (label: string) => summaryCell(book, label);
    expect(row('收件').value).toBe(4);
    expect(row('收件').numFmt).toBe('0');
    expect(row('办结').value).toBe(2);
    expect(row('红牌').value).toBe(1);
    expect(row('按时办结率').value).toBe(0.5);
    expect(row('按时办结率').numFmt).toBe('0.0%');
    expect(row('窗口办结率').numFmt).toBe('0.0%');
    expect(row('部门').value).toBe('市场监督管理局');

    const byWindow = book.getWorksheet('分窗口')!;
    expect(byWindow.getRow(1).getCell(1).value).toBe('窗口编号');
    expect(byWindow.getRow(1).getCell(3).value).toBe('收件');
    expect(byWindow.getRow(2).getCell(2).value).toBe('市场监管一窗');
    expect(byWindow.getRow(2).getCell(3).value).toBe(2);
    expect(byWindow.getRow(3).getCell(2).value).toBe('市场监管"二窗",综合');
    const rateColumn = (byWindow.getRow(1).values as unknown[]).indexOf('按时办结率');
    // window 2 completed D late: 0 %, formatted
    expect(byWindow.getRow(3).getCell(rateColumn).value).toBe(0);
    expect(byWindow.getRow(3).getCell(rateColumn).numFmt).toBe('0.0%');

    const kinds = book.getWorksheet('七件')!;
    expect(kinds.getRow(1).values).toEqual([undefined, '件别', '件数']);
    expect(kinds.getRow(3).values).toEqual([undefined, '承诺件', 4]);

    const ratings = book.getWorksheet('好差评')!;
    expect(ratings.getRow(5).values).toEqual([undefined, '不满意', 1]);
    expect(ratings.getRow(7).values).toEqual([undefined, '差评', 1]);

    const auth = book.getWorksheet('授权率')!;
    expect(auth.getRow(1).values).toEqual([undefined, '权限', '授权率', '要求', '是否达标']);
    expect(auth.getRow(3).getCell(1).value).toBe('审批权');
    expect(auth.getRow(3).getCell(2).value).toBe(0.8);
    expect(auth.getRow(3).getCell(2).numFmt).toBe('0.0%');
    expect(auth.getRow(3).getCell(4).value).toBe('是');
  });
});
