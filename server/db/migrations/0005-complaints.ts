import type { Kysely, Migration } from 'kysely';

// Public complaints (公众投诉): what a supervisor recorded against a window and/or a case, its
// handling clock (due_date / due_at, fixed when recorded so a later calendar change does not move
// a deadline already told to the complainant), the current state for lists, and every step —
// recorded, replied, closed — appended in order. Nothing here is ever deleted: a complaint is
// evidence about a window, like an alert.
export function complaints(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('complaints')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('department_code', 'text', (c) => c.notNull())
        .addColumn('window_id', 'text')
        .addColumn('case_id', 'text')
        .addColumn('case_number', 'text')
        .addColumn('complainant_name', 'text')
        .addColumn('complainant_phone', 'text')
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        // 'open' | 'replied' | 'closed'
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reply', 'text')
        .addColumn('replied_at', 'text')
        .addColumn('conclusion', 'text')
        .addColumn('closed_at', 'text')
        .execute();
      await db.schema
        .createIndex('complaints_open')
        .on('complaints')
        .columns(['status', 'department_code'])
        .execute();
      await db.schema
        .createIndex('complaints_received')
        .on('complaints')
        .column('received_at')
        .execute();
      await db.schema
        .createTable('complaint_steps')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
        // the order of a complaint's steps: two in the same second stay in order
        .addColumn('seq', 'integer', (c) => c.notNull())
        // 'recorded' | 'replied' | 'closed'
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('conclusion', 'text')
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('complaint_steps_complaint')
        .on('complaint_steps')
        .columns(['complaint_id', 'seq'])
        .unique()
        .execute();
    },
  };
}
