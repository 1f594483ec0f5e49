import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../electron/store/events';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Runs the writer until it has reported `atLeast` committed cases, then SIGKILLs it mid-loop. */
function runAndKill(dataDir: string, atLeast: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/support/crash-writer.ts', dataDir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const ids: string[] = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('case ')) ids.push(line.slice(5));
      if (!killed && ids.length >= atLeast) {
        killed = true;
        // a random extra delay so the kill lands anywhere inside a write
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 20));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(ids);
      else reject(new Error(`writer exited with ${code} before the kill:\n${stderr}`));
    });
  });
}

describe('a terminal killed while writing cases', () => {
  it('keeps every acknowledged case, an intact database and a verifying chain', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-crash-'));
    dirs.push(dataDir);
    let acknowledged: string[] = [];
    // Three kills in a row: recovery after one crash must itself survive the next.
    for (const target of [30, 60, 90]) {
      acknowledged = acknowledged.concat(await runAndKill(dataDir, target - acknowledged.length));
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(90);

    const db = new Database(join(dataDir, 'terminal.sqlite'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const present = new Set(
        (
          db.prepare("SELECT case_id FROM events WHERE type = 'received'").all() as {
            case_id: string;
          }[]
        ).map((r) => r.case_id),
      );
      const projected = new Set(
        (db.prepare('SELECT id FROM cases').all() as { id: string }[]).map((r) => r.id),
      );
      const lost = acknowledged.filter((id) => !present.has(id) || !projected.has(id));
      expect(lost).toEqual([]);
      const keys = new Map(
        (
          db.prepare('SELECT id, public_key FROM device').all() as {
            id: string;
            public_key: string;
          }[]
        ).map((r) => [r.id, r.public_key]),
      );
      const chain = verifyChain(db, keys);
      expect(chain).toEqual({ ok: true, events: present.size });
    } finally {
      db.close();
    }
  }, 120_000);
});
