import { z } from 'zod';

// Issue 17, part 1: the hall's queue (取号/叫号). The center owns it — one queue per hall, a line
// per department, tickets numbered per day ("A012") — and every window, kiosk and big screen reads
// the same rows, so two windows can never call one ticket and a transfer lands where it is sent.

/**
 * waiting: in its line (or sent to one window by 转窗); called: called to `window` and not yet
 * finished; done: served; noShow: 过号, skipped after at least one recall; expired: still waiting
 * or called when its day ended (the hall closed: neither served nor skipped).
 */
export const ticketStatuses = ['waiting', 'called', 'done', 'noShow', 'expired'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const ticketStatusLabels: Readonly<Record<TicketStatus, string>> = {
  waiting: '等候中',
  called: '已叫号',
  done: '已办结',
  noShow: '已过号',
  expired: '当日未办理，已失效',
};

/** A ticket as everyone may see it: a number, a line and a window — nothing of the applicant. */
export const ticketSchema = z.object({
  id: z.string(),
  number: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  status: z.enum(ticketStatuses),
  takenAt: z.string(),
  calledAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  recalls: z.number().int().nonnegative(),
  /** the window it is called to (called/done/noShow), or sent to by 转窗 (waiting) */
  windowCode: z.string().nullable(),
  windowName: z.string().nullable(),
  /** 转窗: the window that sent it and why */
  transferNote: z.string().nullable(),
  /** waiting only: tickets of its line before it (前面还有 N 人) */
  ahead: z.number().int().nonnegative().nullable(),
  /** case numbers received for this ticket */
  cases: z.array(z.string()),
});
export type Ticket = z.infer<typeof ticketSchema>;

/**
 * A ticket as the public sees it (the kiosk, a phone following its QR): the window's note on a
 * transfer and the cases received for it are the hall's, not for whoever holds the slip.
 */
export const publicTicketSchema = ticketSchema.omit({ transferNote: true, cases: true });
export type PublicTicket = z.infer<typeof publicTicketSchema>;

/** The kiosk's choice: a department's line. */
export const takeTicketSchema = z.strictObject({
  departmentCode: z.string().trim().min(1, '请选择办事部门').max(8),
});

/** The public lines at the kiosk: departments that have windows, with how many wait. */
export const queueLinesSchema = z.object({
  centerName: z.string(),
  lines: z.array(
    z.object({
      departmentCode: z.string(),
      departmentName: z.string(),
      prefix: z.string().nullable(),
      waiting: z.number().int().nonnegative(),
    }),
  ),
});
export type QueueLines = z.infer<typeof queueLinesSchema>;

export const windowStates = ['idle', 'calling', 'paused'] as const;
export type WindowQueueState = (typeof windowStates)[number];

/** One call (or recall) as the big screen announces it. */
export const queueCallSchema = z.object({
  seq: z.number().int(),
  number: z.string(),
  windowCode: z.string(),
  windowName: z.string(),
  /** what the hall hears: "请A012号到3号窗口办理" */
  text: z.string(),
  kind: z.enum(['call', 'recall']),
  at: z.string(),
  /** the ticket is still called (not yet finished, skipped or sent on) */
  current: z.boolean(),
});
export type QueueCall = z.infer<typeof queueCallSchema>;

/** The hall's big screen: the latest calls and every window's state. */
export const queueBoardSchema = z.object({
  centerName: z.string(),
  calls: z.array(queueCallSchema),
  windows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      departmentName: z.string(),
      state: z.enum(windowStates),
      number: z.string().nullable(),
    }),
  ),
  waiting: z.number().int().nonnegative(),
});
export type QueueBoard = z.infer<typeof queueBoardSchema>;

/** What one window's own display shows above the counter. */
export const windowDisplaySchema = z.object({
  code: z.string(),
  name: z.string(),
  departmentName: z.string(),
  state: z.enum(windowStates),
  number: z.string().nullable(),
  /** the line the display shows: "请A012号到3号窗口办理", "暂停服务" or "欢迎光临" */
  text: z.string(),
});
export type WindowDisplay = z.infer<typeof windowDisplaySchema>;

/** The windows whose counter carries a number (3号窗口); a window without one is called by name. */
export const windowCountersSchema = z.array(
  z.object({ windowCode: z.string(), counter: z.number().int() }),
);

export const windowCodeParams = z.strictObject({ code: z.string().min(1).max(32) });
export const ticketIdParams = z.strictObject({ id: z.string().min(1).max(64) });

/** What the window does with its queue, as the clerk presses it at the terminal. */
export const windowActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('callNext') }),
  z.strictObject({ action: z.literal('recall') }),
  z.strictObject({ action: z.literal('noShow') }),
  z.strictObject({ action: z.literal('finish') }),
  z.strictObject({
    action: z.literal('transfer'),
    toWindowCode: z.string().trim().min(1, '请选择转入窗口').max(32),
    note: z.string().trim().min(2, '请写明转窗原因').max(200, '转窗原因不超过200字'),
  }),
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('resume') }),
]);
export type WindowAction = z.infer<typeof windowActionSchema>;

/** The terminal's request: the action and who at the window acts (the center checks the staff record). */
export const queueActionSchema = z.strictObject({
  staffId: z.string().min(1).max(64),
  act: windowActionSchema,
});
export type QueueAction = z.infer<typeof queueActionSchema>;

/** The window's queue panel: its own state, its current ticket, and its line. */
export const windowQueueSchema = z.object({
  windowCode: z.string(),
  state: z.enum(windowStates),
  current: ticketSchema.nullable(),
  /** tickets this window's 叫号 would take, in order (the first few) */
  next: z.array(ticketSchema),
  waiting: z.number().int().nonnegative(),
  /** the other windows a ticket may be sent to (转窗) */
  windows: z.array(z.object({ code: z.string(), name: z.string(), departmentName: z.string() })),
});
export type WindowQueue = z.infer<typeof windowQueueSchema>;

/** Waiting (taken → first call) and service (first call → finished) times of a group of tickets. */
export const queueFiguresSchema = z.object({
  taken: z.number().int().nonnegative(),
  served: z.number().int().nonnegative(),
  noShows: z.number().int().nonnegative(),
  /** seconds; null when no ticket of the group was called */
  averageWait: z.number().nonnegative().nullable(),
  longestWait: z.number().nonnegative().nullable(),
  averageService: z.number().nonnegative().nullable(),
});
export type QueueFigures = z.infer<typeof queueFiguresSchema>;

export const queueStatsQuerySchema = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期须为 YYYY-MM-DD'),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期须为 YYYY-MM-DD'),
  department: z.string().min(1).max(8).optional(),
});
export type QueueStatsQuery = z.infer<typeof queueStatsQuerySchema>;

/** 排队统计 of the daily report and the dashboard: per window, per item and per hour of the day. */
export const queueStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: queueFiguresSchema,
  windows: z.array(
    z.object({ code: z.string(), name: z.string() }).extend(queueFiguresSchema.shape),
  ),
  items: z.array(z.object({ code: z.string(), name: z.string() }).extend(queueFiguresSchema.shape)),
  /** hour of taking the ticket, 0–23 (hours with no ticket are left out) */
  hours: z.array(
    z.object({ hour: z.number().int().min(0).max(23) }).extend(queueFiguresSchema.shape),
  ),
});
export type QueueStats = z.infer<typeof queueStatsSchema>;
