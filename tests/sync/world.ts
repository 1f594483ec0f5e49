import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { enroll } from '../../electron/services/enrollment';
import type { Terminal } from '../../electron/services/context';
import { verifyChain } from '../../electron/store/events';
import { peerKeys } from '../../electron/store/reference';
import { openServerDb } from '../../server/db/open';
import { createTestDatabase } from '../../server/db/test-db';
import { signedEventOf } from '../../node-shared/events/rows';
import { hashInput } from '../../shared/sync';
import { personApplicant } from '../support/applicants';
import { adminAccount, startCenter, type CenterProcess } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { callAs } from '../support/sync';
import { tempTerminal } from '../support/terminal';
import type { Cleanup } from '../support/cleanups';

// A hall for sync tests: a center process on loopback, three windows of two departments, one
// clerk and one chief each, and terminals enrolled through the real routes. Terminals are the
// real services and store in this process (no UI); only the center is a separate process, so
// that it can be killed.

export const staffPassword = 'window-pass-1';
export const hallWindows = [
  { code: 'SJ01', name: '市场监管一号窗', departmentCode: 'SJ', itemCode: 'SJ-001' },
  { code: 'SJ02', name: '市场监管二号窗', departmentCode: 'SJ', itemCode: 'SJ-001' },
  { code: 'WJ01', name: '卫生健康窗口', departmentCode: 'WJ', itemCode: 'WJ-001' },
] as const;

export type HallWindow = (typeof hallWindows)[number] & { id: string };

export type Hall = {
  dataDir: string;
  databaseUrl: string | undefined;
  center: CenterProcess;
  windows: HallWindow[];
  /** starts the center again on the same port and data (after a kill or a stop) */
  restart: () => Promise<void>;
  dispose: () => Promise<void>;
};

export async function openHall(
  databaseUrl?: string,
  /** a fixed center clock (ISO with offset); the real clock without */
  now?: string,
): Promise<Hall> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-center-'));
  const options = { dataDir, ...(databaseUrl ? { databaseUrl } : {}), ...(now ? { now } : {}) };
  const hall: Hall = {
    dataDir,
    databaseUrl,
    center: await startCenter(options),
    windows: [],
    restart: async () => {
      if (!hall.center.exited()) await hall.center.stop();
      hall.center = await startCenter({ ...options, port: hall.center.port });
    },
    dispose: async () => {
      await hall.center.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  // the caller can only clean up a hall it receives: a setup that fails stops its own center
  try {
    const admin = await centerAdmin(hall.center.url, adminAccount(dataDir));
    for (const w of hallWindows) {
      const id = await admin.createWindow({
        code: w.code,
        name: w.name,
        departmentCode: w.departmentCode,
      });
      hall.windows.push({ ...w, id });
      for (const role of ['clerk', 'chief'] as const) {
        await admin.createStaff({
          username: `${role}-${w.code}`.toLowerCase(),
          name: `${w.code}${role === 'clerk' ? '窗口' : '首席'}`,
          role,
          windowId: id,
          password: staffPassword,
        });
      }
    }
  } catch (error) {
    await hall.dispose();
    throw error;
  }
  return hall;
}

/**
 * A hall on `dialect`: on PostgreSQL a fresh database of its own, dropped after the center
 * processes have stopped (`defer` runs its cleanups in reverse).
 */
export async function hallOn(
  dialect: 'sqlite' | 'postgres',
  defer: (cleanup: Cleanup) => void,
  /** a fixed center clock (ISO with offset); the real clock without */
  now?: string,
): Promise<Hall> {
  let databaseUrl: string | undefined;
  if (dialect === 'postgres') {
    const db = await createTestDatabase('postgres');
    databaseUrl = db.options.databaseUrl;
    await db.close();
    defer(() => db.dispose());
  }
  const hall = await openHall(databaseUrl, now);
  defer(() => hall.dispose());
  return hall;
}

export type HallTerminal = {
  t: Terminal;
  window: HallWindow;
  clerk: string;
  chief: string;
  cleanup: () => void;
};

/** A fresh terminal enrolled at `window` with a new code, its reference data pulled. */
export async function enrolledTerminal(
  hall: Hall,
  window: HallWindow,
  now?: () => Date,
  /** another center process of the same database */
  serverUrl = hall.center.url,
): Promise<HallTerminal> {
  const admin = await centerAdmin(hall.center.url, adminAccount(hall.dataDir));
  const code = await admin.enrollmentCode(window.id);
  const { terminal: t, cleanup } = tempTerminal(now, { sync: false });
  const signIn = async (role: 'clerk' | 'chief') =>
    (
      await callAs(t, null, 'auth.login', {
        username: `${role}-${window.code}`.toLowerCase(),
        password: staffPassword,
      })
    ).token as string;
  try {
    await enroll(t, { serverUrl, code });
    await syncUntilQuiet([t]);
    return { t, window, clerk: await signIn('clerk'), chief: await signIn('chief'), cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/** The terminal of the hall's window `code`, enrolled; `defer` cleans it up. */
export async function windowTerminal(
  hall: Hall,
  code: string,
  defer: (cleanup: Cleanup) => void,
): Promise<HallTerminal> {
  const h = await enrolledTerminal(
    hall,
    hall.windows.find((w) => w.code === code)!,
  );
  defer(h.cleanup);
  return h;
}

/** A case received at the terminal and every material checked as received, not yet accepted. */
export async function receiveChecked(h: HallTerminal, n: number): Promise<string> {
  const { caseId } = (await callAs(h.t, h.clerk, 'cases.receive', {
    itemCode: h.window.itemCode,
    applicant: personApplicant(n),
    channel: 'window',
  })) as { caseId: string };
  const got = (await callAs(h.t, h.clerk, 'cases.get', { caseId })) as {
    state: { materials: { materialId: string }[] };
  };
  await callAs(h.t, h.clerk, 'cases.record', {
    caseId,
    type: 'materialsChecked',
    payload: {
      materials: got.state.materials.map((m) => ({ materialId: m.materialId, status: 'received' })),
    },
  });
  return caseId;
}

/** Receives, checks and accepts `count` cases at the terminal, as its clerk; returns case ids. */
export async function writeCases(h: HallTerminal, count: number, from = 0): Promise<string[]> {
  const ids: string[] = [];
  for (let n = from; n < from + count; n++) {
    const caseId = await receiveChecked(h, n);
    await callAs(h.t, h.clerk, 'cases.record', { caseId, type: 'accepted', payload: {} });
    ids.push(caseId);
  }
  return ids;
}

/** Sync rounds until nothing of these terminals waits to be sent (bounded). */
export async function syncUntilQuiet(terminals: readonly Terminal[], rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    const statuses = await Promise.all(terminals.map((t) => t.sync.syncNow()));
    if (statuses.every((s) => s.pending === 0 && s.lastError === null)) {
      // one more pull so that every terminal holds what the others pushed in this round
      await Promise.all(terminals.map((t) => t.sync.syncNow()));
      return;
    }
  }
  const statuses = terminals.map((t) => t.sync.status());
  throw new Error(`sync did not settle: ${JSON.stringify(statuses)}`);
}

type CenterEvent = {
  id: string;
  device_id: string;
  device_seq: number;
  hash: string;
  status: string;
  department_code: string;
};

/**
 * The check every sync test ends with: the center holds exactly the union of the terminals' own
 * events — none lost, none twice (by event id), each with the hash its terminal made — and every
 * chain verifies, at the center (re-hashed, signature checked with the enrolled key) and at each
 * terminal (its own chain and the chains it pulled).
 */
export async function expectExactUnion(hall: Hall, terminals: readonly Terminal[]): Promise<void> {
  const handle = await openServerDb({
    ...(hall.databaseUrl ? { databaseUrl: hall.databaseUrl } : { dataDir: hall.dataDir }),
  });
  try {
    const rows = await handle.db.selectFrom('events').selectAll().orderBy('server_seq').execute();
    const devices = await handle.db.selectFrom('devices').select(['id', 'public_key']).execute();
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size, 'no event stored twice').toBe(ids.length);

    const expected = new Map<string, { hash: string; deviceSeq: number }>();
    for (const t of terminals) {
      const own = t.db
        .prepare('SELECT id, hash, device_seq, sync_state FROM events WHERE device_id = ?')
        .all(t.device.id) as { id: string; hash: string; device_seq: number; sync_state: string }[];
      for (const e of own) {
        expect(e.sync_state, `event ${e.id} still ${e.sync_state}`).not.toBe('pending');
        expected.set(e.id, { hash: e.hash, deviceSeq: e.device_seq });
      }
    }
    const held = new Map<string, CenterEvent>(rows.map((r) => [r.id, r]));
    const lost = [...expected.keys()].filter((id) => !held.has(id));
    const foreign = ids.filter((id) => !expected.has(id));
    expect(lost, 'events lost').toEqual([]);
    expect(foreign, 'events nobody wrote').toEqual([]);
    for (const [id, e] of expected) expect(held.get(id)?.hash, `hash of ${id}`).toBe(e.hash);

    const keys = new Map(devices.map((d) => [d.id, d.public_key]));
    const heads = new Map<string, { seq: number; hash: string }>();
    for (const r of [...rows].sort((a, b) =>
      a.device_id === b.device_id
        ? a.device_seq - b.device_seq
        : a.device_id < b.device_id
          ? -1
          : 1,
    )) {
      const head = heads.get(r.device_id) ?? { seq: 0, hash: '0'.repeat(64) };
      expect(r.device_seq, `chain of ${r.device_id} is gapless`).toBe(head.seq + 1);
      expect(r.prev_hash).toBe(head.hash);
      const envelope = signedEventOf(r);
      expect(createHash('sha256').update(hashInput(envelope)).digest('hex')).toBe(r.hash);
      const key = keys.get(r.device_id);
      expect(key, 'event of an enrolled device').toBeDefined();
      expect(
        verify(
          null,
          Buffer.from(r.hash),
          createPublicKey(key!),
          Buffer.from(r.signature, 'base64'),
        ),
        `signature of ${r.id}`,
      ).toBe(true);
      heads.set(r.device_id, { seq: r.device_seq, hash: r.hash });
    }
    for (const t of terminals) {
      const report = verifyChain(
        t.db,
        new Map([[t.device.id, t.device.publicKey], ...peerKeys(t.db)]),
      );
      expect(report, 'terminal chains verify').toEqual({ ok: true, events: report.events });
    }
  } finally {
    await handle.close();
  }
}

/** Each terminal holds every event of its department and none of another's. */
export function expectDepartmentScope(all: readonly HallTerminal[]): void {
  const byDepartment = new Map<string, Set<string>>();
  for (const h of all) {
    const own = h.t.db.prepare('SELECT id FROM events WHERE device_id = ?').all(h.t.device.id) as {
      id: string;
    }[];
    const set = byDepartment.get(h.window.departmentCode) ?? new Set<string>();
    for (const e of own) set.add(e.id);
    byDepartment.set(h.window.departmentCode, set);
  }
  for (const h of all) {
    const held = new Set(
      (h.t.db.prepare('SELECT id FROM events').all() as { id: string }[]).map((r) => r.id),
    );
    expect([...held].sort(), `${h.window.code} holds its department's events`).toEqual(
      [...byDepartment.get(h.window.departmentCode)!].sort(),
    );
  }
}

export type Attached = { sha256: string; bytes: number };

/**
 * Imports `files` (PDFs) at the terminal and attaches them, with `before`, to the case's first
 * material, as `token`'s staff (the clerk when not given).
 */
export async function attach(
  h: HallTerminal,
  caseId: string,
  files: Buffer[],
  before: Attached[] = [],
  token = h.clerk,
) {
  const added: Attached[] = [];
  for (const [i, file] of files.entries()) {
    const r = (await callAs(h.t, token, 'attachments.import', {
      data: file.toString('base64'),
      name: `扫描件-${before.length + i + 1}.pdf`,
      source: 'scanner',
    })) as { files: (Attached & { mediaType: string; source: string; name: string })[] };
    added.push(...r.files);
  }
  const all = [...before, ...added];
  const got = (await callAs(h.t, token, 'cases.get', { caseId })) as {
    state: { materials: { materialId: string; files: unknown[] }[] };
  };
  await callAs(h.t, token, 'cases.record', {
    caseId,
    type: 'materialsAttached',
    payload: {
      materials: [
        {
          materialId: got.state.materials[0]!.materialId,
          files: all.map((f, i) => ({
            sha256: f.sha256,
            mediaType: 'application/pdf',
            bytes: f.bytes,
            source: 'scanner',
            name: `扫描件-${i + 1}.pdf`,
          })),
        },
      ],
    },
  });
  return all;
}
