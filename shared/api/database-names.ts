// The database's own calls (issue 15 part B), by name only: the sandboxed preload imports this
// list (via names.ts) and must not pull zod into the privileged bridge.
export const databaseCallNames = [
  'database.status',
  'database.restore',
  'database.backupNow',
  'database.integrityCheck',
] as const;

export type DatabaseCallName = (typeof databaseCallNames)[number];
