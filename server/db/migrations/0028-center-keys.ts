import type { Kysely, Migration } from 'kysely';

// Review of issue 18: the center's own signing key, for the receipts it gives a case archive
// (shared/archive/receipt.ts). One row a purpose, made on first use; several center processes
// on one database share it (the first insert wins, the others read it).
export function centerKeys(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('center_keys')
        .addColumn('purpose', 'text', (c) => c.primaryKey())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('private_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
