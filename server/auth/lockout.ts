import { sql, type Kysely } from 'kysely';
import { shanghaiIso } from '../../shared/calendar';
import type { ServerDb } from '../db/schema';

// Guessing passwords at the center, for every center process at once (the counters are rows).
//
// Three counters, each of failures within a 15-minute window:
// - the pair (username, client address): 5 lock that username at that address. The lock grows
//   with each lock in a row — 15 min, 30, 60 … up to a day — and is forgotten a day after the
//   last one ended, or on a right password. An attacker at one address locks only himself: the
//   manager at her own PC still signs in.
// - the address, whatever the usernames (password spraying): 20 lock the address, with the
//   same backoff.
// - the username, from addresses it has never signed in from (a distributed attacker, many
//   addresses and one account): 10 lock the username for 15 minutes, without backoff, and only
//   at addresses it has not signed in from in the last 90 days. This bounds such an attacker to
//   10 guesses per 15 minutes in all (960 a day against scrypt and the password rules), and yet
//   cannot keep the manager out: at any address where she has signed in before, only her pair
//   and address counters apply, which the attacker's addresses never touch. At a new address she
//   waits at most 15 minutes once the attack stops; a growing lock here would have handed the
//   attacker exactly the permanent lockout this counter must not give.
//
// Atomicity: an attempt takes its slot in every counter BEFORE the (slow) password check, by
// one conditional upsert that refuses when the counter is full or locked; an attempt in flight
// counts as a failure until its password proves right (then its slot is given back). So N
// concurrent guesses can never check more than the limit, on any number of processes: SQLite
// runs one writer at a time, PostgreSQL serializes the upserts on the row.

export const lockout = {
  /** failures per username and address */
  failures: 5,
  /** failures per address, any usernames */
  addressFailures: 20,
  /** failures per username from addresses it has not signed in from */
  accountFailures: 10,
  /** the counting window and the first lock */
  minutes: 15,
  /** the longest lock a backoff reaches */
  maxMinutes: 24 * 60,
  /** a day without a lock forgets the backoff */
  forgetMinutes: 24 * 60,
  /** an address a username signed in from stays known this long */
  knownDays: 90,
} as const;

const minuteMs = 60_000;

/** One counter: its row key, how many attempts it allows a window, its lock durations. */
type Counter = { key: string; limit: number; lockMinutes: readonly number[] };

/** 15, 30, 60 … minutes, capped. */
const backoffMinutes: readonly number[] = (() => {
  const out: number[] = [];
  for (let m: number = lockout.minutes; m < lockout.maxMinutes; m *= 2) out.push(m);
  return [...out, lockout.maxMinutes];
})();

const pairKey = (username: string, address: string) => `pair|${address}|${username}`;

function countersFor(username: string, address: string, known: boolean): Counter[] {
  const counters: Counter[] = [
    { key: pairKey(username, address), limit: lockout.failures, lockMinutes: backoffMinutes },
    { key: `address|${address}`, limit: lockout.addressFailures, lockMinutes: backoffMinutes },
  ];
  if (!known) {
    counters.push({
      key: `account|${username}`,
      limit: lockout.accountFailures,
      lockMinutes: [lockout.minutes],
    });
  }
  return counters;
}

/** A slot taken in a counter: which window it belongs to, to give it back to that one only. */
type Slot = { counter: Counter; windowStart: string };

/** The attempt may go on to the password check; report how it ended. */
export type Attempt = {
  /** a wrong password (or unknown username): the slots stay counted, a full counter locks */
  failed(): Promise<void>;
  /** the right password: the pair is cleared and remembered, the other slots given back */
  succeeded(): Promise<void>;
  /** the check itself broke (database): the attempt counts for nothing */
  abandoned(): Promise<void>;
};

/** Refused before any check: until when (Beijing time, ISO). */
export type Refusal = { lockedUntil: string };

/**
 * Takes a slot in each of the attempt's counters, or none: the refusal says until when the
 * first full or locked counter stays so.
 */
export async function beginAttempt(
  db: Kysely<ServerDb>,
  username: string,
  address: string,
  now: Date,
): Promise<Attempt | Refusal> {
  const known = await knownAddress(db, username, address, now);
  const taken: Slot[] = [];
  for (const counter of countersFor(username, address, known)) {
    const windowStart = await takeSlot(db, counter, now);
    if (windowStart === null) {
      await Promise.all(taken.map((s) => giveBack(db, s)));
      return { lockedUntil: await refusedUntil(db, counter.key, now) };
    }
    taken.push({ counter, windowStart });
  }
  return {
    failed: async () => {
      for (const s of taken) await lockIfFull(db, s, now);
    },
    succeeded: async () => {
      const [pair, ...others] = taken;
      const at = shanghaiIso(now);
      await db
        .updateTable('login_guards')
        .set({ attempts: 0, window_start: at, locked_until: null, locks: 0, last_success_at: at })
        .where('key', '=', pair!.counter.key)
        .execute();
      for (const s of others) await giveBack(db, s);
      await forgetStale(db, now);
    },
    abandoned: async () => {
      for (const s of taken) await giveBack(db, s);
    },
  };
}

async function knownAddress(
  db: Kysely<ServerDb>,
  username: string,
  address: string,
  now: Date,
): Promise<boolean> {
  const since = shanghaiIso(new Date(now.getTime() - lockout.knownDays * 24 * 60 * minuteMs));
  const row = await db
    .selectFrom('login_guards')
    .select('last_success_at')
    .where('key', '=', pairKey(username, address))
    .executeTakeFirst();
  return row?.last_success_at != null && row.last_success_at >= since;
}

/**
 * One statement: counts the attempt unless the counter is locked or full for this window (a
 * window past its 15 minutes starts again at this attempt). Returns the window the slot is in,
 * or null when refused.
 */
async function takeSlot(db: Kysely<ServerDb>, counter: Counter, now: Date): Promise<string | null> {
  const at = shanghaiIso(now);
  const stale = shanghaiIso(new Date(now.getTime() - lockout.minutes * minuteMs));
  const windowStart = sql.ref<string>('login_guards.window_start');
  const row = await db
    .insertInto('login_guards')
    .values({
      key: counter.key,
      attempts: 1,
      window_start: at,
      locked_until: null,
      locks: 0,
      last_success_at: null,
    })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          attempts: sql<number>`case when ${windowStart} < ${stale} then 1 else ${sql.ref('login_guards.attempts')} + 1 end`,
          window_start: sql<string>`case when ${windowStart} < ${stale} then ${at} else ${windowStart} end`,
        })
        .where((eb) =>
          eb.and([
            eb.or([
              eb('login_guards.locked_until', 'is', null),
              eb('login_guards.locked_until', '<=', at),
            ]),
            eb.or([
              eb('login_guards.attempts', '<', counter.limit),
              eb('login_guards.window_start', '<', stale),
            ]),
          ]),
        ),
    )
    .returning('window_start')
    .executeTakeFirst();
  return row?.window_start ?? null;
}

/** Until when a refused counter stays refused: its lock, or (full of attempts still in flight
 * or failed, not yet locked) the end of its window at the latest. */
async function refusedUntil(db: Kysely<ServerDb>, key: string, now: Date): Promise<string> {
  const row = await db
    .selectFrom('login_guards')
    .select(['locked_until', 'window_start'])
    .where('key', '=', key)
    .executeTakeFirst();
  const at = shanghaiIso(now);
  if (row?.locked_until && row.locked_until > at) return row.locked_until;
  const windowEnd = new Date(
    new Date(row?.window_start ?? at).getTime() + lockout.minutes * minuteMs,
  );
  return shanghaiIso(windowEnd);
}

/** Gives a slot back to the window it was taken in (a window since restarted is not touched). */
async function giveBack(db: Kysely<ServerDb>, slot: Slot): Promise<void> {
  await db
    .updateTable('login_guards')
    .set({
      attempts: sql<number>`case when ${sql.ref('attempts')} > 0 then ${sql.ref('attempts')} - 1 else 0 end`,
    })
    .where('key', '=', slot.counter.key)
    .where('window_start', '=', slot.windowStart)
    .execute();
}

/**
 * A failure leaves its slot counted; the first failure to find its window full locks the counter
 * (the window closes with the lock, so the other failures of that window lock nothing more). The
 * lock lasts the next step of the backoff when the previous lock ended less than a day ago.
 */
async function lockIfFull(db: Kysely<ServerDb>, slot: Slot, now: Date): Promise<void> {
  const at = shanghaiIso(now);
  const forgotten = shanghaiIso(new Date(now.getTime() - lockout.forgetMinutes * minuteMs));
  const until = (minutes: number) => shanghaiIso(new Date(now.getTime() + minutes * minuteMs));
  const steps = slot.counter.lockMinutes;
  const lockedUntil = sql.ref<string | null>('locked_until');
  const locks = sql.ref<number>('locks');
  // the step for `locks` earlier locks in a row; the last step is the cap
  const recent = sql`${lockedUntil} is not null and ${lockedUntil} > ${forgotten}`;
  const byStep = steps
    .slice(1)
    .map((m, i) =>
      i === steps.length - 2
        ? sql`when ${locks} >= ${i + 1} then ${until(m)}`
        : sql`when ${locks} = ${i + 1} then ${until(m)}`,
    );
  await db
    .updateTable('login_guards')
    .set({
      locked_until: sql<string>`case when not (${recent}) then ${until(steps[0]!)} ${sql.join(byStep, sql` `)} else ${until(steps[0]!)} end`,
      locks: sql<number>`case when ${recent} then ${locks} + 1 else 1 end`,
      attempts: 0,
      window_start: at,
    })
    .where('key', '=', slot.counter.key)
    .where('window_start', '=', slot.windowStart)
    .where('attempts', '>=', slot.counter.limit)
    .execute();
}

/**
 * Rows quiet for two days that lock nothing and remember no sign-in: swept at each successful
 * sign-in (rare, and never an attacker's doing), so guessing cannot grow the table for good.
 */
async function forgetStale(db: Kysely<ServerDb>, now: Date): Promise<void> {
  const quiet = shanghaiIso(new Date(now.getTime() - 2 * lockout.forgetMinutes * minuteMs));
  const unknown = shanghaiIso(new Date(now.getTime() - lockout.knownDays * 24 * 60 * minuteMs));
  await db
    .deleteFrom('login_guards')
    .where('window_start', '<', quiet)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', quiet)]))
    .where((eb) => eb.or([eb('last_success_at', 'is', null), eb('last_success_at', '<', unknown)]))
    .execute();
}
