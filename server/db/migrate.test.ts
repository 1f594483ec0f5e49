import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate';
import { createTestDatabase, dialects } from './test-db';

describe.each(dialects)('migrations (%s)', (dialect) => {
  it('build every table on a fresh database, seed the reference versions, and run once', async () => {
    const t = await createTestDatabase(dialect, { fresh: true });
    try {
      const versions = await t.db
        .selectFrom('reference_versions')
        .selectAll()
        .orderBy('kind')
        .execute();
      expect(versions).toEqual([
        { kind: 'calendar', version: 1 },
        { kind: 'catalog', version: 1 },
        { kind: 'settings', version: 1 },
        { kind: 'staff', version: 1 },
      ]);
      expect(await migrateToLatest(t.db, dialect)).toEqual([]);
      await expect(t.db.selectFrom('login_guards').selectAll().execute()).resolves.toEqual([]);
    } finally {
      await t.dispose();
    }
  });

  it('0005 keeps complaints with their steps in order, one step per (complaint, seq)', async () => {
    const t = await createTestDatabase(dialect, { fresh: true });
    try {
      await t.db
        .insertInto('complaints')
        .values({
          id: 'c1',
          department_code: 'SJ',
          window_id: 'w1',
          case_id: null,
          case_number: null,
          complainant_name: null,
          complainant_phone: null,
          channel: '电话',
          content: '窗口人员态度生硬',
          received_at: '2026-03-02T10:00:00.000+08:00',
          due_date: '2026-03-09',
          due_at: '2026-03-10T00:00:00+08:00',
          status: 'open',
          reply: null,
          replied_at: null,
          conclusion: null,
          closed_at: null,
        })
        .execute();
      const step = (id: string, seq: number) => ({
        id,
        complaint_id: 'c1',
        seq,
        action: 'recorded',
        text: '窗口人员态度生硬',
        conclusion: null,
        actor_id: 's1',
        actor_name: '韩立新',
        at: '2026-03-02T10:00:00.000+08:00',
      });
      await t.db.insertInto('complaint_steps').values(step('s1', 1)).execute();
      await expect(
        t.db.insertInto('complaint_steps').values(step('s2', 1)).execute(),
      ).rejects.toThrow();
      expect(
        await t.db.selectFrom('complaints').select(['id', 'status', 'due_date']).execute(),
      ).toEqual([{ id: 'c1', status: 'open', due_date: '2026-03-09' }]);
    } finally {
      await t.dispose();
    }
  });

  it('number events from 1 upwards as plain numbers, and keep (device, seq) unique', async () => {
    const t = await createTestDatabase(dialect, { fresh: true });
    try {
      await t.db.insertInto('departments').values({ code: 'SJ', name: '市场监督管理局' }).execute();
      await t.db
        .insertInto('windows')
        .values({ id: 'w1', code: 'SJ01', name: '一号窗', department_code: 'SJ' })
        .execute();
      await t.db
        .insertInto('devices')
        .values({
          id: 'd1',
          window_id: 'w1',
          department_code: 'SJ',
          terminal_number: 1,
          label: 'PC',
          public_key: 'k',
          token_hash: 'h',
          enrolled_at: '2025-03-03T09:00:00.000+08:00',
          last_seq: 0,
          last_hash: '0'.repeat(64),
        })
        .execute();
      const event = (id: string, seq: number) => ({
        id,
        case_id: 'c1',
        department_code: 'SJ',
        window_id: 'w1',
        device_id: 'd1',
        device_seq: seq,
        type: 'received',
        payload: '{}',
        actor_id: 's1',
        actor_name: '张三',
        actor_role: 'clerk',
        occurred_at: '2025-03-03T09:00:00.000+08:00',
        prev_hash: '0'.repeat(64),
        hash: '1'.repeat(64),
        signature: 'sig',
        status: 'accepted' as const,
        conflict_rule: null,
        conflict_message: null,
        received_at: '2025-03-03T09:00:01.000+08:00',
        verification_code: null,
      });
      await t.db
        .insertInto('events')
        .values([event('e1', 1), event('e2', 2)])
        .execute();
      const rows = await t.db
        .selectFrom('events')
        .select(['server_seq', 'device_seq'])
        .orderBy('server_seq')
        .execute();
      expect(rows).toEqual([
        { server_seq: 1, device_seq: 1 },
        { server_seq: 2, device_seq: 2 },
      ]);
      await expect(t.db.insertInto('events').values(event('e3', 2)).execute()).rejects.toThrow();
      const count = await t.db
        .selectFrom('events')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      expect(count.n).toBe(2);
    } finally {
      await t.dispose();
    }
  });
});
