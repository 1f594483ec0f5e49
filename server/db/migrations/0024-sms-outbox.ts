import type { Kysely, Migration } from 'kysely';

// Issue 17 part 4: telling the applicant by SMS.
// - `sms_messages`: the outbox. One row per case event at most — the unique `event_id` is what
//   keeps a re-pushed batch, or a second center process, from queueing one notice twice.
//   Times are Beijing-time ISO text (shanghaiIso), as everywhere at the center: text order is
//   time order on both dialects.
// - `sms_attempts`: every call to the provider, kept for the manager and for the rule that a send
//   whose answer never came (`uncertain`) is looked up at the provider before any new send.
// - `sms_settings`: the provider, its key and the templates. Not in `settings`: those go to every
//   terminal with each pull, and the key's secret must never leave the center.
export function smsOutbox(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sms_messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull().unique())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('case_number', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('params', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lease_until', 'text')
        .addColumn('claim', 'text')
        .addColumn('uncertain', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('provider_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema
        .createIndex('sms_messages_due')
        .on('sms_messages')
        .columns(['status', 'due_at'])
        .execute();
      await db.schema
        .createTable('sms_attempts')
        .addColumn('message_id', 'text', (c) => c.notNull().references('sms_messages.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addPrimaryKeyConstraint('sms_attempts_pk', ['message_id', 'seq'])
        .execute();
      await db.schema
        .createTable('sms_settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
