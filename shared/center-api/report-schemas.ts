import { z } from 'zod';
import { refinePeriod, refineTypedDay } from '../calendar';
import type { ClockKind } from '../case';
import { limitUnits, powers } from '../catalog';
import { caseKinds } from '../reports';
import { levelSchema } from './case-schemas';

// The center's report and its day at a glance, counted with shared/reports' definitions.

const day = z.iso.date('日期须形如 2026-03-02');

export const reportQuerySchema = z
  .strictObject({
    from: day,
    to: day,
    department: z.string().trim().min(1).max(16).optional(),
    window: z.string().trim().min(1).max(64).optional(),
  })
  // the terminal's report call refines alike; the handler adds the bound from today
  .superRefine(refinePeriod);

/** without a date: the center's today, by its clock (a terminal's may differ) */
export const dashboardQuerySchema = z.strictObject({
  date: day.superRefine(refineTypedDay).optional(),
});

const rate = z.number().min(0).max(1).nullable();
const count = z.number().int().nonnegative();
// a rating's drill also names the tickets rated without a case (shared/reports Drill)
const drill = z.object({
  count,
  caseIds: z.array(z.string()),
  tickets: z.array(z.string()).optional(),
});
const byLevel = <T extends z.ZodType>(value: T) => z.record(levelSchema, value);

/** shared/reports RatingMetrics: the 好差评 block of a report */
const ratingMetricsShape = {
  ratings: z.record(z.enum(['1', '2', '3', '4', '5']), drill),
  badRatings: drill,
  legacyRatings: drill,
  paperRatings: drill,
  appealedAway: drill,
};
export const ratingMetricsSchema = z.object(ratingMetricsShape);

/**
 * The 好差评 block of the terminal's department for its report (the terminal holds no ratings):
 * the department's and each of its windows'.
 */
export const departmentRatingsSchema = z.object({
  department: ratingMetricsSchema,
  byWindow: z.array(z.object({ windowId: z.string(), ratings: ratingMetricsSchema })),
});

/** shared/reports Metrics */
export const metricsSchema = z.object({
  received: drill,
  accepted: drill,
  refusedAtIntake: drill,
  noticesIssued: drill,
  deemedAccepted: drill,
  completed: drill,
  approved: drill,
  denied: drill,
  completedOnTime: drill,
  completedOverdue: drill,
  onTimeRate: rate,
  windowCompletionRate: rate,
  openByLevel: byLevel(drill),
  paused: drill,
  extended: drill,
  kinds: z.record(z.enum(caseKinds), drill),
  averageWorkingDaysToDecision: z.number().nonnegative().nullable(),
  ...ratingMetricsShape,
});

const complaintDrill = z.object({ count, ids: z.array(z.string()) });

/** shared/reports ComplaintMetrics */
export const complaintMetricsSchema = z.object({
  received: complaintDrill,
  closed: complaintDrill,
  closedOnTime: complaintDrill,
  overdueOpen: complaintDrill,
  substantiated: complaintDrill,
});

export const centerReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** the moment open cases were judged at: a past period at its end, today's now */
  asOf: z.string(),
  metrics: metricsSchema,
  complaints: complaintMetricsSchema,
});
export type CenterReport = z.infer<typeof centerReportSchema>;

const deadlineSchema = z.object({
  date: z.string(),
  dueAt: z.string(),
  provisional: z.boolean(),
  unit: z.enum(limitUnits),
  pausedDays: z.number().int().nonnegative(),
});

const clockKinds = [
  'completeness',
  'promised',
  'statutory',
  'delivery',
  'rectification',
] as const satisfies readonly ClockKind[];

/** shared/reports Dashboard */
export const dashboardSchema = z.object({
  centerName: z.string(),
  date: z.string(),
  asOf: z.string(),
  departments: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      received: count,
      accepted: count,
      completed: count,
      onTimeRate: rate,
      windowCompletionRate: rate,
      open: byLevel(count),
      badRatings: count,
      authorization: z.object({
        departmentCode: z.string(),
        items: count,
        rates: z.record(z.enum(powers), rate),
        met: z.boolean(),
      }),
      doubleHundred: z.boolean(),
    }),
  ),
  trend: z.array(
    z.object({
      date: z.string(),
      received: count,
      completed: count,
      completedOnTime: count,
      onTimeRate: rate,
    }),
  ),
  attention: z.array(
    z.object({
      caseId: z.string(),
      caseNumber: z.string(),
      itemName: z.string(),
      applicantName: z.string(),
      departmentCode: z.string(),
      windowId: z.string(),
      level: z.enum(['red', 'yellow']),
      clock: z.enum(clockKinds),
      deadline: deadlineSchema,
      /** working days left; negative when overdue */
      workingDays: z.number().int(),
      windowName: z.string(),
      departmentName: z.string(),
    }),
  ),
});
