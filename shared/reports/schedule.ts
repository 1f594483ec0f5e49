import { z } from 'zod';
import { shanghaiDate, shanghaiIso, type LocalDate } from '../calendar';

// The scheduled daily report: once a day, at or after a time of day set by the center manager,
// the terminal writes today's report of its department (XLSX and CSV) into a folder of this PC.

/** 17:30 — a time of day on the 24-hour clock, Beijing time. */
export const timeOfDaySchema = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间须为24小时制的“时:分”，如 17:30');

/**
 * A full path on Windows (D:\日报, \\server\share\日报) or elsewhere (/srv/日报). Only the shape:
 * main checks with the PC's own rules that the folder exists and takes a file.
 */
export function isAbsolutePath(path: string): boolean {
  return /^\//.test(path) || /^[A-Za-z]:[\\/]/.test(path) || /^\\\\[^\\/]+[\\/][^\\/]+/.test(path);
}

export const absolutePathMessage =
  '文件夹须为完整路径（绝对路径），如 D:\\办件日报 或 /srv/办件日报';

export const reportScheduleInput = z
  .object({
    enabled: z.boolean(),
    folder: z
      .string()
      .trim()
      .max(500, '文件夹路径不能超过500个字符')
      .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), '文件夹路径含有不可见的控制字符'),
    time: timeOfDaySchema,
  })
  // switched off, the folder may stay empty; whatever is typed must still be a full path
  .superRefine((s, ctx) => {
    if (s.enabled && s.folder === '') {
      ctx.addIssue({ code: 'custom', path: ['folder'], message: '请填写保存日报的文件夹' });
    } else if (s.folder !== '' && !isAbsolutePath(s.folder)) {
      ctx.addIssue({ code: 'custom', path: ['folder'], message: absolutePathMessage });
    }
  });
export type ReportScheduleInput = z.infer<typeof reportScheduleInput>;

export const reportScheduleSchema = z.object({
  enabled: z.boolean(),
  folder: z.string(),
  time: z.string(),
  /** the Beijing day whose report was last written; once a day */
  lastWrittenOn: z.string().nullable(),
  lastWrittenAt: z.string().nullable(),
  /** the names of the files last written, in the folder */
  lastFiles: z.array(z.string()),
  /** why the last attempt failed; null after a success or a new setting */
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
});
export type ReportSchedule = z.infer<typeof reportScheduleSchema>;

export const defaultReportSchedule: ReportSchedule = {
  enabled: false,
  folder: '',
  time: '17:30',
  lastWrittenOn: null,
  lastWrittenAt: null,
  lastFiles: [],
  lastError: null,
  lastErrorAt: null,
};

/**
 * The day whose report is due at `now`, or null: switched on, the set time reached today, and
 * today's not written yet. A terminal that was off at the set time catches up at its next check.
 */
export function reportDueOn(schedule: ReportSchedule, now: Date): LocalDate | null {
  if (!schedule.enabled || !schedule.folder) return null;
  const today = shanghaiDate(now);
  if (schedule.lastWrittenOn === today) return null;
  return shanghaiIso(now).slice(11, 16) >= schedule.time ? today : null;
}
