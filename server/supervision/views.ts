import type { Kysely } from 'kysely';
import type { AlertSummary, Complaint } from '../../shared/sync';
import { shanghaiIso } from '../../shared/calendar';
import { complaintClock } from '../../shared/reports/complaints';
import { centerCalendar } from '../cases/clocks';
import type { ServerDb } from '../db/schema';

// How alerts and complaints leave the center: with the window's and the department's names
// beside their codes, for the supervisor's list and the window's own copy alike.

/** Alerts with the names of their window and department (null when the center knows neither). */
export function alertsWithNames(db: Kysely<ServerDb>) {
  return db
    .selectFrom('alerts')
    .leftJoin('windows', 'windows.id', 'alerts.window_id')
    .leftJoin('departments', 'departments.code', 'alerts.department_code')
    .selectAll('alerts')
    .select(['windows.name as window_name', 'departments.name as department_name']);
}

type NamedAlertRow = ServerDb['alerts'] & {
  window_name: string | null;
  department_name: string | null;
};

export function alertView(row: NamedAlertRow): AlertSummary {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    departmentCode: row.department_code,
    departmentName: row.department_name,
    windowId: row.window_id,
    windowName: row.window_name,
    rule: row.rule,
    level: row.level,
    message: row.message,
    evidence: JSON.parse(row.evidence) as string[],
    raisedAt: row.raised_at,
    status: row.status,
  };
}

/** Complaints with the names of their window and department. */
export function complaintsWithNames(db: Kysely<ServerDb>) {
  return db
    .selectFrom('complaints')
    .leftJoin('windows', 'windows.id', 'complaints.window_id')
    .leftJoin('departments', 'departments.code', 'complaints.department_code')
    .selectAll('complaints')
    .select(['windows.name as window_name', 'departments.name as department_name']);
}

type NamedComplaintRow = ServerDb['complaints'] & {
  window_name: string | null;
  department_name: string | null;
};

/** Complaints as they travel, each with its steps in order (one query for all of them). */
export async function complaintViews(
  db: Kysely<ServerDb>,
  rows: readonly NamedComplaintRow[],
  now: Date,
): Promise<Complaint[]> {
  if (rows.length === 0) return [];
  const calendar = await centerCalendar(db);
  const at = shanghaiIso(now);
  const steps = await db
    .selectFrom('complaint_steps')
    .selectAll()
    .where(
      'complaint_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('complaint_id')
    .orderBy('seq')
    .execute();
  const byComplaint = new Map<string, Complaint['history']>();
  for (const s of steps) {
    const list = byComplaint.get(s.complaint_id) ?? [];
    list.push({
      action: s.action as Complaint['history'][number]['action'],
      text: s.text,
      conclusion: s.conclusion as Complaint['conclusion'],
      by: { id: s.actor_id, name: s.actor_name },
      at: s.at,
    });
    byComplaint.set(s.complaint_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    departmentCode: r.department_code,
    departmentName: r.department_name,
    windowId: r.window_id,
    windowName: r.window_name,
    caseId: r.case_id,
    caseNumber: r.case_number,
    complainantName: r.complainant_name,
    complainantPhone: r.complainant_phone,
    channel: r.channel as Complaint['channel'],
    content: r.content,
    receivedAt: r.received_at,
    dueDate: r.due_date,
    dueAt: r.due_at,
    status: r.status as Complaint['status'],
    reply: r.reply,
    repliedAt: r.replied_at,
    conclusion: r.conclusion as Complaint['conclusion'],
    closedAt: r.closed_at,
    clock: complaintClock(
      calendar,
      { dueDate: r.due_date, dueAt: r.due_at, closedAt: r.closed_at },
      at,
    ),
    history: byComplaint.get(r.id) ?? [],
  }));
}
