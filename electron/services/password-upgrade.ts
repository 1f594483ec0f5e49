import { needsRehash } from '../../node-shared/passwords';
import { centerContract } from '../../shared/center-api';
import { request } from '../../node-shared/http/client';
import { getSetting } from '../store/reference';
import { isEnrolled, syncKeys } from '../store/sync-state';
import type { Terminal } from './context';

// The terminal's staff hashes are the center's copies (server/sync/reference.ts): one made anew
// here would be replaced by the center's weaker one at the next staff pull, and a terminal must
// never write a hash upstream (a stolen PC could then set anyone's password). So when a hash made
// with old parameters verifies here, the password just given signs in once at the center, which
// makes the hash anew (server/auth/login.ts) and raises the staff version: every terminal of the
// department then pulls the stronger hash at its next sync round (never a round of its own: a
// sign-in must not start a sync the engine's schedule did not ask for). Clerks who only ever sign in at their window get
// stronger hashes this way too.

// A hall network that drops packets must not leave the upgrade hanging for minutes.
const timeoutMs = 15_000;

type Upgrade = { username: string; hash: string };

const upgrades = new WeakMap<Terminal, Promise<boolean>>();
// Once per hash and process: when the center refuses (the password was changed there and this
// terminal has not pulled the new hash yet), every sign-in here must not count another wrong
// password against the account at the center.
const tried = new WeakMap<Terminal, Set<string>>();

/**
 * At a sign-in verified here: has the center make the hash anew when it was made with weaker
 * parameters than today's. In the background and best effort: the sign-in never waits for the
 * center; an unenrolled or unreachable terminal simply tries at a later sign-in.
 */
export function upgradeAtCenter(t: Terminal, staff: Upgrade, password: string): void {
  if (!needsRehash(staff.hash) || !isEnrolled(t.db) || !t.sync.background) return;
  const serverUrl = getSetting<string>(t.db, syncKeys.server);
  const seen = tried.get(t) ?? new Set<string>();
  tried.set(t, seen);
  if (!serverUrl || seen.has(staff.hash)) return;
  seen.add(staff.hash);
  upgrades.set(
    t,
    signInOnce(serverUrl, staff.username, password).then(
      () => true,
      () => false,
    ),
  );
}

/** Signs in at the center (which re-hashes there) and out again at once: no session is kept. */
async function signInOnce(baseUrl: string, username: string, password: string): Promise<void> {
  const login = await request(
    centerContract['auth.login'],
    { body: { username, password } },
    { baseUrl, token: null, timeoutMs },
  );
  await request(centerContract['auth.logout'], {}, { baseUrl, token: login.token, timeoutMs });
}

/** The upgrade last started at this terminal, if any (tests wait on it, not on time). */
export function lastPasswordUpgrade(t: Terminal): Promise<boolean> | undefined {
  return upgrades.get(t);
}
