import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type DemoAccount = {
  role: string;
  name: string;
  username: string;
  password: string;
  /** the chief's seal PIN */
  sealPin?: string;
};
export type WebTerminal = {
  url: string;
  dataDir: string;
  accounts: DemoAccount[];
  /** moves the business clock; the terminal must be started with --now and --clock-control */
  setClock: (iso: string) => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Starts the built terminal in web mode as a real process on a free loopback port with its own
 * data folder, and reads the URL and demo accounts it prints.
 */
export async function startWebTerminal(
  extraArgs: string[] = [],
  /**
   * An existing data folder, to start a PC again (after its database was damaged): the caller
   * owns it, stop() leaves it; a PC that started before prints no new demo accounts, so the
   * terminal is ready once it prints its address
   */
  existing?: { dataDir: string },
): Promise<WebTerminal> {
  const dataDir = existing?.dataDir ?? mkdtempSync(join(tmpdir(), 'onewindow-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    // exactly what `npm start -- --web` runs after its build step (start.mjs runs the web-cli of
    // dist/; a helper building elsewhere runs its own bundle, E2E_WEB_CLI, the same way)
    [
      ...(process.env.E2E_WEB_CLI ? [process.env.E2E_WEB_CLI] : ['scripts/start.mjs', '--web']),
      '--port',
      '0',
      '--data',
      dataDir,
      // a helper building elsewhere can point the tests at its own build
      ...(process.env.E2E_STATIC ? ['--static', process.env.E2E_STATIC] : []),
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // a terminal that hangs at start must not outlive the test that gave up on it
      child.kill('SIGKILL');
      reject(new Error(`web terminal did not start:\n${output}`));
    }, 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /web mode: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m && (existing || output.includes('supervisor'))) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web terminal exited with ${code}:\n${output}`)));
  });
  const url = await ready;
  const accounts = [
    ...output.matchAll(
      /demo (\w+)\s+(\S+)\s+username: (\S+)\s+password: (\S+)(?:\s+seal PIN: (\d{6}))?/g,
    ),
  ].map((m) => ({
    role: m[1]!,
    name: m[2]!,
    username: m[3]!,
    password: m[4]!,
    ...(m[5] ? { sealPin: m[5] } : {}),
  }));
  return {
    url,
    dataDir,
    accounts,
    setClock: async (iso) => {
      const res = await fetch(`${url}/__test/clock`, {
        method: 'POST',
        body: JSON.stringify({ now: iso }),
      });
      if (!res.ok)
        throw new Error(`setClock: ${res.status} (start with --now and --clock-control)`);
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!existing) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One call of the terminal's HTTP API as the renderer makes it (JSON, bearer token); a failure
 * throws with main's message and rule, so a test can expect a refusal.
 */
export async function apiPost<T>(
  t: WebTerminal,
  call: string,
  body: unknown,
  token?: string,
): Promise<T> {
  const res = await fetch(`${t.url}/api/${call}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const result = (await res.json()) as {
    ok: boolean;
    value?: T;
    error?: { message: string; field?: string; rule?: string };
  };
  if (!result.ok) {
    // main names the field apart from the message; a spec reads both in one line
    const at = result.error?.field ? `${result.error.field}: ` : '';
    throw new Error(`${call}: ${at}${result.error?.message} (${result.error?.rule})`);
  }
  return result.value as T;
}

/** Receives one case over the HTTP bridge as `account`, the way the renderer does. */
export async function receiveThroughApi(
  t: WebTerminal,
  account: DemoAccount,
): Promise<{ caseId: string; caseNumber: string }> {
  const post = (call: string, body: unknown, token?: string) =>
    apiPost<unknown>(t, call, body, token);
  const session = (await post('auth.login', {
    username: account.username,
    password: account.password,
  })) as { token: string };
  const items = (await post('catalog.items', { query: 'gtgsh' }, session.token)) as {
    code: string;
  }[];
  return (await post(
    'cases.receive',
    {
      itemCode: items[0]!.code,
      applicant: {
        kind: 'person',
        name: '王小明',
        idNumber: '11010519491231002X',
        mobile: '13800138000',
      },
      channel: 'window',
    },
    session.token,
  )) as { caseId: string; caseNumber: string };
}
