import { isAbsolute } from 'node:path';
import type { CallOutput, ParsedInput } from '../../shared/api';
import type { LocalDate } from '../../shared/calendar';
import type { DailyReport } from '../../shared/reports/daily-report';
import { absolutePathMessage, reportDueOn } from '../../shared/reports/schedule';
import { reportCsv, reportXlsx } from '../../shared/reports/workbook';
import { ApiFailure } from '../api/errors';
import {
  readReportSchedule,
  recordReportFailed,
  recordReportWritten,
  saveReportSchedule,
} from '../store/report-schedule';
import { RoundScheduler } from '../sync/schedule';
import { folderCannotTake, folderProblem, writeFileAtomically } from './report-folder';
import { dailyReport } from './reports';
import type { SessionRecord } from './sessions';
import { shanghaiIso } from './time';
import type { Terminal } from './context';

// The center manager's scheduled daily report: at or after the set time each day this terminal
// writes today's department report, the very files the report page exports, into a folder of
// this PC (often a shared drive the office collects). A failure is recorded for the settings
// card and tried again at the next check; nothing here may bring the main process down.

export const defaultReportCheckMs = 30_000;
/** How often the terminal looks whether the day's report is due; false: only when asked (tests). */
export type ReportCheckOptions = { intervalMs: number } | false;

export function getReportSchedule(t: Terminal): CallOutput<'reports.schedule.get'> {
  return readReportSchedule(t.db);
}

export async function setReportSchedule(
  t: Terminal,
  session: SessionRecord,
  input: ParsedInput<'reports.schedule.set'>,
): Promise<CallOutput<'reports.schedule.set'>> {
  // the shared schema knows the shapes of full paths; this PC's own rules and disk decide
  const problem =
    input.folder !== '' && !isAbsolute(input.folder)
      ? absolutePathMessage
      : input.enabled
        ? await folderCannotTake(input.folder)
        : null;
  if (problem) throw new ApiFailure('invalid_input', problem, { field: 'folder' });
  saveReportSchedule(t.db, input, { userId: session.actor.userId, at: shanghaiIso(t.now()) });
  return readReportSchedule(t.db);
}

/** 办件日报-市场监督管理局-2026-03-02.xlsx; characters Windows refuses in a name become _. */
export function dailyFileName(report: DailyReport, day: LocalDate, ext: 'xlsx' | 'csv'): string {
  const department = report.departmentName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  return `办件日报-${department}-${day}.${ext}`;
}

async function writeDay(t: Terminal, folder: string, day: LocalDate): Promise<string[]> {
  const report = await dailyReport(t, { from: day, to: day });
  const xlsx = dailyFileName(report, day, 'xlsx');
  const csv = dailyFileName(report, day, 'csv');
  await writeFileAtomically(folder, xlsx, new Uint8Array(await reportXlsx(report)));
  await writeFileAtomically(folder, csv, reportCsv(report));
  return [xlsx, csv];
}

export type CheckOutcome = {
  /** the scheduler's: a failure waits for the next regular check, not a quicker retry */
  retry: false;
  written: string[] | null;
  error: string | null;
};

/** One check: writes today's report when due, and records how it went. */
export async function checkScheduledReport(t: Terminal): Promise<CheckOutcome> {
  const schedule = readReportSchedule(t.db);
  const day = reportDueOn(schedule, t.now());
  if (!day) return { retry: false, written: null, error: null };
  const folder = schedule.folder;
  try {
    const files = await writeDay(t, folder, day);
    recordReportWritten(t.db, { folder, on: day, at: shanghaiIso(t.now()), files });
    return { retry: false, written: files, error: null };
  } catch (error) {
    const message = error instanceof ApiFailure ? error.message : folderProblem(error, folder);
    recordReportFailed(t.db, { folder, at: shanghaiIso(t.now()), message });
    return { retry: false, written: null, error: message };
  }
}

/**
 * The timer: a check now (a terminal that was off at the set time catches up as it starts) and
 * then every `intervalMs`, never two at once. Whatever a check throws is logged, not rethrown.
 */
export function startReportChecks(
  t: Terminal,
  opts: ReportCheckOptions,
): RoundScheduler<CheckOutcome> {
  const scheduler = new RoundScheduler<CheckOutcome>(
    async () => {
      try {
        return await checkScheduledReport(t);
      } catch (error) {
        // a check racing the terminal's close finds the database shut: nothing to report then
        if (t.db.open) console.error('[report] scheduled report check failed', error);
        return { retry: false, written: null, error: null };
      }
    },
    { intervalMs: opts === false ? defaultReportCheckMs : opts.intervalMs },
  );
  if (opts !== false) scheduler.start();
  return scheduler;
}
