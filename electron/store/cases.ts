import {
  applicantKey,
  type CaseScope,
  type CaseState,
  type ClockView,
  type OpenCase,
} from '../../shared/case';
import { sql, type Db } from './db';

/**
 * What the work list shows of a case's clocks, kept in the row: the clock it is ordered by
 * (without the remaining time, which depends on the moment of reading) and a deemed acceptance.
 */
export type WorkClock = {
  clock: Omit<ClockView, 'remaining'> | null;
  deemedAcceptedOn: string | null;
  /** issue 16 part P: the acceptance notice is owed (absent in rows written before: re-folded) */
  acceptanceNoticeOwed?: boolean;
};

export type CaseProjection = {
  state: OpenCase;
  windowId: string;
  workClock: WorkClock;
  /** the status lists show: the fold's, but 'accepted' once the law accepted it (summary.status) */
  status: OpenCase['status'];
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
  item_name: string;
  applicant_name: string;
  status: string;
  received_at: string;
  due_at: string | null;
  calendar_version: string;
  work_clock: string;
  /** the case's last event: its clocks are never measured before it (shared/case clockMoment) */
  updated_at: string;
  /** 1 when the center did not take one of the case's events */
  conflicted: number;
  /** the receiving window; its code and name as the reference data holds them (or null) */
  window_id: string;
  window_code: string | null;
  window_name: string | null;
};

/** The columns of a CaseListRow, for every query that lists cases. */
export const caseListColumns = `id, case_number, item_code, item_name, applicant_name, status,
       received_at, due_at, calendar_version, work_clock, updated_at,
       EXISTS (SELECT 1 FROM events e WHERE e.case_id = cases.id AND e.sync_state = 'conflicted')
         AS conflicted,
       window_id,
       (SELECT w.code FROM windows w WHERE w.id = cases.window_id) AS window_code,
       (SELECT w.name FROM windows w WHERE w.id = cases.window_id) AS window_name`;

// Sorts after every ISO date: cases without a running clock come last.
const stoppedClockKey = '~';

// Separators no typed query holds (a query is trimmed text; these are control characters).
const unitSeparator = '\u001f';
const shortSeparator = '\u001e';

/**
 * What the case list searches (part R of issue 16): number and name, which any query may match,
 * then the ID (or USCC) and mobile, which only a query of 4 or more characters may. Migration 011
 * wrote the same for the rows it found, in SQL.
 */
export function caseSearchText(state: OpenCase): string {
  return [
    state.caseNumber,
    unitSeparator,
    state.applicant.name,
    shortSeparator,
    applicantKey(state.applicant),
    unitSeparator,
    state.applicant.mobile,
  ].join('');
}

/** Below this, a query matches only the number and the name: "002" is not every ID holding 002. */
export const minKeyQuery = 4;

export function upsertCase(db: Db, p: CaseProjection): void {
  sql(
    db,
    `INSERT INTO cases (id, case_number, item_code, item_name, department_code, window_id,
       applicant_name, applicant_key, calendar_version, status, open, received_at, due_at,
       order_key, recheck_at, work_clock, updated_at, state, search_text)
     VALUES (@id, @caseNumber, @itemCode, @itemName, @departmentCode, @windowId, @applicantName,
       @applicantKey, @calendarVersion, @status, @open, @receivedAt, @dueAt, @orderKey, @recheckAt,
       @workClock, @updatedAt, @state, @searchText)
     ON CONFLICT(id) DO UPDATE SET status = excluded.status, open = excluded.open,
       due_at = excluded.due_at, order_key = excluded.order_key, recheck_at = excluded.recheck_at,
       work_clock = excluded.work_clock, updated_at = excluded.updated_at, state = excluded.state`,
  ).run({
    id: p.state.caseId,
    caseNumber: p.state.caseNumber,
    itemCode: p.state.item.code,
    itemName: p.state.item.name,
    calendarVersion: p.state.calendarVersion,
    workClock: JSON.stringify(p.workClock),
    departmentCode: p.state.item.departmentCode,
    windowId: p.windowId,
    applicantName: p.state.applicant.name,
    applicantKey: applicantKey(p.state.applicant),
    status: p.status,
    open: p.open ? 1 : 0,
    receivedAt: p.state.receivedAt,
    dueAt: p.dueAt,
    orderKey: p.dueAt ?? stoppedClockKey,
    recheckAt: p.recheckAt,
    updatedAt: p.state.lastOccurredAt,
    state: JSON.stringify(p.state),
    searchText: caseSearchText(p.state),
  });
  // part A of issue 15: the number is no longer UNIQUE (migration 009) — a clash after a center
  // restore is recorded here, once per pair, instead of failing the pull that brought it
  sql(
    db,
    `INSERT OR IGNORE INTO case_number_conflicts (case_number, case_id, other_case_id, detected_at)
     SELECT case_number, @id, id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM cases
     WHERE case_number = @caseNumber AND id <> @id`,
  ).run({ id: p.state.caseId, caseNumber: p.state.caseNumber });
}

export type CaseNumberConflict = {
  case_number: string;
  case_id: string;
  other_case_id: string;
  detected_at: string;
  window_id: string;
  received_event_id: string;
  actor_name: string;
  actor_role: string;
  occurred_at: string;
};

/** The department's case numbers held by two cases, as recorded by upsertCase; newest first. */
export function caseNumberConflicts(db: Db, departmentCode: string): CaseNumberConflict[] {
  return sql(
    db,
    `SELECT k.case_number, k.case_id, k.other_case_id, k.detected_at, c.window_id,
       r.id AS received_event_id, r.actor_name, r.actor_role, r.occurred_at
     FROM case_number_conflicts k
     JOIN cases c ON c.id = k.case_id
     JOIN events r ON r.case_id = k.case_id AND r.type = 'received'
     WHERE c.department_code = ?
     ORDER BY k.detected_at DESC`,
  ).all(departmentCode) as CaseNumberConflict[];
}

/** A case none of whose events folds any more (its receipt conflicted at the center). */
export function deleteCase(db: Db, caseId: string): void {
  sql(db, 'DELETE FROM cases WHERE id = ?').run(caseId);
}

/** Where a case sits: the window that received it and its department; undefined if unknown. */
export function caseScopeOf(db: Db, caseId: string): CaseScope | undefined {
  const row = sql(db, 'SELECT window_id, department_code FROM cases WHERE id = ?').get(caseId) as
    { window_id: string; department_code: string } | undefined;
  return row && { windowId: row.window_id, departmentCode: row.department_code };
}

export function getCaseState(db: Db, caseId: string): CaseState | undefined {
  const row = sql(db, 'SELECT state FROM cases WHERE id = ?').get(caseId) as
    { state: string } | undefined;
  return row ? (JSON.parse(row.state) as CaseState) : undefined;
}

// Open cases by deadline; paused ones (no running deadline) after them. The index
// (window_id, open, order_key) serves this without sorting the window's cases.
export type CaseFilter = {
  open: boolean;
  itemCode?: string | undefined;
  query?: string | undefined;
  limit: number;
  offset: number;
};

// LIKE treats % and _ as wildcards; a clerk searching for them means the characters.
function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Whose cases a list holds: one window's, or its department's (part T of issue 16). */
export type CaseListScope = { windowId: string } | { departmentCode: string };

// Open cases by deadline; paused ones (no running deadline) after them. The indexes
// (window_id | department_code, open, order_key) serve this without sorting the scope's cases.
export function listScopeCases(
  db: Db,
  scope: CaseListScope,
  filter: CaseFilter,
): { rows: CaseListRow[]; total: number } {
  const where = [
    'windowId' in scope ? 'window_id = @windowId' : 'department_code = @departmentCode',
  ];
  if (filter.open) where.push('open = 1');
  if (filter.itemCode) where.push('item_code = @itemCode');
  const query = filter.query?.trim() ?? '';
  if (query) {
    // LIKE folds ASCII case, so "sj" finds SJ-… and an ID's x finds X. A short query is held to
    // the number and the name (before the ␞); a mobile typed as "138 0013" is its digits.
    where.push(
      [...query].length >= minKeyQuery
        ? "(search_text LIKE @part ESCAPE '\\' OR search_text LIKE @digits ESCAPE '\\')"
        : "substr(search_text, 1, instr(search_text, char(30)) - 1) LIKE @part ESCAPE '\\'",
    );
  }
  const digits = /^[\d\s-]+$/.test(query) ? query.replace(/[\s-]/g, '') : query;
  const params = {
    windowId: 'windowId' in scope ? scope.windowId : null,
    departmentCode: 'departmentCode' in scope ? scope.departmentCode : null,
    itemCode: filter.itemCode ?? null,
    part: `%${likeEscaped(query)}%`,
    digits: `%${likeEscaped(digits)}%`,
  };
  const clause = where.join(' AND ');
  const rows = sql(
    db,
    `SELECT ${caseListColumns}
     FROM cases WHERE ${clause} ORDER BY order_key LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: filter.limit, offset: filter.offset }) as CaseListRow[];
  const total = (
    sql(db, `SELECT count(*) AS n FROM cases WHERE ${clause}`).get(params) as { n: number }
  ).n;
  return { rows, total };
}

/**
 * The department's open cases past intake, by deadline, with their folded state: the review
 * desk's candidates (a reviewer or chief may act on a case another window of the department took in).
 */
export function queueCases(db: Db, departmentCode: string): (CaseListRow & { state: string })[] {
  return sql(
    db,
    `SELECT state, ${caseListColumns}
     FROM cases
     WHERE department_code = ? AND open = 1 AND status NOT IN ('received', 'awaitingSupplement')
     ORDER BY order_key`,
  ).all(departmentCode) as (CaseListRow & { state: string })[];
}

/** The applicant as recorded on their latest case at this terminal, for prefilling intake. */
export function findApplicant(db: Db, key: string): OpenCase['applicant'] | null {
  const row = sql(
    db,
    'SELECT state FROM cases WHERE applicant_key = ? ORDER BY received_at DESC LIMIT 1',
  ).get(key.toUpperCase()) as { state: string } | undefined;
  return row ? (JSON.parse(row.state) as OpenCase).applicant : null;
}

// A case is open to a returning applicant until it is finished, refused or withdrawn: a
// delivered case still waiting for its rating is done for the applicant.
const finishedStatuses = `('delivered', 'refused', 'withdrawn')`;

/**
 * Part T of issue 16: the department's unfinished cases of this applicant (ID number or USCC)
 * for this item, oldest first — what intake shows before a second case can be made.
 */
export function openCasesOf(
  db: Db,
  departmentCode: string,
  key: { applicantKey: string; itemCode: string },
): CaseListRow[] {
  return sql(
    db,
    `SELECT ${caseListColumns} FROM cases
     WHERE applicant_key = ? AND department_code = ? AND item_code = ?
       AND status NOT IN ${finishedStatuses}
     ORDER BY received_at, case_number`,
  ).all(key.applicantKey.toUpperCase(), departmentCode, key.itemCode) as CaseListRow[];
}

// "某某（西安）有限公司" and "某某(西安)有限公司 " are one name: width and spaces are how it was typed.
function sameName(a: string, b: string): boolean {
  const plain = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
  return plain(a) === plain(b);
}

/**
 * Part R of issue 16: the latest case under this USCC, when its organisation had another name than
 * `name`; else null. One USCC is one organisation for life (GB 32100), so another name is a rename
 * or a mistyped code; the clerk is told, and decides. Only the latest counts: after a rename the
 * cases under the old name must not warn at every intake under the new one.
 */
export function earlierName(
  db: Db,
  { uscc, name }: { uscc: string; name: string },
): { name: string; caseNumber: string; receivedAt: string } | null {
  const latest = sql(
    db,
    `SELECT applicant_name, case_number, received_at FROM cases
     WHERE applicant_key = ? ORDER BY received_at DESC, case_number DESC LIMIT 1`,
  ).get(uscc.toUpperCase()) as
    { applicant_name: string; case_number: string; received_at: string } | undefined;
  return latest && !sameName(latest.applicant_name, name)
    ? {
        name: latest.applicant_name,
        caseNumber: latest.case_number,
        receivedAt: latest.received_at,
      }
    : null;
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
