import type Database from 'better-sqlite3';

// Not in index.ts: that file lists every migration, so a migration importing it is a cycle.
export type Migration = { version: number; name: string; up: (db: Database.Database) => void };
