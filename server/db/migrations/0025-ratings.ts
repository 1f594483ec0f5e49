import type { Kysely, Migration } from 'kysely';

// Issue 17, part 2: 好差评 by the applicant (国办发〔2019〕51号, GB/T 39734-2020). The database holds
// the rules the code relies on, so that two requests at once or a second center process cannot
// break them:
// - 一次一评: one rating per service — a ticket served at a window, or one step of a case —
//   whatever the channel (`ratings_service`, unique); a paper form's number is keyed once
//   (`ratings_form_number`, unique; NULL for the applicant's own channels);
// - one rating device per window (`rating_devices`, keyed by window), its token kept as a hash;
// - one appeal and one follow-up per rating (their primary keys).
// Nothing updates a rating's own fields after insert: no call of the center's contract does.
export function ratings(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('ratings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // 'ticket' (served at a window) | 'acceptance' | 'decision' | 'delivery' (a case step)
        .addColumn('service_kind', 'text', (c) => c.notNull())
        // the ticket's id or the case's id
        .addColumn('service_id', 'text', (c) => c.notNull())
        // 'device' (评价器) | 'qr' (扫码) | 'sms' (短信) | 'paper' (代录)
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('form_number', 'text')
        // 1 非常满意 … 5 非常不满意, as the case log's `rated` (shared/case/payloads.ts)
        .addColumn('level', 'integer', (c) => c.notNull())
        // JSON array of the fixed reasons (shared/rating), empty for 1–3
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('rated_at', 'text', (c) => c.notNull())
        .addColumn('department_code', 'text', (c) => c.notNull())
        .addColumn('window_id', 'text')
        .addColumn('staff_id', 'text')
        .addColumn('case_id', 'text')
        .addColumn('case_number', 'text')
        .addColumn('item_code', 'text')
        .addColumn('item_name', 'text')
        .addColumn('ticket_number', 'text')
        // who keyed a paper form (代录); null for the applicant's own channels
        .addColumn('recorded_by', 'text')
        // the provincial push: each rating sent once, failures kept for the manager
        .addColumn('pushed_at', 'text')
        .addColumn('push_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('push_error', 'text')
        .addColumn('next_push_at', 'text')
        .execute();
      await db.schema
        .createIndex('ratings_service')
        .on('ratings')
        .columns(['service_kind', 'service_id'])
        .unique()
        .execute();
      await db.schema
        .createIndex('ratings_form_number')
        .on('ratings')
        .column('form_number')
        .unique()
        .execute();
      await db.schema
        .createIndex('ratings_period')
        .on('ratings')
        .columns(['department_code', 'rated_at'])
        .execute();
      await db.schema
        .createTable('rating_appeals')
        .addColumn('rating_id', 'text', (c) => c.primaryKey().references('ratings.id'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('appealed_at', 'text', (c) => c.notNull())
        .addColumn('appealed_by', 'text', (c) => c.notNull())
        // null while waiting; 'upheld' (the rating leaves the counts) | 'rejected'
        .addColumn('decision', 'text')
        .addColumn('decision_note', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('decided_by', 'text')
        .execute();
      await db.schema
        .createTable('rating_follow_ups')
        .addColumn('rating_id', 'text', (c) => c.primaryKey().references('ratings.id'))
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('rectification_due', 'text', (c) => c.notNull())
        .addColumn('contacted_by', 'text')
        .addColumn('contacted_at', 'text')
        // 'phone' | 'visit'
        .addColumn('method', 'text')
        .addColumn('result', 'text')
        .addColumn('recorded_by', 'text')
        .addColumn('rectification', 'text')
        .addColumn('rectified_at', 'text')
        .execute();
      await db.schema
        .createTable('rating_devices')
        .addColumn('window_id', 'text', (c) => c.primaryKey().references('windows.id'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('paired_at', 'text', (c) => c.notNull())
        .execute();
      // an open pairing code per window; wrong tries are counted so it cannot be guessed
      await db.schema
        .createTable('rating_pairings')
        .addColumn('window_id', 'text', (c) => c.primaryKey().references('windows.id'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // each rating the phone page sends, by address: the page is public and rate limited
      await db.schema
        .createTable('rating_phone_attempts')
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('rating_phone_attempts_address')
        .on('rating_phone_attempts')
        .columns(['address', 'at'])
        .execute();
      // one row: the follow-up's working days and the provincial endpoint
      await db.schema
        .createTable('rating_settings')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('follow_up_days', 'integer', (c) => c.notNull().defaultTo(3))
        .addColumn('push_url', 'text')
        .addColumn('push_key', 'text')
        .execute();
    },
  };
}
