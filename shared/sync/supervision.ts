import { z } from 'zod';
import { complaintChannels, complaintConclusions } from '../reports/complaints';

// Electronic supervision as the center answers it: an alert, a public complaint, and what a
// window's terminal fetches of both with its device credentials on every sync round.

/** An alert of electronic supervision (server/supervision/handlers.ts), with its place named. */
export const alertSchema = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  departmentCode: z.string(),
  /** null for an alert that belongs to no department (a device the center does not know) */
  departmentName: z.string().nullable(),
  windowId: z.string().nullable(),
  windowName: z.string().nullable(),
  rule: z.string(),
  level: z.string(),
  message: z.string(),
  evidence: z.array(z.string()),
  raisedAt: z.string(),
  status: z.string(),
});
export type AlertSummary = z.infer<typeof alertSchema>;

const by = z.object({ id: z.string(), name: z.string() });

/** One step of a complaint's handling, appended in order; nothing is ever edited or deleted. */
export const complaintStepSchema = z.object({
  action: z.enum(['recorded', 'replied', 'closed']),
  text: z.string(),
  conclusion: z.enum(complaintConclusions).nullable(),
  by,
  at: z.string(),
});

/** The handling clock (shared/reports complaintClock), measured where the complaint is read. */
export const complaintClockSchema = z.object({
  level: z.enum(['normal', 'warning', 'red']),
  workingDaysLeft: z.number(),
  overdue: z.boolean(),
  stopped: z.boolean(),
});

export const complaintSchema = z.object({
  id: z.string(),
  departmentCode: z.string(),
  departmentName: z.string().nullable(),
  windowId: z.string().nullable(),
  windowName: z.string().nullable(),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  complainantName: z.string().nullable(),
  complainantPhone: z.string().nullable(),
  channel: z.enum(complaintChannels),
  content: z.string(),
  receivedAt: z.string(),
  /** the last working day of the handling clock, and 24:00 of it */
  dueDate: z.string(),
  dueAt: z.string(),
  status: z.enum(['open', 'replied', 'closed']),
  /** the latest reply of the department or window */
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  conclusion: z.enum(complaintConclusions).nullable(),
  closedAt: z.string().nullable(),
  /** measured at the center's clock when sent; a terminal measures it again at its own */
  clock: complaintClockSchema,
  history: z.array(complaintStepSchema),
});
export type Complaint = z.infer<typeof complaintSchema>;

/** What the center holds against the terminal's department, fetched on each sync round. */
export const windowSupervisionSchema = z.object({
  alerts: z.array(alertSchema),
  complaints: z.array(complaintSchema),
});
export type WindowSupervision = z.infer<typeof windowSupervisionSchema>;

/** The window's reply, sent by its terminal for the chief or clerk signed in there. */
export const complaintReplyRequestSchema = z.strictObject({
  reply: z.string().trim().min(1, '请填写答复内容').max(2000, '答复不能超过2000字'),
  /** who at the window answers: the terminal signed them in; the center checks the staff record */
  staffId: z.string().min(1).max(64),
});
export type ComplaintReplyRequest = z.infer<typeof complaintReplyRequestSchema>;
