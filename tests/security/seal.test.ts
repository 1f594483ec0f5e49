import { describe, expect, it } from 'vitest';
import { refoldCases } from '../../electron/projections/cases';
import { lastSignInRegistration } from '../../electron/services/seal-keys';
import { inTransaction } from '../../electron/store/db';
import { appendEvent } from '../../electron/store/events';
import { openSecret } from '../../electron/store/device';
import { syncKeys } from '../../electron/store/sync-state';
import { getCaseState } from '../../electron/store/cases';
import { findStaffByUsername, getSetting } from '../../electron/store/reference';
import { uuidv7 } from '../../electron/store/uuidv7';
import type { Terminal } from '../../electron/services/context';
import { shanghaiIso } from '../../shared/calendar';
import { decisionNumber, type EventOf } from '../../shared/case';
import { centerContract } from '../../shared/center-api';
import { verificationCode } from '../../shared/documents';
import { protocolHeader, protocolVersion } from '../../shared/sync';
import {
  sealStamp,
  testRegistration,
  testSealKey,
  type TestSealKey,
} from '../../node-shared/seal/test-keys';
import { openServerDb } from '../../server/db/open';
import { adminAccount } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { cleanupAfterEach } from '../support/cleanups';
import { callAs } from '../support/sync';
import {
  enrolledTerminal,
  hallOn,
  staffPassword,
  syncUntilQuiet,
  writeCases,
  type Hall,
  type HallTerminal,
} from '../sync/world';

// Issue 13, the seal is the chief's own key — with a real center process on loopback, on SQLite
// and on PostgreSQL, and terminals that are the real services and store. The attacker holds a
// hall PC's data folder and its device key (web mode keeps it in plain text); the chief holds a
// PIN and a password. Only the chief makes a decision /verify calls genuine.

const defer = cleanupAfterEach();
const approval = { outcome: 'approve', granted: '准予食品经营许可' };
const pin = '270415';

const hallOf = (dialect: 'sqlite' | 'postgres') => hallOn(dialect, defer);

async function terminalAt(hall: Hall, window = hall.windows[0]!): Promise<HallTerminal> {
  const h = await enrolledTerminal(hall, window);
  defer(h.cleanup);
  return h;
}

/** One case taken in by the clerk and decided by the chief at the terminal. */
async function decidedCase(h: HallTerminal, n: number): Promise<string> {
  const [caseId] = await writeCases(h, 1, n);
  await callAs(h.t, h.chief, 'cases.record', { caseId, type: 'decided', payload: approval });
  return caseId!;
}

async function stamp(h: HallTerminal, caseId: string): Promise<string> {
  const sealed = await callAs(h.t, h.chief, 'cases.stamp', { caseId, pin });
  return sealed.eventId as string;
}

function stored(t: Terminal, id: string): { hash: string; sync_state: string } {
  return t.db.prepare('SELECT hash, sync_state FROM events WHERE id = ?').get(id) as {
    hash: string;
    sync_state: string;
  };
}

/** What anyone gets from the center for the code printed under the decision's QR. */
async function verify(hall: Hall, t: Terminal, eventId: string) {
  const res = await fetch(`${hall.center.url}/verify/${verificationCode(stored(t, eventId).hash)}`);
  return (await res.json()) as { genuine: boolean; message?: string; kind?: string };
}

/** The center's record of some events: status and the rule of a conflict. */
async function atCenter(hall: Hall, ids: readonly string[]) {
  const handle = await openServerDb(
    hall.databaseUrl ? { databaseUrl: hall.databaseUrl } : { dataDir: hall.dataDir },
  );
  try {
    const rows = await handle.db
      .selectFrom('events')
      .select(['id', 'status', 'conflict_rule'])
      .where('id', 'in', [...ids])
      .execute();
    return ids.map((id) => {
      const row = rows.find((r) => r.id === id);
      return row && { status: row.status, rule: row.conflict_rule };
    });
  } finally {
    await handle.close();
  }
}

/**
 * The attacker's append: a decision and its stamp straight into the terminal's store, chained
 * and signed with the device key as appendEvent does, no PIN asked — the stamp numbered by
 * `number` and sealed with `key` when given — then folded, as the terminal would show it.
 */
function forge(
  h: HallTerminal,
  caseId: string,
  number: (decided: EventOf<'decided'>) => string,
  key?: TestSealKey,
) {
  const chief = findStaffByUsername(h.t.db, `chief-${h.window.code}`.toLowerCase())!;
  const envelope = (offset: number) => ({
    id: uuidv7(),
    caseId,
    actor: { userId: chief.id, name: chief.name, role: 'chief' as const },
    windowId: h.window.id,
    occurredAt: shanghaiIso(new Date(Date.now() + offset)),
  });
  const decision = { ...envelope(0), type: 'decided', payload: approval } as EventOf<'decided'>;
  return inTransaction(h.t.db, () => {
    const decided = appendEvent(h.t.db, h.t.device, decision);
    refoldCases(h.t, [caseId]);
    const unsealed: EventOf<'stamped'> = {
      ...envelope(1000),
      type: 'stamped',
      payload: {
        decisionEventId: decided.id,
        decisionHash: decided.hash,
        decisionNumber: number(decision),
      },
    };
    const stamped = appendEvent(h.t.db, h.t.device, key ? sealStamp(unsealed, key) : unsealed);
    refoldCases(h.t, [caseId]);
    return { decided, stamped };
  });
}

/** The center's supervision alerts, as the manager's list gives them. */
async function conflictAlerts(hall: Hall): Promise<{ rule: string; evidence: string[] }[]> {
  const admin = await centerAdmin(hall.center.url, adminAccount(hall.dataDir));
  const alerts = await admin.call<{ rule: string; evidence: string[] }[]>('GET', '/api/alerts');
  return alerts.filter((a) => a.rule === 'sync.conflict');
}

describe.each(['sqlite', 'postgres'] as const)('the chief’s seal (%s)', (dialect) => {
  it('a copy of the PC’s files cannot make a genuine decision: no seal, or the attacker’s own key', async () => {
    const hall = await hallOf(dialect);
    const h = await terminalAt(hall);

    // (1) a decided + stamped with a made-up number and no PIN, signed by the device key
    const [first] = await writeCases(h, 1, 0);
    const plain = forge(h, first!, () => 'SJ许准〔2026〕8888号');
    // (2) the attacker's own seal key, never registered, over the number the case gives
    const [second] = await writeCases(h, 1, 1);
    const own = testSealKey();
    const sealed = forge(
      h,
      second!,
      () => {
        const state = getCaseState(h.t.db, second!);
        if (state?.status !== 'decided') throw new Error('the forged decision did not fold');
        return decisionNumber(state);
      },
      own,
    );
    // and registering it needs the chief's password, which the PC's files do not hold
    const refused = await fetch(`${hall.center.url}${centerContract['seal.register'].path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [protocolHeader]: String(protocolVersion),
        // web mode keeps the device token in plain text: the attacker has it
        authorization: `Bearer ${openSecret(getSetting<string>(h.t.db, syncKeys.deviceToken)!, null)}`,
      },
      body: JSON.stringify(
        testRegistration(own, 'chief-sj01', 'guessed-password', shanghaiIso(new Date())),
      ),
    });
    expect(refused.status).toBe(401);

    await syncUntilQuiet([h.t]);
    const [plainStamp, ownStamp] = await atCenter(hall, [plain.stamped.id, sealed.stamped.id]);
    expect(plainStamp).toEqual({ status: 'conflicted', rule: 'seal.missing' });
    expect(ownStamp).toEqual({ status: 'conflicted', rule: 'seal.keyUnknown' });
    // raised to supervision with the forged stamps as evidence
    const evidence = (await conflictAlerts(hall)).flatMap((a) => a.evidence);
    expect(evidence).toEqual(expect.arrayContaining([plain.stamped.id, sealed.stamped.id]));
    for (const forged of [plain, sealed]) {
      expect(await verify(hall, h.t, forged.stamped.id)).toMatchObject({ genuine: false });
      // the terminal that holds the forgery does not vouch for it either
      const local = await callAs(h.t, h.clerk, 'documents.verify', {
        code: verificationCode(forged.stamped.hash),
      });
      expect(local).toMatchObject({ genuine: false });
    }
  }, 180_000);

  it('the chief sets the PIN online, seals, syncs: genuine; at a second PC with its own key: genuine too', async () => {
    const hall = await hallOf(dialect);
    const [pc1, pc2] = [await terminalAt(hall), await terminalAt(hall)];
    for (const h of [pc1, pc2]) {
      expect(await callAs(h.t, h.chief, 'seal.setPin', { password: staffPassword, pin })).toEqual({
        registered: true,
        registrationError: null,
      });
    }
    const stamps = [await stamp(pc1, await decidedCase(pc1, 0))];
    stamps.push(await stamp(pc2, await decidedCase(pc2, 1)));
    await syncUntilQuiet([pc1.t, pc2.t]);
    expect(await atCenter(hall, stamps)).toEqual([
      { status: 'accepted', rule: null },
      { status: 'accepted', rule: null },
    ]);
    expect(await verify(hall, pc1.t, stamps[0]!)).toMatchObject({
      genuine: true,
      kind: 'decision',
    });
    expect(await verify(hall, pc2.t, stamps[1]!)).toMatchObject({
      genuine: true,
      kind: 'decision',
    });
    // each PC vouches for the other's seal too: the center accepted it
    const other = await callAs(pc1.t, pc1.clerk, 'documents.verify', {
      code: verificationCode(stored(pc2.t, stamps[1]!).hash),
    });
    expect(other).toMatchObject({ genuine: true });

    // the chief is deactivated: a stamp made after that, by a PC that has not heard yet, is not
    const caseId = await decidedCase(pc1, 2);
    const admin = await centerAdmin(hall.center.url, adminAccount(hall.dataDir));
    const staff = await admin.call<{ id: string; username: string }[]>('GET', '/api/staff');
    const chief = staff.find((s) => s.username === 'chief-sj01')!;
    await admin.call('POST', `/api/staff/${chief.id}/deactivate`);
    const late = await stamp(pc1, caseId);
    await syncUntilQuiet([pc1.t]);
    expect(await atCenter(hall, [late])).toEqual([
      // the center names the chief off duty first; the chief's seal keys were revoked with it
      { status: 'conflicted', rule: 'actor.inactive' },
    ]);
    expect(await verify(hall, pc1.t, late)).toMatchObject({ genuine: false });
    // what was sealed before stays genuine
    expect(await verify(hall, pc1.t, stamps[0]!)).toMatchObject({ genuine: true });
  }, 180_000);

  it('the chief sets the PIN offline: the stamp waits, then the chief signs in and it goes through', async () => {
    const hall = await hallOf(dialect);
    const h = await terminalAt(hall);
    await hall.center.stop();
    const set = await callAs(h.t, h.chief, 'seal.setPin', { password: staffPassword, pin });
    expect(set).toMatchObject({ registered: false, registrationError: expect.any(String) });
    expect(await callAs(h.t, h.chief, 'seal.status', {})).toMatchObject({ unregistered: true });
    const caseId = await decidedCase(h, 0);
    const sealed = await stamp(h, caseId);
    // the window goes on working: another case taken in after the stamp
    await writeCases(h, 1, 1);

    await hall.restart();
    // the outbox goes up to the stamp and waits there, saying why
    const held = await h.t.sync.syncNow();
    expect(held.lastError).toMatch(/^印章待登记/);
    // the stamp and the three events of the later case; the intake and decision went up
    expect(held.pending).toBe(4);
    expect(stored(h.t, sealed).sync_state).toBe('pending');
    expect(await atCenter(hall, [sealed])).toEqual([undefined]);
    // the banner's button with a wrong password: refused, still queued
    const wrong = await callAs(h.t, h.chief, 'seal.register', { password: 'not-it' }).catch(
      (error: unknown) => String(error),
    );
    expect(wrong).toMatch(/印章尚未在中心登记/);

    // the chief signs in: the password registers the key, the outbox moves
    await callAs(h.t, null, 'auth.login', { username: 'chief-sj01', password: staffPassword });
    expect(await lastSignInRegistration(h.t)).toEqual({ queued: 0, error: null, refused: false });
    await syncUntilQuiet([h.t]);
    expect(await atCenter(hall, [sealed])).toEqual([{ status: 'accepted', rule: null }]);
    expect(await verify(hall, h.t, sealed)).toMatchObject({ genuine: true, kind: 'decision' });
    expect(await callAs(h.t, h.chief, 'seal.status', {})).toMatchObject({ unregistered: false });
  }, 180_000);
});
