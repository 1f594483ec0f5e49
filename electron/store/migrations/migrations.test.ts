import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from './index';

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  for (const m of migrations) {
    it(`${m.version} (${m.name}) applies on a fresh database up to itself`, () => {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      for (const earlier of migrations.filter((x) => x.version <= m.version)) {
        earlier.up(db);
        db.pragma(`user_version = ${earlier.version}`);
      }
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    });
  }

  it('migrate() brings a fresh database to the latest version and is idempotent', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(migrations.length);
    expect(migrate(db)).toBe(migrations.length);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'events',
        'cases',
        'items',
        'departments',
        'calendar_versions',
        'staff',
        'settings',
        'windows',
        'device',
        'peer_devices',
        'window_powers',
        'seal_pins',
        'report_schedule',
        'supervision_alerts',
        'supervision_complaints',
        'supervision_fetch',
        'seal_keys',
        'files',
      ]),
    );
    db.close();
  });

  it('002 brings a version-1 database that holds events to the sync schema, keeping them', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrations[0]!.up(db);
    db.pragma('user_version = 1');
    db.prepare(
      `INSERT INTO events (id, case_id, type, payload, actor_id, actor_name, actor_role, window_id,
         occurred_at, device_id, device_seq, prev_hash, hash, signature)
       VALUES ('e1', 'c', 'received', '{}', 'u', 'n', 'clerk', 'w', '2026-01-05T09:00:00+08:00',
         'd', 1, 'p', 'h', 's')`,
    ).run();
    expect(migrate(db)).toBe(migrations.length);
    expect(db.prepare('SELECT id, sync_state, server_seq FROM events').all()).toEqual([
      { id: 'e1', sync_state: 'pending', server_seq: null },
    ]);
    const indexes = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]
    ).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['events_server_seq', 'events_conflicted']));
    db.prepare(
      "INSERT INTO peer_devices (id, window_id, terminal_number, public_key) VALUES ('d2', 'w', 2, 'k')",
    ).run();
    db.prepare(
      "INSERT INTO window_powers (window_id, item_code, powers) VALUES ('w', 'i', '[\"accept\"]')",
    ).run();
    expect(() =>
      db
        .prepare("INSERT INTO window_powers (window_id, item_code, powers) VALUES ('w', 'j', '{')")
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('003 adds the seal PINs to a version-2 terminal, one per chief', () => {
    const db = new Database(':memory:');
    migrations[0]!.up(db);
    migrations[1]!.up(db);
    db.pragma('user_version = 2');
    expect(migrate(db)).toBe(migrations.length);
    const insert = db.prepare(
      "INSERT INTO seal_pins (user_id, pin_hash, updated_at) VALUES ('u1', 'h', '2026-03-02T09:00:00+08:00')",
    );
    insert.run();
    expect(db.prepare('SELECT failed_attempts, locked_until FROM seal_pins').get()).toEqual({
      failed_attempts: 0,
      locked_until: null,
    });
    expect(() => insert.run()).toThrow(/UNIQUE/);
    db.close();
  });

  it('004 adds the report schedule to a version-3 terminal: one row, a valid time, its files as JSON', () => {
    const db = new Database(':memory:');
    for (const m of migrations.slice(0, 3)) m.up(db);
    db.pragma('user_version = 3');
    db.prepare("INSERT INTO settings (key, value) VALUES ('center.name', '\"中心\"')").run();
    expect(migrate(db)).toBe(migrations.length);
    const insert = db.prepare(
      `INSERT INTO report_schedule (id, enabled, folder, time, updated_at, updated_by)
       VALUES (?, 1, '/srv/日报', ?, '2026-03-02T09:00:00+08:00', 'u1')`,
    );
    insert.run(1, '17:30');
    expect(
      db.prepare('SELECT last_written_on, last_files, last_error FROM report_schedule').get(),
    ).toEqual({ last_written_on: null, last_files: '[]', last_error: null });
    expect(() => insert.run(2, '17:30')).toThrow(/CHECK/);
    expect(() => insert.run(1, '17:30')).toThrow(/UNIQUE|PRIMARY/);
    db.prepare('DELETE FROM report_schedule').run();
    expect(() => insert.run(1, '5pm')).toThrow(/CHECK/);
    insert.run(1, '08:05');
    expect(() =>
      db.prepare("UPDATE report_schedule SET last_files = '[' WHERE id = 1").run(),
    ).toThrow(/CHECK/);
    // the settings the center owns are untouched
    expect(db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 1 });
    db.close();
  });

  it('005 adds the copy of the center’s supervision: JSON rows, one fetch time', () => {
    const db = new Database(':memory:');
    for (const m of migrations.slice(0, 4)) m.up(db);
    db.pragma('user_version = 4');
    expect(migrate(db)).toBe(migrations.length);
    const alert = db.prepare(
      'INSERT INTO supervision_alerts (id, window_id, raised_at, data) VALUES (?, ?, ?, ?)',
    );
    alert.run('a1', 'w', '2026-03-02T10:00:00+08:00', '{"id":"a1"}');
    expect(() => alert.run('a2', 'w', '2026-03-02T10:00:00+08:00', '{not json')).toThrow(/CHECK/);
    expect(() => alert.run('a1', 'w', '2026-03-02T10:00:00+08:00', '{}')).toThrow(/UNIQUE/);
    const fetched = db.prepare('INSERT INTO supervision_fetch (id, fetched_at) VALUES (?, ?)');
    fetched.run(1, '2026-03-02T10:00:00+08:00');
    expect(() => fetched.run(2, '2026-03-02T10:00:00+08:00')).toThrow(/CHECK/);
    db.close();
  });

  it('006 adds the chiefs’ seal keys and drops the old PIN hashes, keeping each lock', () => {
    const db = new Database(':memory:');
    for (const m of migrations.slice(0, 5)) m.up(db);
    db.pragma('user_version = 5');
    db.prepare(
      `INSERT INTO seal_pins (user_id, pin_hash, failed_attempts, locked_until, updated_at)
       VALUES ('u1', 'scrypt$32768$8$1$x$y', 2, '2026-03-02T09:15:00+08:00', '2026-03-02T09:00:00+08:00')`,
    ).run();
    expect(migrate(db)).toBe(migrations.length);
    // the old hash was a fast oracle for the PIN: gone; the count and the lock stay
    expect(
      db.prepare('SELECT pin_hash, failed_attempts, locked_until FROM seal_pins').get(),
    ).toEqual({ pin_hash: '', failed_attempts: 2, locked_until: '2026-03-02T09:15:00+08:00' });
    const insert = db.prepare(
      `INSERT INTO seal_keys (key_id, user_id, public_key, private_key, kdf, created_at, proof)
       VALUES (?, 'u1', 'pk', 'sealed', '{"name":"scrypt"}', '2026-03-02T09:00:00+08:00', 'sig')`,
    );
    insert.run('k1');
    expect(() => insert.run('k1')).toThrow(/UNIQUE|PRIMARY/);
    expect(db.prepare('SELECT registered_at, retired_at FROM seal_keys').get()).toEqual({
      registered_at: null,
      retired_at: null,
    });
    db.close();
  });

  it('007 gives the pulled items the legacy law until the next pull brings the center’s', () => {
    const db = new Database(':memory:');
    for (const m of migrations.slice(0, 6)) m.up(db);
    db.pragma('user_version = 6');
    db.prepare("INSERT INTO departments (code, name) VALUES ('SJ', '市场监督管理局')").run();
    const item = { code: 'SJ-002', name: '食品经营许可', joint: false, extensionDays: 5 };
    db.prepare("INSERT INTO items (code, department_code, name, data) VALUES (?, 'SJ', ?, ?)").run(
      item.code,
      item.name,
      JSON.stringify(item),
    );
    expect(migrate(db)).toBe(migrations.length);
    const row = db.prepare('SELECT data FROM items').get() as { data: string };
    expect(JSON.parse(row.data)).toMatchObject({
      ...item,
      statutoryUnit: 'workingDays',
      statutoryBasis: '《中华人民共和国行政许可法》第四十二条第一款',
      extensionApprover: 'agencyHead',
      quantityLimit: '无数量限制',
    });
    db.close();
  });

  it('008 gives a version-7 terminal’s departments empty appeal bodies and intake seal, keeping them', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    for (const m of migrations.filter((x) => x.version <= 7)) m.up(db);
    db.prepare("INSERT INTO departments (code, name) VALUES ('SJ', '市场监督管理局')").run();
    migrations[7]!.up(db);
    expect(db.prepare('SELECT * FROM departments').all()).toEqual([
      {
        code: 'SJ',
        name: '市场监督管理局',
        reconsideration_body: null,
        court: null,
        intake_seal: null,
      },
    ]);
    expect(() =>
      db.prepare("UPDATE departments SET intake_seal = 'stamped' WHERE code = 'SJ'").run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('012 gives a version-11 terminal a files table that refuses a bad hash, type or origin', () => {
    const db = new Database(':memory:');
    for (const m of migrations.filter((x) => x.version <= 11)) m.up(db);
    migrations[11]!.up(db);
    const insert = db.prepare(
      "INSERT INTO files (sha256, media_type, bytes, origin, added_at) VALUES (?, ?, ?, ?, '2026-12-06T09:00:00+08:00')",
    );
    insert.run('a'.repeat(64), 'image/jpeg', 1000, 'local');
    expect(() => insert.run('b'.repeat(63), 'image/jpeg', 1000, 'local')).toThrow(/CHECK/);
    expect(() => insert.run('b'.repeat(64), 'image/gif', 1000, 'local')).toThrow(/CHECK/);
    expect(() => insert.run('b'.repeat(64), 'image/png', 0, 'local')).toThrow(/CHECK/);
    expect(() => insert.run('b'.repeat(64), 'image/png', 10, 'somewhere')).toThrow(/CHECK/);
    expect(() => insert.run('a'.repeat(64), 'image/png', 10, 'center')).toThrow(/UNIQUE/);
    db.close();
  });

  it('refuses a database written by a newer program instead of damaging it', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db)).toThrow(/请升级/);
    db.close();
  });

  it('the events table refuses invalid JSON payloads and duplicate device sequence numbers', () => {
    const db = new Database(':memory:');
    migrate(db);
    const insert =
      db.prepare(`INSERT INTO events (id, case_id, type, payload, actor_id, actor_name, actor_role, window_id, occurred_at, device_id, device_seq, prev_hash, hash, signature)
      VALUES (?, 'c', 'received', ?, 'u', 'n', 'clerk', 'w', '2026-01-05T09:00:00+08:00', 'd', ?, 'p', 'h', 's')`);
    expect(() => insert.run('e1', '{not json', 1)).toThrow(/CHECK/);
    insert.run('e1', '{}', 1);
    expect(() => insert.run('e2', '{}', 1)).toThrow(/UNIQUE/);
    db.close();
  });
});
