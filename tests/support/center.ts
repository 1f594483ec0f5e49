import { spawn, type ChildProcess } from 'node:child_process';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { testPasswordCost } from '../../server/test-app';

export type CenterProcess = {
  url: string;
  port: number;
  /** the process's output so far, for failure messages */
  output: () => string;
  /** SIGKILL: no shutdown hook runs, a transaction in flight is cut off */
  kill: () => Promise<void>;
  /** SIGTERM and wait */
  stop: () => Promise<void>;
  exited: () => boolean;
};

export type CenterOptions = {
  dataDir: string;
  /** PostgreSQL URL; without it the center uses its embedded SQLite in dataDir */
  databaseUrl?: string;
  /** reuse a port (a restarted center must be where the terminals know it) */
  port?: number;
  now?: string;
};

/** A free loopback port, found by binding port 0 and letting it go. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

let bundled: Promise<string> | null = null;

/**
 * server/main.ts bundled once per test process: the fault tests restart the center dozens of
 * times, and a bundle starts in a fraction of tsx's time (same code, no per-start transform).
 */
function centerBundle(): Promise<string> {
  bundled ??= (async () => {
    // one level inside the project, where server/main.ts itself sits: the bundle then resolves
    // better-sqlite3 from node_modules and the seed's ../resources like the source does
    const outfile = join('.center-bin', `center-${process.pid}.mjs`);
    await build({
      entryPoints: ['server/main.ts'],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      // native, and pg's optional native binding that is not installed
      external: ['better-sqlite3', 'pg-native'],
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
      logLevel: 'warning',
    });
    return outfile;
  })();
  return bundled;
}

/** Starts the center server as a real process (`npm run server`'s entry) on loopback. */
export async function startCenter(opts: CenterOptions): Promise<CenterProcess> {
  const port = opts.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      await centerBundle(),
      '--port',
      String(port),
      '--data',
      opts.dataDir,
      ...(opts.now ? ['--now', opts.now] : []),
      // the suites make dozens of staff per hall: full-cost hashes (128 MiB each) would be most
      // of their time; node-shared/passwords.test.ts covers the production cost
      '--password-cost',
      String(testPasswordCost),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      // a center that hangs at start must not outlive the test that gave up on it
      child.kill('SIGKILL');
      reject(new Error(`center did not start:\n${output}`));
    }, 30_000);
    const check = () => {
      if (/listening on http:\/\/127\.0\.0\.1:\d+/.test(output)) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`center exited with ${code}:\n${output}`));
    });
  });
  const waitExit = () =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((r) => child.once('exit', () => r()));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    output: () => output,
    kill: async () => {
      child.kill('SIGKILL');
      await waitExit();
    },
    stop: async () => {
      child.kill('SIGTERM');
      await waitExit();
    },
    exited: () => child.exitCode !== null || child.signalCode !== null,
  };
}

/** The seeded manager of a center data folder (written once by the first start). */
export function adminAccount(dataDir: string): { username: string; password: string } {
  const { username, password } = JSON.parse(
    readFileSync(join(dataDir, 'admin-account.json'), 'utf8'),
  ) as { username: string; password: string };
  return { username, password };
}
