import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * vitest's globalSetup: the server tests run on PostgreSQL too, and never skip it. With
 * TEST_DATABASE_URL set (CI's system cluster, a developer's own server) that server is used;
 * without it a throwaway embedded cluster is started for this run and removed after it. The URL
 * reaches the test workers (forked after this runs) and the center processes they spawn through
 * the environment.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.TEST_DATABASE_URL) return undefined;
  const cluster = await startEmbeddedPostgres();
  process.env.TEST_DATABASE_URL = cluster.url;
  return async () => {
    delete process.env.TEST_DATABASE_URL;
    await cluster.stop();
  };
}
