import { type Kysely, type Migration } from 'kysely';
import { referenceKinds } from '../../../shared/sync';
import type { Dialect } from '../../http/spec';

// The tables of server/db/schema.ts. One file for both dialects; the only fork is the global
// event sequence, which each database spells its own way.

export function initialSchema(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await referenceTables(db);
      await staffTables(db);
      await deviceTables(db);
      await eventTables(db, dialect);
    },
  };
}

async function referenceTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reference_versions')
    .addColumn('kind', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('reference_versions' as never)
    .values(referenceKinds.map((kind) => ({ kind, version: 1 })))
    .execute();

  await db.schema
    .createTable('departments')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('windows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull().references('departments.code'))
    .execute();
  await db.schema
    .createTable('items')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('department_code', 'text', (c) => c.notNull().references('departments.code'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('window_powers')
    .addColumn('window_id', 'text', (c) => c.notNull().references('windows.id'))
    .addColumn('item_code', 'text', (c) => c.notNull().references('items.code').onDelete('cascade'))
    .addColumn('powers', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('window_powers_pk', ['window_id', 'item_code'])
    .execute();
  await db.schema
    .createTable('closures')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

async function staffTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text', (c) => c.references('windows.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_staff').on('sessions').column('staff_id').execute();
}

async function deviceTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enrollment_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('window_id', 'text', (c) => c.notNull().references('windows.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('device_id', 'text')
    .execute();
  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('window_id', 'text', (c) => c.notNull().references('windows.id'))
    .addColumn('department_code', 'text', (c) => c.notNull().references('departments.code'))
    .addColumn('terminal_number', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('last_hash', 'text', (c) => c.notNull())
    // offline case numbers carry the terminal number: two PCs of one window must never share it
    .addUniqueConstraint('devices_window_terminal', ['window_id', 'terminal_number'])
    .execute();
}

async function eventTables(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('server_seq', dialect === 'sqlite' ? 'integer' : 'bigint', (c) =>
      dialect === 'sqlite'
        ? // SQLite only autoincrements a column spelt exactly INTEGER PRIMARY KEY; AUTOINCREMENT
          // keeps a number from ever being handed out twice, which the pull cursors rely on.
          c.primaryKey().autoIncrement()
        : c.primaryKey().generatedAlwaysAsIdentity(),
    )
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('device_seq', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('conflict_rule', 'text')
    .addColumn('conflict_message', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('verification_code', 'text')
    .execute();
  const index = (name: string) => db.schema.createIndex(name).on('events');
  await index('events_device_seq').unique().columns(['device_id', 'device_seq']).execute();
  await index('events_id').unique().column('id').execute();
  await index('events_department').columns(['department_code', 'server_seq']).execute();
  await index('events_case').columns(['case_id', 'server_seq']).execute();
  await index('events_verification').column('verification_code').execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_number', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text', (c) => c.notNull())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('open', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('last_server_seq', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cases_queue')
    .on('cases')
    .columns(['department_code', 'window_id', 'status'])
    .execute();
  await db.schema.createIndex('cases_received').on('cases').column('received_at').execute();
}
