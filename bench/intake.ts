import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personApplicant } from '../tests/support/applicants';
import type { BenchResult } from './types';

type Api = (call: string, body: unknown) => Promise<Record<string, unknown>>;

async function startTerminal(): Promise<{
  url: string;
  password: string;
  stop: () => void;
  dir: string;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'onewindow-bench-intake-'));
  const child = spawn(
    process.execPath,
    ['scripts/start.mjs', '--web', '--port', '0', '--data', dir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /web mode: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m && /demo clerk.*password: (\S+)/.test(out)) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`web terminal exited ${code}: ${out}`)));
  });
  const password = /demo clerk.*password: (\S+)/.exec(out)![1]!;
  return { url, password, dir, stop: () => child.kill('SIGTERM') };
}

/**
 * A clerk's whole counter transaction for one case — receive, check the materials, accept, and
 * fetch the acceptance notice — through the real HTTP API of the web mode, as the renderer does.
 * p95 over 200 cases; the ceiling is what a clerk feels as instant at the counter (100 ms).
 */
export async function benchIntake(cases = 200): Promise<BenchResult> {
  const terminal = await startTerminal();
  try {
    let token = '';
    const api: Api = async (call, body) => {
      const res = await fetch(`${terminal.url}/api/${call}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      const result = (await res.json()) as {
        ok: boolean;
        value: Record<string, unknown>;
        error?: { message: string };
      };
      if (!result.ok) throw new Error(`${call}: ${result.error?.message}`);
      return result.value;
    };
    token = (await api('auth.login', { username: 'clerk', password: terminal.password }))
      .token as string;
    const item = (await api('catalog.item', { code: 'SJ-002' })) as { materials: { id: string }[] };
    const materials = item.materials.map((m) => ({ materialId: m.id, status: 'received' }));

    const times: number[] = [];
    for (let n = 0; n < cases + 20; n++) {
      const start = performance.now();
      const { caseId } = await api('cases.receive', {
        itemCode: 'SJ-002',
        applicant: personApplicant(n),
        channel: 'window',
      });
      await api('cases.record', { caseId, type: 'materialsChecked', payload: { materials } });
      const { eventId } = await api('cases.record', { caseId, type: 'accepted', payload: {} });
      const doc = await api('documents.get', { caseId, eventId });
      if (doc.kind !== 'acceptance') throw new Error('no acceptance notice');
      // the first 20 warm the process up and are not counted
      if (n >= 20) times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.floor(times.length * 0.95)]!;
    return {
      name: `(d) receive + check + accept + acceptance notice, p95 over ${cases} cases (HTTP)`,
      ours: p95,
      peer: 100,
      ratio: p95 / 100,
      unit: 'ms (peer = ceiling)',
      target: 'p95 < 100 ms',
      pass: p95 < 100,
    };
  } finally {
    terminal.stop();
    rmSync(terminal.dir, { recursive: true, force: true });
  }
}
