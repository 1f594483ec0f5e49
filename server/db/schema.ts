import type { Generated, Insertable, Selectable } from 'kysely';
import type { DepartmentRow } from '../../shared/catalog';

// The center's tables, one shape for both dialects: JSON is stored as text and booleans as
// 0/1 integers, so that SQLite and PostgreSQL read back identical values and the same code and
// the same golden numbers hold on both. Times are ISO-8601 text with +08:00.

export type ServerDb = {
  /** one row per reference kind (catalog, calendar, staff, settings): bumped by every change */
  reference_versions: { kind: string; version: number };
  /** the appeal bodies and the intake seal mode: null until the manager sets them (0013) */
  departments: DepartmentRow;
  windows: { id: string; code: string; name: string; department_code: string };
  staff: {
    id: string;
    username: string;
    name: string;
    role: string;
    window_id: string | null;
    password_hash: string;
    active: number;
    /** 1: signs in at the center only; its hash never goes to a terminal (0018) */
    center_only: Generated<number>;
  };
  /** `data` is the whole ServiceItem as JSON (shared/catalog's schema) */
  items: { code: string; department_code: string; name: string; data: string };
  /** `powers` is a JSON array of shared/catalog Power */
  window_powers: { window_id: string; item_code: string; powers: string };
  /** each staff member's record as it changed, valid from `valid_from` until the next seq */
  staff_history: {
    staff_id: string;
    seq: number;
    name: string;
    role: string;
    window_id: string | null;
    active: number;
    valid_from: string;
  };
  /** every version of an item the center published (`data` as in `items`) */
  item_versions: { item_code: string; seq: number; data: string; published_at: string };
  /** each window's delegated powers per item as they changed; `powers` null: none delegated */
  window_power_history: {
    window_id: string;
    item_code: string;
    seq: number;
    powers: string | null;
    valid_from: string;
  };
  closures: { date: string; reason: string };
  /** part W of issue 16 (0021): a department's 常用语 of one kind, `position` from 0 in order */
  department_phrases: { department_code: string; kind: string; position: number; text: string };
  /** a year's official table as the manager entered it; `holidays`/`workdays`: JSON date lists */
  official_years: {
    year: number;
    holidays: string;
    workdays: string;
    entered_by: string;
    entered_at: string;
  };
  /** every calendar version the center made: `data` is its CalendarData as JSON */
  calendar_versions: { version: string; data: string; created_at: string };
  /** `value` is JSON */
  settings: { key: string; value: string };
  /** issue 17 part 4 (0024): the SMS outbox, one row per case event at most */
  sms_messages: SmsMessageTable;
  /** every call to the SMS provider; `outcome` 'sent' | 'found' (an earlier unanswered send was there) | 'failed' | 'uncertain' */
  sms_attempts: {
    message_id: string;
    seq: number;
    at: string;
    outcome: string;
    error: string | null;
  };
  /** the provider, its key and the templates (`value` is JSON); never pulled by a terminal */
  sms_settings: { key: string; value: string };
  /** staff sign-in at the center; only the SHA-256 of the token is kept */
  sessions: { token_hash: string; staff_id: string; created_at: string; expires_at: string };
  /**
   * sign-in attempts (any process) per key: `pair|<address>|<username>`, `address|<address>`,
   * `account|<username>` (server/auth/lockout.ts)
   */
  login_guards: {
    key: string;
    /** failures plus attempts in flight since window_start */
    attempts: number;
    window_start: string;
    locked_until: string | null;
    /** locks in a row: the next lasts longer */
    locks: number;
    /** pair rows: the username last signed in from this address */
    last_success_at: string | null;
  };
  /** the chiefs' seal keys (0009): a decision is genuine only under one of these */
  seal_keys: {
    key_id: string;
    staff_id: string;
    public_key: string;
    device_id: string;
    registered_at: string;
    revoked_at: string | null;
  };
  /** refused device calls per Beijing day and source (a client address, or `*` beyond the cap) */
  device_refusals: { day: string; source: string; refusals: number };
  enrollment_codes: {
    code_hash: string;
    window_id: string;
    created_by: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
    device_id: string | null;
  };
  devices: {
    id: string;
    window_id: string;
    department_code: string;
    terminal_number: number;
    label: string;
    public_key: string;
    /** SHA-256 of the bearer secret handed out at enrollment */
    token_hash: string;
    enrolled_at: string;
    revoked_at: string | null;
    /** the highest device_seq stored for this device and its hash: where its chain continues */
    last_seq: number;
    last_hash: string;
    /** the latest occurred_at among the device's accepted events (0010); null before any */
    last_event_at: Generated<string | null>;
  };
  // ---- part A of issue 15 (recovery, 0015) ----
  /** a terminal the center had lost or revoked, re-registered with a manager's code */
  device_readmissions: {
    id: string;
    device_id: string;
    window_id: string;
    terminal_number: number;
    readmitted_at: string;
    approved_by: string;
    presented_seq: number;
    presented_hash: string;
    known_seq: number | null;
    revoked_at: string | null;
  };
  /** no new terminal of the window is numbered at or below `floor` */
  terminal_number_floors: { window_id: string; floor: number };
  /** each restore the center learnt of: 'command' or 'detected' */
  center_restores: { id: string; recorded_at: string; kind: string; detail: string };
  /** every event ever admitted, accepted or conflicted; never updated, never deleted */
  /** issue 18 (0027): the materials' files the center holds, verified by their hash */
  files: {
    sha256: string;
    bytes: number;
    media_type: string;
    /** where the bytes are: the data folder, or the configured S3-compatible store */
    backend: 'disk' | 's3';
    /** the terminal whose upload completed it first */
    device_id: string;
    stored_at: string;
  };
  /** review of issue 18 (0028): the center's own keys, one a purpose ('receipt') */
  center_keys: { purpose: string; public_key: string; private_key: string; created_at: string };
  /** second review of issue 18 (0029): each manifest a receipt was given for, by which PC */
  witnessed_manifests: {
    case_id: string;
    manifest_sha256: string;
    device_id: string;
    issued_at: string;
  };
  /** issue 18 (0027): which department's case names which file (its `materialsAttached`) */
  file_refs: { sha256: string; case_id: string; department_code: string };
  events: {
    server_seq: Generated<number>;
    id: string;
    case_id: string;
    department_code: string;
    window_id: string;
    device_id: string;
    device_seq: number;
    type: string;
    payload: string;
    actor_id: string;
    actor_name: string;
    actor_role: string;
    occurred_at: string;
    prev_hash: string;
    hash: string;
    signature: string;
    status: 'accepted' | 'conflicted';
    conflict_rule: string | null;
    conflict_message: string | null;
    /** the server's clock at commit: the terminal's clock may be wrong */
    received_at: string;
    /** for events that issue a document: shared/documents verificationCode(hash) */
    verification_code: string | null;
  };
  alerts: AlertTable;
  /** each terminal's measured clock offset over time (0010); the newest row is the current one */
  device_clock: {
    device_id: string;
    measured_at: string;
    /** terminal minus center, ms, as the PC's own clock reads */
    offset_ms: number;
    /** what the terminal subtracts to date its events (a manager acknowledged the offset) */
    correction_ms: number | null;
    skewed: number;
  };
  alert_actions: AlertActionTable;
  complaints: ComplaintTable;
  complaint_steps: ComplaintStepTable;
  /** one row: the shared/case projectionVersion the `cases` rows were summarised by */
  projection_version: { version: number };
  /** projection of the accepted events of each case; rebuildable from `events` */
  cases: {
    id: string;
    case_number: string;
    department_code: string;
    window_id: string;
    item_code: string;
    item_name: string;
    applicant_name: string;
    /** shared/case applicantKey; null on rows written before 0022 until the projection refolds */
    applicant_key: string | null;
    status: string;
    open: number;
    received_at: string;
    due_at: string | null;
    /** JSON CaseState (shared/case) after the accepted events */
    state: string;
    last_server_seq: number;
    updated_at: string;
    /** the case's last event's own time (+08:00): what a report's period is judged by */
    last_event_at: string | null;
    /** the first seal's time (+08:00): when the case was completed, whatever corrected it later */
    sealed_at: string | null;
    /** 1 when that seal kept the time limit, 0 when late; null while not sealed */
    sealed_on_time: number | null;
  };
  // ---- part C (issue 15): operations (0017) ----
  /** terminal releases published from <data>/updates/<version>/ with their staging rule */
  terminal_releases: {
    version: string;
    protocol: number;
    percent: number;
    /** JSON array of window ids */
    window_ids: string;
    published_at: string;
    published_by: string;
    withdrawn_at: string | null;
  };
  /** each device's newest report of itself, and when the center last heard from it */
  device_reports: {
    device_id: string;
    last_seen_at: string;
    app_version: string | null;
    pending: number | null;
    last_error: string | null;
    /** 'ok', or the first line of what the integrity check found */
    integrity: string | null;
  };
  crash_reports: {
    id: string;
    device_id: string | null;
    received_at: string;
    product: string;
    version: string;
    process_type: string | null;
    file_name: string;
    size: number;
    /** JSON: the other form fields of the upload */
    fields: string;
  };
  // issue 17 (0023): the hall's queue
  queue_lines: { department_code: string; prefix: string };
  queue_counters: { day: string; prefix: string; last: number };
  queue_tickets: {
    id: string;
    day: string;
    number: string;
    serial: number;
    department_code: string;
    /** shared/center-api ticketStatuses */
    status: string;
    window_id: string | null;
    taken_at: string;
    taken_from: Generated<string>;
    called_at: string | null;
    service_from: string | null;
    last_called_at: string | null;
    recalls: Generated<number>;
    finished_at: string | null;
    staff_id: string | null;
    transfer_note: string | null;
    transferred_from: string | null;
  };
  queue_ticket_cases: { ticket_id: string; case_id: string; case_number: string };
  queue_calls: {
    seq: Generated<number>;
    ticket_id: string;
    window_id: string;
    kind: string;
    at: string;
  };
  queue_windows: { window_id: string; paused: Generated<number>; counter: number | null };
  queue_actions: {
    ticket_id: string;
    /** take, call, recall, noShow, finish, transfer, expire */
    action: string;
    window_id: string | null;
    staff_id: string | null;
    note: string | null;
    at: string;
  };
  // issue 17 part 2 (0025): 好差评 by the applicant
  ratings: RatingTable;
  rating_appeals: {
    rating_id: string;
    reason: string;
    appealed_at: string;
    appealed_by: string;
    decision: string | null;
    decision_note: string | null;
    decided_at: string | null;
    decided_by: string | null;
  };
  rating_follow_ups: {
    rating_id: string;
    due_date: string;
    rectification_due: string;
    contacted_by: string | null;
    contacted_at: string | null;
    method: string | null;
    result: string | null;
    recorded_by: string | null;
    /** the center's clock when the follow-up was recorded (0026); null before it is */
    recorded_at: string | null;
    rectification: string | null;
    rectified_at: string | null;
  };
  rating_devices: { window_id: string; token_hash: string; paired_at: string };
  rating_pairings: {
    window_id: string;
    code_hash: string;
    expires_at: string;
    failures: Generated<number>;
  };
  rating_phone_attempts: { address: string; at: string };
  rating_settings: {
    id: number;
    follow_up_days: Generated<number>;
    push_url: string | null;
    push_key: string | null;
  };
};

export type RatingTable = {
  id: string;
  /** shared/rating ratingServiceKinds */
  service_kind: string;
  service_id: string;
  /** shared/rating ratingChannels */
  channel: string;
  form_number: string | null;
  level: number;
  /** JSON array of shared/rating ratingReasons */
  reasons: string;
  comment: string | null;
  rated_at: string;
  department_code: string;
  window_id: string | null;
  staff_id: string | null;
  case_id: string | null;
  case_number: string | null;
  item_code: string | null;
  item_name: string | null;
  ticket_number: string | null;
  recorded_by: string | null;
  pushed_at: string | null;
  push_attempts: Generated<number>;
  push_error: string | null;
  next_push_at: string | null;
};

export type AlertTable = {
  id: string;
  dedupe_key: string;
  case_id: string | null;
  case_number: string | null;
  department_code: string;
  window_id: string | null;
  rule: string;
  /** 'warning' | 'yellow' | 'red' | 'violation' */
  level: string;
  message: string;
  /** JSON: the ids of the events the alert rests on */
  evidence: string;
  raised_at: string;
  /** 'open' | 'acknowledged' | 'escalated' */
  status: string;
};

export type AlertActionTable = {
  id: string;
  alert_id: string;
  seq: number;
  /** 'acknowledged' | 'escalated' */
  action: string;
  comment: string;
  actor_id: string;
  actor_name: string;
  at: string;
};

/** a public complaint (公众投诉); never deleted */
export type ComplaintTable = {
  id: string;
  department_code: string;
  window_id: string | null;
  case_id: string | null;
  case_number: string | null;
  complainant_name: string | null;
  complainant_phone: string | null;
  channel: string;
  content: string;
  received_at: string;
  /** the handling clock's last working day and 24:00 of it, fixed when recorded */
  due_date: string;
  due_at: string;
  /** 'open' | 'replied' | 'closed' */
  status: string;
  /** the latest reply */
  reply: string | null;
  replied_at: string | null;
  /** '属实' | '不属实' | '部分属实' */
  conclusion: string | null;
  closed_at: string | null;
};

/** one step of a complaint's handling, appended in order */
export type ComplaintStepTable = {
  id: string;
  complaint_id: string;
  seq: number;
  /** 'recorded' | 'replied' | 'closed' */
  action: string;
  text: string;
  conclusion: string | null;
  actor_id: string;
  actor_name: string;
  at: string;
};

/** times are shanghaiIso text: the worker compares `due_at` and `lease_until` as text */
export type SmsMessageTable = {
  id: string;
  event_id: string;
  case_id: string;
  case_number: string;
  /** the notice kind: 'accepted' | 'noticeIssued' | 'stamped' | 'certificateIssued' */
  kind: string;
  phone: string;
  /** the template's variables as JSON */
  params: string;
  /** the message as the applicant reads it, for the manager */
  text: string;
  /** 'queued' | 'sending' | 'sent' | 'failed' */
  status: string;
  due_at: string;
  /** attempts since queued or resent; the retry limit counts these */
  attempts: Generated<number>;
  lease_until: string | null;
  /** the claiming worker's token: only it may settle the row */
  claim: string | null;
  /** 1: a send got no answer; the provider is asked before anything is sent again */
  uncertain: Generated<number>;
  last_error: string | null;
  /** the provider's id of the delivered message (BizId) */
  provider_id: string | null;
  created_at: string;
  sent_at: string | null;
};

export type EventRow = Selectable<ServerDb['events']>;
export type NewEvent = Insertable<ServerDb['events']>;
export type CaseRow = Selectable<ServerDb['cases']>;
export type DeviceRow = Selectable<ServerDb['devices']>;
