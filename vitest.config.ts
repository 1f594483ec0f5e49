import { defineConfig } from 'vitest/config';

// Unit and integration tests sit next to their module; Playwright specs (tests/e2e) run separately.
export default defineConfig({
  test: {
    include: ['{shared,node-shared,electron,server,renderer,tests}/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // a PostgreSQL for the server tests when TEST_DATABASE_URL names none
    globalSetup: ['tests/support/vitest-global-setup.ts'],
  },
});
