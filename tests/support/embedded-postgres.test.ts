import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres';

// The cluster vitest's globalSetup starts when TEST_DATABASE_URL names none: it must take
// connections and DDL from this (root) process, and leave nothing behind when stopped.
describe('embedded PostgreSQL for the tests', () => {
  it('starts a cluster on a private socket, serves queries, and removes itself when stopped', async () => {
    const cluster = await startEmbeddedPostgres();
    const folder = /host=([^&]+)/.exec(cluster.url)?.[1] ?? '';
    try {
      expect(existsSync(folder)).toBe(true);
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        await client.query('CREATE DATABASE ow_embedded_check');
        const { rows } = await client.query<{ v: string }>(
          "SELECT current_setting('server_version_num') AS v",
        );
        expect(Number(rows[0]?.v)).toBeGreaterThanOrEqual(130000); // DROP … WITH (FORCE)
        await client.query('DROP DATABASE ow_embedded_check WITH (FORCE)');
      } finally {
        await client.end();
      }
    } finally {
      await cluster.stop();
    }
    expect(existsSync(folder)).toBe(false);
  });
});
