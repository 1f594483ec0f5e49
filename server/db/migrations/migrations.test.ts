import { Migrator, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../migrate';
import { createTestDatabase, dialects, type TestDatabase } from '../test-db';

// Each migration on its own: the database as the one before it left it, with rows in it, then
// this migration — what a center that updates meets. (0005's constraints: migrate.test.ts.)

async function upTo(t: TestDatabase, name: string): Promise<void> {
  const migrator = new Migrator({
    db: t.db,
    provider: { getMigrations: () => Promise.resolve(migrations(t.dialect)) },
  });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
}

const raw = (t: TestDatabase) => t.db as unknown as Kysely<Record<string, Record<string, unknown>>>;

const stateJson = JSON.stringify({
  status: 'stamped',
  lastOccurredAt: '2026-03-02T10:00:00+08:00',
  stamp: { at: '2026-03-02T10:00:00+08:00' },
});

/** A case row as 0001 shaped it. */
async function insertCase(t: TestDatabase): Promise<void> {
  await raw(t)
    .insertInto('cases')
    .values({
      id: 'c1',
      case_number: 'SJ-1',
      department_code: 'SJ',
      window_id: 'w1',
      item_code: 'SJ-001',
      item_name: '食品经营许可',
      applicant_name: '甲',
      status: 'stamped',
      open: 1,
      received_at: '2026-03-02T09:00:00+08:00',
      due_at: null,
      state: stateJson,
      last_server_seq: 1,
      updated_at: '2026-03-02T10:00:00+08:00',
    })
    .execute();
}

describe.each(dialects)('each center migration on the one before (%s)', (dialect) => {
  async function withDatabase(body: (t: TestDatabase) => Promise<void>): Promise<void> {
    const t = await createTestDatabase(dialect, { fresh: true, unmigrated: true });
    try {
      await body(t);
    } finally {
      await t.dispose();
    }
  }

  it('0001 creates the tables and seeds each reference version at 1', () =>
    withDatabase(async (t) => {
      await upTo(t, '0001-initial');
      const versions = await t.db
        .selectFrom('reference_versions')
        .select(['kind', 'version'])
        .orderBy('kind')
        .execute();
      expect(versions.map((v) => [v.kind, v.version])).toEqual([
        ['calendar', 1],
        ['catalog', 1],
        ['settings', 1],
        ['staff', 1],
      ]);
      await insertCase(t);
      expect(await t.db.selectFrom('cases').select('id').execute()).toEqual([{ id: 'c1' }]);
    }));

  it('0002 counts failed sign-ins, one row per username', () =>
    withDatabase(async (t) => {
      await upTo(t, '0002-login-attempts');
      const row = { username: 'admin', failures: 1, last_failed_at: '2026-03-02T09:00:00+08:00' };
      await raw(t)
        .insertInto('login_attempts')
        .values({ ...row, locked_until: null })
        .execute();
      await expect(
        raw(t)
          .insertInto('login_attempts')
          .values({ ...row, locked_until: null })
          .execute(),
      ).rejects.toThrow();
    }));

  it('0003 copies each case’s last event time into last_event_at', () =>
    withDatabase(async (t) => {
      await upTo(t, '0002-login-attempts');
      await insertCase(t);
      await upTo(t, '0003-report-index');
      expect(await t.db.selectFrom('cases').select(['id', 'last_event_at']).execute()).toEqual([
        { id: 'c1', last_event_at: '2026-03-02T10:00:00+08:00' },
      ]);
    }));

  it('0004 keeps one alert per dedupe key and the actions of an alert in order', () =>
    withDatabase(async (t) => {
      await upTo(t, '0004-supervision');
      const alert = {
        id: 'a1',
        dedupe_key: 'c1:clock.promised:red',
        case_id: 'c1',
        case_number: 'SJ-1',
        department_code: 'SJ',
        window_id: 'w1',
        rule: 'clock.promised.red',
        level: 'red',
        message: '红牌',
        evidence: '[]',
        raised_at: '2026-03-02T10:00:00+08:00',
        status: 'open',
      };
      await t.db.insertInto('alerts').values(alert).execute();
      await expect(
        t.db
          .insertInto('alerts')
          .values({ ...alert, id: 'a2' })
          .execute(),
      ).rejects.toThrow();
    }));

  it('0006 adds the completion columns empty and folds nothing (the start-up rebuild fills them)', () =>
    withDatabase(async (t) => {
      await upTo(t, '0005-complaints');
      await insertCase(t);
      await upTo(t, '0006-completion-facts');
      expect(
        await t.db
          .selectFrom('cases')
          .select(['id', 'state', 'sealed_at', 'sealed_on_time'])
          .execute(),
      ).toEqual([{ id: 'c1', state: stateJson, sealed_at: null, sealed_on_time: null }]);
    }));

  it('0007 records no projection version, so the next start folds every case again', () =>
    withDatabase(async (t) => {
      await upTo(t, '0007-projection-version');
      expect(await t.db.selectFrom('projection_version').selectAll().execute()).toEqual([]);
      await t.db.insertInto('projection_version').values({ version: 1 }).execute();
      expect(await t.db.selectFrom('projection_version').selectAll().execute()).toEqual([
        { version: 1 },
      ]);
    }));

  it('0011 carries each username’s count and lock over as an account counter', () =>
    withDatabase(async (t) => {
      await upTo(t, '0007-projection-version');
      await raw(t)
        .insertInto('login_attempts')
        .values([
          {
            username: 'admin',
            failures: 0,
            last_failed_at: '2026-03-02T09:00:00.000+08:00',
            locked_until: '2026-03-02T09:15:00.000+08:00',
          },
          {
            username: 'li',
            failures: 2,
            last_failed_at: '2026-03-02T08:00:00.000+08:00',
            locked_until: null,
          },
        ])
        .execute();
      await upTo(t, '0011-login-guards');
      expect(await t.db.selectFrom('login_guards').selectAll().orderBy('key').execute()).toEqual([
        {
          key: 'account|admin',
          attempts: 0,
          window_start: '2026-03-02T09:00:00.000+08:00',
          locked_until: '2026-03-02T09:15:00.000+08:00',
          locks: 1,
          last_success_at: null,
        },
        {
          key: 'account|li',
          attempts: 2,
          window_start: '2026-03-02T08:00:00.000+08:00',
          locked_until: null,
          locks: 0,
          last_success_at: null,
        },
      ]);
      // one count per source and day
      const refusal = { day: '2026-03-02', source: '10.0.0.9', refusals: 1 };
      await t.db.insertInto('device_refusals').values(refusal).execute();
      await expect(t.db.insertInto('device_refusals').values(refusal).execute()).rejects.toThrow();
    }));

  it('0010 keeps a device clock history whose offsets of years (beyond 32 bits) read back exact', () =>
    withDatabase(async (t) => {
      await upTo(t, '0010-device-clock');
      await raw(t)
        .insertInto('departments')
        .values({ code: 'SJ', name: '市场监督管理局' })
        .execute();
      await raw(t)
        .insertInto('windows')
        .values({ id: 'w1', code: 'SJ01', name: '一号窗', department_code: 'SJ' })
        .execute();
      await raw(t)
        .insertInto('devices')
        .values({
          id: 'd1',
          window_id: 'w1',
          department_code: 'SJ',
          terminal_number: 1,
          label: 'PC',
          public_key: 'k',
          token_hash: 'h',
          enrolled_at: '2026-03-02T09:00:00+08:00',
          revoked_at: null,
          last_seq: 0,
          last_hash: '0'.repeat(64),
        })
        .execute();
      const fourYears = 4 * 365 * 86_400_000;
      await t.db
        .insertInto('device_clock')
        .values([
          {
            device_id: 'd1',
            measured_at: '2026-03-02T09:00:00+08:00',
            offset_ms: 1200,
            correction_ms: null,
            skewed: 0,
          },
          {
            device_id: 'd1',
            measured_at: '2026-03-02T10:00:00+08:00',
            offset_ms: -fourYears,
            correction_ms: -fourYears,
            skewed: 1,
          },
        ])
        .execute();
      const rows = await t.db
        .selectFrom('device_clock')
        .select(['offset_ms', 'correction_ms', 'skewed'])
        .orderBy('measured_at', 'desc')
        .execute();
      expect(rows.map((r) => [Number(r.offset_ms), Number(r.correction_ms), r.skewed])).toEqual([
        [-fourYears, -fourYears, 1],
        [1200, 0, 0],
      ]);
    }));

  it('0008 backfills the staff, items and powers as in force since always, and keeps them apart', () =>
    withDatabase(async (t) => {
      await upTo(t, '0007-projection-version');
      const db = raw(t);
      await db.insertInto('departments').values({ code: 'SJ', name: '市场监督管理局' }).execute();
      await db
        .insertInto('windows')
        .values({ id: 'w1', code: 'SJ01', name: '一号窗', department_code: 'SJ' })
        .execute();
      await db
        .insertInto('staff')
        .values({
          id: 's1',
          username: 'clerk',
          name: '王窗口',
          role: 'clerk',
          window_id: 'w1',
          password_hash: 'x',
          active: 0,
        })
        .execute();
      await db
        .insertInto('items')
        .values({ code: 'SJ-001', department_code: 'SJ', name: '食品经营许可', data: '{"v":1}' })
        .execute();
      await db
        .insertInto('window_powers')
        .values({ window_id: 'w1', item_code: 'SJ-001', powers: '["accept"]' })
        .execute();
      await upTo(t, '0008-authority-history');
      const since = '1970-01-01T08:00:00.000+08:00';
      expect(await t.db.selectFrom('staff_history').selectAll().execute()).toEqual([
        {
          staff_id: 's1',
          seq: 1,
          name: '王窗口',
          role: 'clerk',
          window_id: 'w1',
          active: 0,
          valid_from: since,
        },
      ]);
      expect(await t.db.selectFrom('item_versions').selectAll().execute()).toEqual([
        { item_code: 'SJ-001', seq: 1, data: '{"v":1}', published_at: since },
      ]);
      expect(await t.db.selectFrom('window_power_history').selectAll().execute()).toEqual([
        { window_id: 'w1', item_code: 'SJ-001', seq: 1, powers: '["accept"]', valid_from: since },
      ]);
      // one row per member and seq: a second writer of the same change fails, never doubles it
      await expect(
        t.db
          .insertInto('staff_history')
          .values({
            staff_id: 's1',
            seq: 1,
            name: '王窗口',
            role: 'clerk',
            window_id: 'w1',
            active: 1,
            valid_from: since,
          })
          .execute(),
      ).rejects.toThrow();
      // an item's versions outlive the item: the cases received under them stay verifiable
      await db.deleteFrom('items').where('code', '=', 'SJ-001').execute();
      expect(await t.db.selectFrom('item_versions').select('item_code').execute()).toHaveLength(1);
    }));

  it('0013 gives each stored department empty appeal bodies and intake seal, keeping its name', () =>
    withDatabase(async (t) => {
      await upTo(t, '0012-item-law');
      await raw(t).insertInto('departments').values({ code: 'SJ', name: '市场监管' }).execute();
      await upTo(t, '0013-department-notices');
      expect(await raw(t).selectFrom('departments').selectAll().execute()).toEqual([
        {
          code: 'SJ',
          name: '市场监管',
          reconsideration_body: null,
          court: null,
          intake_seal: null,
        },
      ]);
      // the manager's settings are stored as the terminals will read them
      await raw(t)
        .updateTable('departments')
        .set({
          reconsideration_body: '示范区人民政府',
          court: '示范区人民法院',
          intake_seal: 'byHand',
        })
        .execute();
      expect(
        await raw(t).selectFrom('departments').select(['court', 'intake_seal']).execute(),
      ).toEqual([{ court: '示范区人民法院', intake_seal: 'byHand' }]);
    }));

  it('0009 holds each seal key once, for a staff member and the device that registered it', () =>
    withDatabase(async (t) => {
      await upTo(t, '0007-projection-version');
      await raw(t).insertInto('departments').values({ code: 'SJ', name: '市场监管' }).execute();
      await raw(t)
        .insertInto('windows')
        .values({ id: 'w1', code: 'SJ01', name: '一号窗', department_code: 'SJ' })
        .execute();
      await raw(t)
        .insertInto('staff')
        .values({
          id: 's1',
          username: 'chief',
          name: '首席',
          role: 'chief',
          window_id: null,
          password_hash: 'h',
          active: 1,
        })
        .execute();
      await raw(t)
        .insertInto('devices')
        .values({
          id: 'd1',
          window_id: 'w1',
          department_code: 'SJ',
          terminal_number: 1,
          label: 'PC1',
          public_key: 'pk',
          token_hash: 't',
          enrolled_at: '2026-03-02T09:00:00+08:00',
          last_seq: 0,
          last_hash: '0',
        })
        .execute();
      await upTo(t, '0009-seal-keys');
      const key = {
        key_id: 'seal-1',
        staff_id: 's1',
        public_key: 'pk',
        device_id: 'd1',
        registered_at: '2026-03-02T09:00:00+08:00',
        revoked_at: null,
      };
      await t.db.insertInto('seal_keys').values(key).execute();
      await expect(t.db.insertInto('seal_keys').values(key).execute()).rejects.toThrow();
      await expect(
        t.db
          .insertInto('seal_keys')
          .values({ ...key, key_id: 'seal-2', staff_id: 'nobody' })
          .execute(),
      ).rejects.toThrow();
    }));
  it('0012 gives stored items and item versions the legacy law, and leaves an item with its law alone', () =>
    withDatabase(async (t) => {
      await upTo(t, '0011-login-guards');
      const legacy = {
        code: 'ZJ-004',
        name: '占用挖掘城市道路审批',
        joint: true,
        extensionDays: 15,
      };
      const withLaw = {
        code: 'MZ-001',
        name: '民办非企业单位成立登记',
        statutoryUnit: 'calendarDays',
      };
      await raw(t).insertInto('departments').values({ code: 'ZJ', name: '住建局' }).execute();
      await raw(t)
        .insertInto('items')
        .values([
          {
            code: 'ZJ-004',
            department_code: 'ZJ',
            name: legacy.name,
            data: JSON.stringify(legacy),
          },
          {
            code: 'MZ-001',
            department_code: 'ZJ',
            name: withLaw.name,
            data: JSON.stringify(withLaw),
          },
        ])
        .execute();
      await raw(t)
        .insertInto('item_versions')
        .values({ item_code: 'ZJ-004', seq: 1, data: JSON.stringify(legacy), published_at: 'x' })
        .execute();
      await upTo(t, '0012-item-law');
      const items = await raw(t)
        .selectFrom('items')
        .select(['code', 'data'])
        .orderBy('code')
        .execute();
      expect(JSON.parse(String(items[0]!.data))).toEqual(withLaw);
      const joint = JSON.parse(String(items[1]!.data)) as Record<string, unknown>;
      // the joint item was counted in working days under Art. 42(2), extended by the government's head
      expect(joint).toMatchObject({
        ...legacy,
        statutoryUnit: 'workingDays',
        statutoryBasis: '《中华人民共和国行政许可法》第四十二条第二款',
        extensionApprover: 'governmentHead',
        publicationPausesStatutory: false,
        validity: { kind: 'decided' },
      });
      const version = await raw(t)
        .selectFrom('item_versions')
        .select('data')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(String(version.data))).toEqual(joint);
    }));

  it('0014 keeps one official table per year and each calendar version once', () =>
    withDatabase(async (t) => {
      await upTo(t, '0014-calendar-tables');
      const year = {
        year: 2027,
        holidays: '["2027-01-01"]',
        workdays: '[]',
        entered_by: 's1',
        entered_at: '2026-12-05T09:00:00+08:00',
      };
      await t.db.insertInto('official_years').values(year).execute();
      await expect(t.db.insertInto('official_years').values(year).execute()).rejects.toThrow();
      const version = { version: 'cal-1', data: '{}', created_at: '2026-12-05T09:00:00+08:00' };
      await t.db.insertInto('calendar_versions').values(version).execute();
      await expect(
        t.db.insertInto('calendar_versions').values(version).execute(),
      ).rejects.toThrow();
      expect(await t.db.selectFrom('official_years').select('year').execute()).toEqual([
        { year: 2027 },
      ]);
    }));

  // part E of issue 15
  it('0018 marks the seeded admin center-only, nobody else, and makes terminals pull the staff again', () =>
    withDatabase(async (t) => {
      await upTo(t, '0014-calendar-tables');
      await raw(t)
        .insertInto('departments')
        .values({ code: 'SJ', name: '市场监督管理局' })
        .execute();
      await raw(t)
        .insertInto('windows')
        .values({ id: 'w1', code: 'SJ01', name: '一号窗', department_code: 'SJ' })
        .execute();
      const member = (id: string, username: string, role: string, window_id: string | null) => ({
        id,
        username,
        name: id,
        role,
        window_id,
        password_hash: 'scrypt$x',
        active: 1,
      });
      await raw(t)
        .insertInto('staff')
        .values([
          member('s-admin', 'admin', 'manager', null),
          member('s-mgr', 'wangjing', 'manager', null),
          member('s-sup', 'supervisor1', 'supervisor', null),
          member('s-clerk', 'clerk1', 'clerk', 'w1'),
        ])
        .execute();
      const before = await t.db
        .selectFrom('reference_versions')
        .select('version')
        .where('kind', '=', 'staff')
        .executeTakeFirstOrThrow();
      await upTo(t, '0018-center-only-staff');
      const rows = await raw(t)
        .selectFrom('staff')
        .select(['id', 'center_only', 'password_hash'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { id: 's-admin', center_only: 1, password_hash: 'scrypt$x' },
        { id: 's-clerk', center_only: 0, password_hash: 'scrypt$x' },
        { id: 's-mgr', center_only: 0, password_hash: 'scrypt$x' },
        { id: 's-sup', center_only: 0, password_hash: 'scrypt$x' },
      ]);
      const after = await t.db
        .selectFrom('reference_versions')
        .select('version')
        .where('kind', '=', 'staff')
        .executeTakeFirstOrThrow();
      expect(after.version).toBe(before.version + 1);
      // a member added afterwards signs in at windows unless marked
      await raw(t)
        .insertInto('staff')
        .values(member('s-new', 'new1', 'manager', null))
        .execute();
      const added = await raw(t)
        .selectFrom('staff')
        .select('center_only')
        .where('id', '=', 's-new')
        .executeTakeFirstOrThrow();
      expect(added.center_only).toBe(0);
    }));

  // ---- part C (issue 15) ----
  it('0017 keeps one release per version, one report per device, and crash reports with or without a device', () =>
    withDatabase(async (t) => {
      await upTo(t, '0017-operations');
      const release = {
        version: '1.2.0',
        protocol: 1,
        percent: 10,
        window_ids: '[]',
        published_at: '2026-12-05T09:00:00+08:00',
        published_by: 'admin',
        withdrawn_at: null,
      };
      await t.db.insertInto('terminal_releases').values(release).execute();
      await expect(
        t.db.insertInto('terminal_releases').values(release).execute(),
      ).rejects.toThrow();
      await t.db
        .insertInto('crash_reports')
        .values({
          id: 'r1',
          device_id: null,
          received_at: '2026-12-05T09:00:00+08:00',
          product: 'OneWindow',
          version: '1.2.0',
          process_type: 'browser',
          file_name: 'r1.dmp',
          size: 4,
          fields: '{}',
        })
        .execute();
      expect(await t.db.selectFrom('crash_reports').select('device_id').execute()).toEqual([
        { device_id: null },
      ]);
      expect(await t.db.selectFrom('device_reports').selectAll().execute()).toEqual([]);
    }));

  // ---- part W of issue 16 ----
  it('0021 keeps each department’s phrases per kind in order, one per position', () =>
    withDatabase(async (t) => {
      await upTo(t, '0018-center-only-staff');
      await raw(t)
        .insertInto('departments')
        .values({ code: 'SJ', name: '市场监督管理局' })
        .execute();
      await upTo(t, '0021-department-phrases');
      const phrase = (position: number, text: string) => ({
        department_code: 'SJ',
        kind: 'legalBasis',
        position,
        text,
      });
      await t.db
        .insertInto('department_phrases')
        .values([phrase(1, '《中华人民共和国行政许可法》第三十八条第二款'), phrase(0, '第一条')])
        .execute();
      await expect(
        t.db.insertInto('department_phrases').values(phrase(0, '重复的位置')).execute(),
      ).rejects.toThrow();
      const rows = await t.db
        .selectFrom('department_phrases')
        .select(['position', 'text'])
        .orderBy('position')
        .execute();
      expect(rows.map((r) => r.text)).toEqual([
        '第一条',
        '《中华人民共和国行政许可法》第三十八条第二款',
      ]);
    }));

  // ---- issue 17: the hall's queue ----
  it('0023 holds one number per day and one called ticket per window, however many are done', () =>
    withDatabase(async (t) => {
      await upTo(t, '0022-case-applicant');
      await raw(t)
        .insertInto('departments')
        .values({ code: 'SJ', name: '市场监督管理局' })
        .execute();
      await raw(t)
        .insertInto('windows')
        .values({ id: 'w1', code: 'SJ01', name: '一号窗', department_code: 'SJ' })
        .execute();
      await upTo(t, '0023-queue');
      const ticket = (id: string, day: string, number: string, status: string) => ({
        id,
        day,
        number,
        serial: Number(number.slice(1)),
        department_code: 'SJ',
        status,
        window_id: 'w1',
        taken_at: `${day}T09:00:00+08:00`,
      });
      await t.db
        .insertInto('queue_tickets')
        .values([
          ticket('t1', '2026-03-02', 'A001', 'done'),
          ticket('t2', '2026-03-02', 'A002', 'noShow'),
          ticket('t3', '2026-03-02', 'A003', 'called'),
          ticket('t4', '2026-03-03', 'A001', 'done'),
        ])
        .execute();
      await expect(
        t.db
          .insertInto('queue_tickets')
          .values(ticket('t5', '2026-03-02', 'A004', 'called'))
          .execute(),
      ).rejects.toThrow();
      await expect(
        t.db
          .insertInto('queue_tickets')
          .values(ticket('t6', '2026-03-02', 'A001', 'done'))
          .execute(),
      ).rejects.toThrow();
      await t.db
        .insertInto('queue_calls')
        .values({ ticket_id: 't3', window_id: 'w1', kind: 'call', at: 'x' })
        .execute();
      await t.db
        .insertInto('queue_calls')
        .values({ ticket_id: 't3', window_id: 'w1', kind: 'recall', at: 'y' })
        .execute();
      const seqs = await t.db.selectFrom('queue_calls').select('seq').orderBy('seq').execute();
      expect(seqs.map((r) => Number(r.seq))).toEqual([1, 2]);
    }));

  it('0024 queues one SMS per event at most and keeps its attempts in order', () =>
    withDatabase(async (t) => {
      await upTo(t, '0023-queue');
      await upTo(t, '0024-sms-outbox');
      const message = (id: string) => ({
        id,
        event_id: 'e1',
        case_id: 'c1',
        case_number: 'SJ-1',
        kind: 'accepted',
        phone: '13800138000',
        params: '{}',
        text: '【中心】已受理',
        status: 'queued',
        due_at: '2026-03-02T08:00:00.000+08:00',
        created_at: '2026-03-01T22:00:00.000+08:00',
      });
      await t.db.insertInto('sms_messages').values(message('m1')).execute();
      // a second message for the same event: refused by the unique key, whatever its id
      await expect(
        t.db.insertInto('sms_messages').values(message('m2')).execute(),
      ).rejects.toThrow();
      const row = await t.db
        .selectFrom('sms_messages')
        .select(['attempts', 'uncertain', 'claim'])
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ attempts: 0, uncertain: 0, claim: null });
      const attempt = {
        message_id: 'm1',
        seq: 1,
        at: '2026-03-02T08:00:01.000+08:00',
        outcome: 'sent',
        error: null,
      };
      await t.db.insertInto('sms_attempts').values(attempt).execute();
      await expect(t.db.insertInto('sms_attempts').values(attempt).execute()).rejects.toThrow();
      await t.db.insertInto('sms_settings').values({ key: 'sms', value: '{}' }).execute();
      await expect(
        t.db.insertInto('sms_settings').values({ key: 'sms', value: '{}' }).execute(),
      ).rejects.toThrow();
    }));

  // ---- issue 17 part 2: 好差评 ----
  /** a rating as 0025 stores it, of `kind` and service `service` */
  const ratingRow = (
    id: string,
    kind: string,
    service: string,
    channel: string,
    form: string | null,
  ) => ({
    id,
    service_kind: kind,
    service_id: service,
    channel,
    form_number: form,
    level: 1,
    reasons: '[]',
    rated_at: '2026-03-02T09:00:00+08:00',
    department_code: 'SJ',
  });
  it('0025 keeps one rating per service and per paper form, and one device per window', () =>
    withDatabase(async (t) => {
      await upTo(t, '0023-queue');
      await raw(t)
        .insertInto('departments')
        .values({ code: 'SJ', name: '市场监督管理局' })
        .execute();
      await raw(t)
        .insertInto('windows')
        .values({ id: 'w1', code: 'SJ01', name: '一号窗', department_code: 'SJ' })
        .execute();
      await upTo(t, '0025-ratings');
      const rating = (id: string, kind: string, service: string, form: string | null = null) =>
        ratingRow(id, kind, service, form ? 'paper' : 'device', form);
      await t.db
        .insertInto('ratings')
        .values([
          rating('r1', 'ticket', 't1'),
          // one case, two steps: two services
          rating('r2', 'acceptance', 'c1'),
          rating('r3', 'decision', 'c1', 'F-1'),
        ])
        .execute();
      await expect(
        t.db
          .insertInto('ratings')
          .values(rating('r4', 'ticket', 't1'))
          .execute(),
      ).rejects.toThrow();
      await expect(
        t.db
          .insertInto('ratings')
          .values(rating('r5', 'delivery', 'c1', 'F-1'))
          .execute(),
      ).rejects.toThrow();
      const row = { window_id: 'w1', paired_at: 'x' };
      await t.db
        .insertInto('rating_devices')
        .values({ ...row, token_hash: 'a' })
        .execute();
      await expect(
        t.db
          .insertInto('rating_devices')
          .values({ ...row, token_hash: 'b' })
          .execute(),
      ).rejects.toThrow();
      const appeal = { rating_id: 'r1', reason: '误评', appealed_at: 'x', appealed_by: 'u' };
      await t.db.insertInto('rating_appeals').values(appeal).execute();
      await expect(t.db.insertInto('rating_appeals').values(appeal).execute()).rejects.toThrow();
      expect(await t.db.selectFrom('ratings').select('id').orderBy('id').execute()).toHaveLength(3);
    }));

  it('0026 keeps one applicant rating and one paper form per service, apart', () =>
    withDatabase(async (t) => {
      await upTo(t, '0025-ratings');
      const rating = (id: string, channel: string, form: string | null = null) =>
        ratingRow(id, 'acceptance', 'c1', channel, form);
      // before: the paper form keyed first took the service, the applicant was refused
      await t.db
        .insertInto('ratings')
        .values(rating('p1', 'paper', 'F-1'))
        .execute();
      await expect(
        t.db.insertInto('ratings').values(rating('q1', 'qr')).execute(),
      ).rejects.toThrow();
      await upTo(t, '0026-rating-review');
      await t.db.insertInto('ratings').values(rating('q1', 'qr')).execute();
      await expect(
        t.db.insertInto('ratings').values(rating('d1', 'device')).execute(),
      ).rejects.toThrow();
      await expect(
        t.db
          .insertInto('ratings')
          .values(rating('p2', 'paper', 'F-2'))
          .execute(),
      ).rejects.toThrow();
      expect(await t.db.selectFrom('ratings').select('id').orderBy('id').execute()).toEqual([
        { id: 'p1' },
        { id: 'q1' },
      ]);
    }));

  it('0027 keeps each file once, and each case’s naming of a file once', () =>
    withDatabase(async (t) => {
      await upTo(t, '0027-files');
      const file = {
        sha256: 'a'.repeat(64),
        bytes: 250_000,
        media_type: 'image/jpeg',
        backend: 'disk' as const,
        device_id: 'd1',
        stored_at: '2026-12-06T09:00:00.000+08:00',
      };
      await t.db.insertInto('files').values(file).execute();
      await expect(t.db.insertInto('files').values(file).execute()).rejects.toThrow();
      const ref = { sha256: file.sha256, case_id: 'c1', department_code: 'SJ' };
      await t.db.insertInto('file_refs').values(ref).execute();
      await t.db
        .insertInto('file_refs')
        .values({ ...ref, case_id: 'c2' })
        .execute();
      await expect(t.db.insertInto('file_refs').values(ref).execute()).rejects.toThrow();
      expect(await t.db.selectFrom('files').select(['sha256', 'bytes']).execute()).toEqual([
        { sha256: file.sha256, bytes: 250_000 },
      ]);
    }));

  it('0028 keeps one center key a purpose; 0029 keeps every manifest witnessed, again included', () =>
    withDatabase(async (t) => {
      await upTo(t, '0029-witnessed-manifests');
      const key = { purpose: 'receipt', public_key: 'P', private_key: 'S', created_at: 'now' };
      await t.db.insertInto('center_keys').values(key).execute();
      await expect(t.db.insertInto('center_keys').values(key).execute()).rejects.toThrow();
      const seen = {
        case_id: 'c1',
        manifest_sha256: 'b'.repeat(64),
        device_id: 'd1',
        issued_at: '2026-12-06T02:00:00.000Z',
      };
      await t.db.insertInto('witnessed_manifests').values([seen, seen]).execute();
      expect(
        await t.db
          .selectFrom('witnessed_manifests')
          .select('device_id')
          .where('case_id', '=', 'c1')
          .execute(),
      ).toEqual([{ device_id: 'd1' }, { device_id: 'd1' }]);
    }));
});
