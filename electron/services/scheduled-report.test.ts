import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DailyReport } from '../../shared/reports/daily-report';
import { reportCsv } from '../../shared/reports/workbook';
import { personApplicant } from '../../tests/support/applicants';
import { page } from '../../tests/support/sync';
import { acceptComplete, attempt, call } from '../../tests/support/terminal-api';
import { tempTerminal } from '../../tests/support/terminal';
import { readWorkbook, reportSheetNames, summaryCell } from '../../tests/support/workbook';
import { applyPullPage } from '../sync/pull';
import { checkScheduledReport } from './scheduled-report';
import type { Terminal } from './context';
import { openTerminal } from './terminal';

// The manager's scheduled daily report on a real SQLite terminal with the demo data, writing
// into real temporary folders, with a clock the test moves: Monday 2 March 2026.

const day = '2026-03-02';
const xlsxName = `办件日报-市场监督管理局-${day}.xlsx`;
const csvName = `办件日报-市场监督管理局-${day}.csv`;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'onewindow-daily-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function signIn(t: Terminal, role: string): Promise<string> {
  const a = t.demoAccounts.find((x) => x.role === role)!;
  return (await call(t, null, 'auth.login', { username: a.username, password: a.password }))
    .token as string;
}

/** A demo terminal whose checks run only when the test asks; one case received at 09:00. */
async function terminal(start = `${day}T09:00:00+08:00`) {
  let now = new Date(start);
  const opened = tempTerminal(() => now, { sync: false, reportCheck: false });
  cleanups.push(opened.cleanup);
  const t = opened.terminal;
  const clerk = await signIn(t, 'clerk');
  const { caseId } = await call(t, clerk, 'cases.receive', {
    itemCode: 'SJ-002',
    applicant: personApplicant(1),
    channel: 'window',
  });
  await acceptComplete(t, clerk, caseId, 'SJ-002');
  const manager = await signIn(t, 'manager');
  return { t, manager, setNow: (iso: string) => (now = new Date(iso)) };
}

const at = (time: string) => `${day}T${time}:00+08:00`;

describe('the scheduled daily report', () => {
  it("writes today's report once, at the set time, as the files the report page exports", async () => {
    const { t, manager, setNow } = await terminal();
    const folder = tempFolder();
    const set = await call(t, manager, 'reports.schedule.set', {
      enabled: true,
      folder,
      time: '17:30',
    });
    expect(set).toMatchObject({ enabled: true, folder, time: '17:30', lastWrittenOn: null });

    setNow(at('17:29'));
    expect(await checkScheduledReport(t)).toMatchObject({ written: null, error: null });
    expect(readdirSync(folder)).toEqual([]);

    setNow(at('17:30'));
    expect(await checkScheduledReport(t)).toMatchObject({ written: [xlsxName, csvName] });
    // the two files and nothing else: no temporary file left behind
    expect(readdirSync(folder).sort()).toEqual([csvName, xlsxName].sort());

    const book = await readWorkbook(join(folder, xlsxName));
    expect(book.worksheets.map((w) => w.name)).toEqual(reportSheetNames);
    const value = (label: string) => summaryCell(book, label).value;
    expect(value('部门')).toBe('市场监督管理局');
    expect(value('统计期间')).toBe(day);
    expect(value('统计时点')).toBe(`${day} 17:30`);
    expect(value('收件')).toBe(1);
    expect(value('受理')).toBe(1);

    const csv = readFileSync(join(folder, csvName));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // byte for byte what the report page downloads for today's whole department
    const report = (await call(t, manager, 'reports.metrics', {
      from: day,
      to: day,
    })) as DailyReport;
    expect(csv.toString('utf8')).toBe(reportCsv(report));
    expect(csv.toString('utf8')).toContain('收件受理,收件,1\r\n');

    expect(await call(t, manager, 'reports.schedule.get', {})).toEqual({
      enabled: true,
      folder,
      time: '17:30',
      lastWrittenOn: day,
      lastWrittenAt: `${day}T17:30:00.000+08:00`,
      lastFiles: [xlsxName, csvName],
      lastError: null,
      lastErrorAt: null,
    });

    // once a day: a later check the same day leaves the files as they are
    const written = statSync(join(folder, xlsxName)).mtimeMs;
    setNow(at('21:00'));
    expect(await checkScheduledReport(t)).toMatchObject({ written: null, error: null });
    expect(statSync(join(folder, xlsxName)).mtimeMs).toBe(written);
    expect(readdirSync(folder)).toHaveLength(2);

    // the next day: nothing before the time, its own files after it
    setNow('2026-03-03T08:00:00+08:00');
    expect(await checkScheduledReport(t)).toMatchObject({ written: null });
    setNow('2026-03-03T17:45:00+08:00');
    expect(await checkScheduledReport(t)).toMatchObject({
      written: [
        '办件日报-市场监督管理局-2026-03-03.xlsx',
        '办件日报-市场监督管理局-2026-03-03.csv',
      ],
    });
    expect(readdirSync(folder)).toHaveLength(4);
  });

  it('records a folder that went away, tries again at the next check, and writes once it is back', async () => {
    const { t, manager, setNow } = await terminal();
    const folder = join(tempFolder(), '日报');
    mkdirSync(folder);
    await call(t, manager, 'reports.schedule.set', { enabled: true, folder, time: '17:30' });

    rmSync(folder, { recursive: true });
    setNow(at('17:31'));
    expect(await checkScheduledReport(t)).toMatchObject({
      written: null,
      error: `文件夹不存在：${folder}`,
    });
    expect(await call(t, manager, 'reports.schedule.get', {})).toMatchObject({
      lastWrittenOn: null,
      lastError: `文件夹不存在：${folder}`,
      lastErrorAt: `${day}T17:31:00.000+08:00`,
    });

    // a file where the folder was: nothing can be written into it
    writeFileSync(folder, '');
    setNow(at('17:32'));
    expect(await checkScheduledReport(t)).toMatchObject({ error: `不是文件夹：${folder}` });

    rmSync(folder);
    mkdirSync(folder);
    setNow(at('17:33'));
    expect(await checkScheduledReport(t)).toMatchObject({ written: [xlsxName, csvName] });
    expect(readdirSync(folder).sort()).toEqual([csvName, xlsxName].sort());
    expect(await call(t, manager, 'reports.schedule.get', {})).toMatchObject({
      lastWrittenOn: day,
      lastError: null,
      lastErrorAt: null,
    });
  });

  it('refuses a bad time, a relative path, a folder that is not there, and other roles', async () => {
    const { t, manager } = await terminal();
    const folder = tempFolder();
    const refusal = async (input: Record<string, unknown>, token = manager) => {
      const r = await attempt(t, token, 'reports.schedule.set', input);
      expect(r.ok).toBe(false);
      return !r.ok ? r.error : null;
    };
    expect(await refusal({ enabled: true, folder, time: '25:00' })).toMatchObject({
      code: 'invalid_input',
      field: 'time',
      message: '时间须为24小时制的“时:分”，如 17:30',
    });
    expect(await refusal({ enabled: true, folder, time: '5:30' })).toMatchObject({
      field: 'time',
    });
    expect(await refusal({ enabled: true, folder: 'reports/daily', time: '17:30' })).toMatchObject({
      field: 'folder',
      message: expect.stringContaining('绝对路径'),
    });
    // a relative path is refused even while switched off
    expect(await refusal({ enabled: false, folder: '.\\日报', time: '17:30' })).toMatchObject({
      field: 'folder',
    });
    expect(await refusal({ enabled: true, folder: '', time: '17:30' })).toMatchObject({
      message: '请填写保存日报的文件夹',
    });
    const missing = join(folder, '没有这个文件夹');
    expect(await refusal({ enabled: true, folder: missing, time: '17:30' })).toMatchObject({
      field: 'folder',
      message: `文件夹不存在：${missing}`,
    });
    const file = join(folder, 'a.txt');
    writeFileSync(file, '');
    expect(await refusal({ enabled: true, folder: file, time: '17:30' })).toMatchObject({
      message: `不是文件夹：${file}`,
    });
    const chief = await signIn(t, 'chief');
    expect(await refusal({ enabled: true, folder, time: '17:30' }, chief)).toMatchObject({
      code: 'forbidden',
    });
    // nothing was stored, and the probe left no file behind
    expect(await call(t, manager, 'reports.schedule.get', {})).toMatchObject({
      enabled: false,
      folder: '',
    });
    expect(readdirSync(folder)).toEqual(['a.txt']);
    // switched off, an empty folder is fine
    expect(
      await call(t, manager, 'reports.schedule.set', { enabled: false, folder: '', time: '18:00' }),
    ).toMatchObject({ enabled: false, time: '18:00' });
  });

  it("survives a restart and the center's settings, catches up at start, then checks on its timer", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-test-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const folder = tempFolder();
    let now = new Date(at('09:00'));
    const open = (reportCheck: { intervalMs: number } | false) => {
      const t = openTerminal({
        dataDir,
        resourcesDir: resolve('resources'),
        now: () => now,
        sync: false,
        reportCheck,
      });
      cleanups.push(() => {
        if (t.db.open) t.close();
      });
      return t;
    };

    const first = open(false);
    const manager = await signIn(first, 'manager');
    await call(first, manager, 'reports.schedule.set', { enabled: true, folder, time: '17:30' });
    // a pull brings the center's settings: the schedule is this PC's own and stays
    applyPullPage(
      first,
      page([], {
        settings: {
          version: 3,
          centerName: '江宁区政务服务中心',
          thresholds: { warningWorkingDays: 3, yellowWorkingDays: 1 },
        },
      }),
    );
    expect(first.centerName()).toBe('江宁区政务服务中心');
    first.close();

    // off at 17:30, switched on at 19:00: the check at start writes the day's report
    now = new Date(at('19:00'));
    const second = open({ intervalMs: 50 });
    await expect
      .poll(() => readdirSync(folder).sort(), { timeout: 5000 })
      .toEqual([csvName, xlsxName].sort());
    const book = await readWorkbook(join(folder, xlsxName));
    expect(summaryCell(book, '服务中心').value).toBe('江宁区政务服务中心');

    // the next day the timer finds the time passed on its own
    now = new Date('2026-03-03T17:30:00+08:00');
    await expect
      .poll(
        () =>
          readdirSync(folder)
            .filter((n) => n.includes('2026-03-03'))
            .sort(),
        {
          timeout: 5000,
        },
      )
      .toEqual([
        '办件日报-市场监督管理局-2026-03-03.csv',
        '办件日报-市场监督管理局-2026-03-03.xlsx',
      ]);
    second.close();
  });
});
