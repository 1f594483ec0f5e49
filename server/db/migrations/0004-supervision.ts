import type { Kysely, Migration } from 'kysely';

// Electronic supervision: what the rules found (alerts), what supervisors did about each one
// (actions: acknowledged, escalated, commented — appended, never changed), and the public's
// complaints. Nothing here is ever deleted: the record of an alert is evidence.
export function supervision(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // one alert per case, rule and level: the timer and every push may find it again
        .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
        .addColumn('case_id', 'text')
        .addColumn('case_number', 'text')
        .addColumn('department_code', 'text', (c) => c.notNull())
        .addColumn('window_id', 'text')
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('raised_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('alerts_open')
        .on('alerts')
        .columns(['status', 'department_code'])
        .execute();
      await db.schema.createIndex('alerts_case').on('alerts').column('case_id').execute();
      await db.schema
        .createTable('alert_actions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
        // the order of an alert's actions, whatever the clock says: two in the same second stay in order
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('alert_actions_alert')
        .on('alert_actions')
        .columns(['alert_id', 'seq'])
        .unique()
        .execute();
    },
  };
}
