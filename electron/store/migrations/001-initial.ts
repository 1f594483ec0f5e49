import type { Migration } from './migration';

export const m001Initial: Migration = {
  version: 1,
  name: 'initial: events (history + outbox), cases projection, catalog, calendar, staff, settings',
  up(db) {
    db.exec(`
      CREATE TABLE device (
        id TEXT PRIMARY KEY,
        public_key TEXT NOT NULL,
        private_key TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE departments (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL
      );

      CREATE TABLE windows (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        department_code TEXT NOT NULL REFERENCES departments(code)
      );

      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('clerk','reviewer','chief','manager','supervisor')),
        window_id TEXT REFERENCES windows(id),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1
      );

      CREATE TABLE items (
        code TEXT PRIMARY KEY,
        department_code TEXT NOT NULL REFERENCES departments(code),
        name TEXT NOT NULL UNIQUE,
        data TEXT NOT NULL CHECK (json_valid(data))
      );

      CREATE TABLE calendar_versions (
        version TEXT PRIMARY KEY,
        data TEXT NOT NULL CHECK (json_valid(data)),
        created_at TEXT NOT NULL
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      );

      -- The history and the outbox in one table: an event is written once, with its sync state.
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        case_id TEXT NOT NULL,
        type TEXT NOT NULL,
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        actor_role TEXT NOT NULL,
        window_id TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        device_id TEXT NOT NULL,
        device_seq INTEGER NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        signature TEXT NOT NULL,
        sync_state TEXT NOT NULL DEFAULT 'pending'
          CHECK (sync_state IN ('pending','acknowledged','conflicted','rejected')),
        sync_note TEXT,
        UNIQUE (device_id, device_seq)
      );
      CREATE INDEX events_case ON events(case_id, seq);
      CREATE INDEX events_outbox ON events(sync_state, device_seq) WHERE sync_state = 'pending';

      -- A projection: dropped and rebuilt from events at will; never the source of truth.
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        case_number TEXT NOT NULL UNIQUE,
        item_code TEXT NOT NULL,
        department_code TEXT NOT NULL,
        window_id TEXT NOT NULL,
        item_name TEXT NOT NULL,
        applicant_name TEXT NOT NULL,
        applicant_key TEXT NOT NULL,
        calendar_version TEXT NOT NULL,
        status TEXT NOT NULL,
        open INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        due_at TEXT,
        -- due_at, or a value after every date for cases whose clock is stopped, so that the
        -- window's work order is an index range scan, not a sort
        order_key TEXT NOT NULL,
        -- while the 5-day completeness clock runs, its deadline: when it passes without a notice
        -- the case counts as accepted (Art. 32) and its row must be folded again, although no
        -- event happened
        recheck_at TEXT,
        -- the clock the work list shows for the row (kind, deadline, pause), so that listing
        -- thousands of cases needs no fold of their state
        work_clock TEXT NOT NULL CHECK (json_valid(work_clock)),
        updated_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (json_valid(state))
      );
      CREATE INDEX cases_window_open_order ON cases(window_id, open, order_key);
      CREATE INDEX cases_recheck ON cases(recheck_at) WHERE recheck_at IS NOT NULL;
      CREATE INDEX cases_applicant ON cases(applicant_key);

      -- Serials behind offline case numbers: department + day + window + serial is unique
      -- without asking the center.
      CREATE TABLE case_serials (
        department_code TEXT NOT NULL,
        day TEXT NOT NULL,
        window_code TEXT NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (department_code, day, window_code)
      );
    `);
  },
};
