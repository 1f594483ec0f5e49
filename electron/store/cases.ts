import type { CaseState, OpenCase } from '../../shared/case';
import { sql, type Db } from './db';

export type CaseProjection = {
  state: OpenCase;
  windowId: string;
  /** the earliest running legal deadline, the window's work order; null while paused or done */
  dueAt: string | null;
  /** when time alone may change this row (the completeness deadline), or null */
  recheckAt: string | null;
  open: boolean;
};

export type CaseListRow = {
  id: string;
  case_number: string;
  item_code: string;
  applicant_name: string;
  status: string;
  received_at: string;
  due_at: string | null;
  state: string;
};

// Sorts after every ISO date: cases without a running clock come last.
const stoppedClockKey = '~';

export function applicantKey(state: OpenCase): string {
  return state.applicant.kind === 'person' ? state.applicant.idNumber : state.applicant.uscc;
}

export function upsertCase(db: Db, p: CaseProjection): void {
  sql(
    db,
    `INSERT INTO cases (id, case_number, item_code, department_code, window_id, applicant_name,
       applicant_key, status, open, received_at, due_at, order_key, recheck_at, updated_at, state)
     VALUES (@id, @caseNumber, @itemCode, @departmentCode, @windowId, @applicantName, @applicantKey,
       @status, @open, @receivedAt, @dueAt, @orderKey, @recheckAt, @updatedAt, @state)
     ON CONFLICT(id) DO UPDATE SET status = excluded.status, open = excluded.open,
       due_at = excluded.due_at, order_key = excluded.order_key, recheck_at = excluded.recheck_at, updated_at = excluded.updated_at, state = excluded.state`,
  ).run({
    id: p.state.caseId,
    caseNumber: p.state.caseNumber,
    itemCode: p.state.item.code,
    departmentCode: p.state.item.departmentCode,
    windowId: p.windowId,
    applicantName: p.state.applicant.name,
    applicantKey: applicantKey(p.state),
    status: p.state.status,
    open: p.open ? 1 : 0,
    receivedAt: p.state.receivedAt,
    dueAt: p.dueAt,
    orderKey: p.dueAt ?? stoppedClockKey,
    recheckAt: p.recheckAt,
    updatedAt: p.state.lastOccurredAt,
    state: JSON.stringify(p.state),
  });
}

export function getCaseState(db: Db, caseId: string): CaseState | undefined {
  const row = sql(db, 'SELECT state FROM cases WHERE id = ?').get(caseId) as
    { state: string } | undefined;
  return row ? (JSON.parse(row.state) as CaseState) : undefined;
}

// Open cases by deadline; paused ones (no running deadline) after them. The index
// (window_id, open, order_key) serves this without sorting the window's cases.
export function listWindowCases(
  db: Db,
  windowId: string,
  opts: { open: boolean; limit: number; offset: number },
): { rows: CaseListRow[]; total: number } {
  const where = opts.open ? 'window_id = ? AND open = 1' : 'window_id = ?';
  const rows = sql(
    db,
    `SELECT id, case_number, item_code, applicant_name, status, received_at, due_at, state
       FROM cases WHERE ${where}
       ORDER BY order_key LIMIT ? OFFSET ?`,
  ).all(windowId, opts.limit, opts.offset) as CaseListRow[];
  const total = (
    sql(db, `SELECT count(*) AS n FROM cases WHERE ${where}`).get(windowId) as { n: number }
  ).n;
  return { rows, total };
}

/** Next serial for a case number; runs inside the receiving command's transaction. */
export function nextCaseSerial(
  db: Db,
  departmentCode: string,
  day: string,
  windowCode: string,
): number {
  const row = sql(
    db,
    `INSERT INTO case_serials (department_code, day, window_code, last) VALUES (?, ?, ?, 1)
       ON CONFLICT (department_code, day, window_code) DO UPDATE SET last = last + 1
       RETURNING last`,
  ).get(departmentCode, day, windowCode) as { last: number };
  return row.last;
}

/** Cases whose projection time alone has made stale: their recheck instant has passed. */
export function lapsedCases(
  db: Db,
  nowIso: string,
): { id: string; window_id: string; state: string }[] {
  return sql(
    db,
    'SELECT id, window_id, state FROM cases WHERE recheck_at IS NOT NULL AND recheck_at <= ?',
  ).all(nowIso) as { id: string; window_id: string; state: string }[];
}
