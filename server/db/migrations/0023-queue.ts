import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../http/spec';

// Issue 17, part 1: the hall's queue (取号/叫号), owned by the center so that every window, the
// kiosk and the big screen read one set of rows, and several center processes on one PostgreSQL
// stay correct. The database holds the invariants the code relies on:
// - a ticket number is unique per day (`queue_tickets_number`), numbers come from one counter row
//   per day and line prefix, taken under its row lock;
// - a window has at most one ticket called and not finished (`queue_tickets_current`, partial):
//   two 叫号 at one window at once cannot both succeed.
export function queue(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // a department's line and its letter (A, B, …), given on its first ticket and kept
      await db.schema
        .createTable('queue_lines')
        .addColumn('department_code', 'text', (c) => c.primaryKey().references('departments.code'))
        .addColumn('prefix', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema
        .createTable('queue_counters')
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('last', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('queue_counters_pk', ['day', 'prefix'])
        .execute();
      await db.schema
        .createTable('queue_tickets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('serial', 'integer', (c) => c.notNull())
        .addColumn('department_code', 'text', (c) => c.notNull().references('departments.code'))
        .addColumn('status', 'text', (c) => c.notNull())
        // the window it is called to, or (while waiting) the one 转窗 sent it to
        .addColumn('window_id', 'text', (c) => c.references('windows.id'))
        .addColumn('taken_at', 'text', (c) => c.notNull())
        // the address that took it: a script flooding a line is held to the kiosk's pace
        .addColumn('taken_from', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('called_at', 'text')
        // the call at the window that serves it: service is counted from here, not from a call
        // at a window that then sent it on
        .addColumn('service_from', 'text')
        .addColumn('last_called_at', 'text')
        .addColumn('recalls', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('finished_at', 'text')
        .addColumn('staff_id', 'text')
        .addColumn('transfer_note', 'text')
        .addColumn('transferred_from', 'text')
        .execute();
      await db.schema
        .createIndex('queue_tickets_number')
        .on('queue_tickets')
        .columns(['day', 'number'])
        .unique()
        .execute();
      await db.schema
        .createIndex('queue_tickets_line')
        .on('queue_tickets')
        .columns(['status', 'department_code', 'day', 'serial'])
        .execute();
      await db.schema
        .createIndex('queue_tickets_current')
        .on('queue_tickets')
        .column('window_id')
        .unique()
        .where(sql.ref('status'), '=', 'called')
        .execute();
      await db.schema
        .createTable('queue_ticket_cases')
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('queue_tickets.id'))
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('case_number', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('queue_ticket_cases_pk', ['ticket_id', 'case_id'])
        .execute();
      // every call and recall, for the big screen's list and its spoken announcement
      await db.schema
        .createTable('queue_calls')
        .addColumn('seq', 'integer', (c) =>
          dialect === 'sqlite'
            ? c.primaryKey().autoIncrement()
            : c.primaryKey().generatedAlwaysAsIdentity(),
        )
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('queue_tickets.id'))
        .addColumn('window_id', 'text', (c) => c.notNull().references('windows.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      // what happened to each ticket, by whom: never updated, never deleted (the audit's record)
      await db.schema
        .createTable('queue_actions')
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('queue_tickets.id'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('window_id', 'text', (c) => c.references('windows.id'))
        .addColumn('staff_id', 'text')
        .addColumn('note', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('queue_actions_ticket')
        .on('queue_actions')
        .column('ticket_id')
        .execute();
      await db.schema
        .createIndex('queue_tickets_from')
        .on('queue_tickets')
        .columns(['taken_from', 'taken_at'])
        .execute();
      // a window's queue settings: paused (暂停服务) and the number over its counter (3号窗口)
      await db.schema
        .createTable('queue_windows')
        .addColumn('window_id', 'text', (c) => c.primaryKey().references('windows.id'))
        .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('counter', 'integer')
        .execute();
    },
  };
}
