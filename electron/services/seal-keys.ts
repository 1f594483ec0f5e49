import { unlockSealKey } from '../../node-shared/seal/keys';
import { inTransaction } from '../store/db';
import { openSecret } from '../store/device';
import { getSetting } from '../store/reference';
import {
  activeSealKey,
  addSealKey,
  markSealKeyRegistered,
  queuedSealKeys,
  type SealKeyHolder,
} from '../store/seal-keys';
import { isEnrolled, syncKeys } from '../store/sync-state';
import { CenterFailure, syncClient } from '../sync/client';
import type { Terminal } from './context';
import { shanghaiIso } from './time';

// The chief's seal key at this terminal (issue 13): made when the PIN is set, opened by the PIN
// for each stamp, registered at the center with the chief's password — at once when the center
// answers, otherwise when the chief next gives the password here (sign-in, or the banner).

type Chief = SealKeyHolder;

export function createSealKey(t: Terminal, chief: Chief, pin: string): string {
  return inTransaction(t.db, () => addSealKey(t.db, t.keyProtector, chief, pin, t.now()));
}

/**
 * The chief's active key opened with `pin`: its id and private key, or null for a wrong PIN.
 * Undefined when the chief has no key at this terminal.
 */
export function openSealKey(
  t: Terminal,
  userId: string,
  pin: string,
): { keyId: string; privateKey: string } | null | undefined {
  const row = activeSealKey(t.db, userId);
  if (!row) return undefined;
  const privateKey = unlockSealKey(openSecret(row.private_key, t.keyProtector), pin);
  return privateKey === null ? null : { keyId: row.key_id, privateKey };
}

export type RegistrationOutcome = {
  /** keys of the chief the center still lacks */
  queued: number;
  /** why the last attempt did not go through; null when nothing is left or it went through */
  error: string | null;
  /** the center refused (wrong password, not a chief of this department): not a network hiccup */
  refused: boolean;
};

/**
 * Registers the chief's queued keys with the password just given. A network failure leaves them
 * queued; a refusal is returned for the caller to show. A key the center took releases the
 * stamps waiting behind it in the outbox: a sync round is asked for.
 */
export async function registerQueuedSealKeys(
  t: Terminal,
  chief: Chief,
  password: string,
): Promise<RegistrationOutcome> {
  const queued = queuedSealKeys(t.db, chief.id);
  const serverUrl = getSetting<string>(t.db, syncKeys.server);
  const token = getSetting<string>(t.db, syncKeys.deviceToken);
  if (queued.length === 0) return { queued: 0, error: null, refused: false };
  if (!isEnrolled(t.db) || !serverUrl || !token) {
    return { queued: queued.length, error: '本终端尚未注册到中心', refused: false };
  }
  const client = syncClient({ serverUrl, token: openSecret(token, t.keyProtector) });
  let left = queued.length;
  for (const key of queued) {
    try {
      await client.registerSealKey({
        keyId: key.key_id,
        publicKey: key.public_key,
        username: chief.username,
        password,
        createdAt: key.created_at,
        proof: key.proof,
      });
    } catch (error) {
      if (!(error instanceof CenterFailure)) throw error;
      return { queued: left, error: error.message, refused: error.kind === 'http' };
    }
    markSealKeyRegistered(t.db, key.key_id, shanghaiIso(t.now()));
    left -= 1;
  }
  void t.sync.syncNow().catch(() => undefined);
  return { queued: 0, error: null, refused: false };
}

/**
 * At a chief's sign-in: registers what is queued, without holding the sign-in. The outcome is
 * kept in `registrations` (tests and the banner wait on the state it leaves, not on time).
 */
export function registerOnSignIn(t: Terminal, chief: Chief, password: string): void {
  if (queuedSealKeys(t.db, chief.id).length === 0) return;
  const running = registerQueuedSealKeys(t, chief, password).catch(
    (error: unknown): RegistrationOutcome => ({
      queued: queuedSealKeys(t.db, chief.id).length,
      error: error instanceof Error ? error.message : String(error),
      refused: false,
    }),
  );
  registrations.set(t, running);
}

const registrations = new WeakMap<Terminal, Promise<RegistrationOutcome>>();

/** The sign-in registration last started at this terminal, if any (for tests to await). */
export function lastSignInRegistration(t: Terminal): Promise<RegistrationOutcome> | undefined {
  return registrations.get(t);
}
