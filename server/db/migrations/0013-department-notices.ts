import type { Kysely, Migration } from 'kysely';

// Issue 14 part B2: what a department's notices need from the center — the 行政复议机关 and the
// court its denials and refusals name (行政复议法 2023 Art. 20, 行政诉讼法 Art. 46), and how its
// 受理专用章 goes on intake notices. Nullable: a department stored before has none set until the
// manager sets them, and its terminals refuse to issue a denial meanwhile (never a guess).
export function departmentNotices(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('departments').addColumn('reconsideration_body', 'text').execute();
      await db.schema.alterTable('departments').addColumn('court', 'text').execute();
      await db.schema.alterTable('departments').addColumn('intake_seal', 'text').execute();
    },
  };
}
