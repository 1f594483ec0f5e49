import { isIP } from 'node:net';
import { sql, type Kysely } from 'kysely';
import { addDays, shanghaiDate } from '../../shared/calendar';
import type { ServerDb } from '../db/schema';
import { HttpError } from '../http/errors';
import { bearerToken, sha256Hex } from '../http/tokens';
import { recordAlerts } from './engine';
import type { AlertFinding } from './rules';

// A device-authenticated call the center refuses because the terminal was revoked, or because
// its token names no terminal the center enrolled, is refused as before — and recorded as an
// alert, so the supervisor learns that a PC outside the center's control is still at work.

/**
 * alerts.department_code is NOT NULL, and a device the center does not know belongs to no
 * department: its alerts carry this placeholder (no department has this code; department codes
 * are two to four capital letters), and the supervisor's list shows no department name for it.
 */
export const unknownDeviceDepartment = '-';

/**
 * Refused calls with tokens the center never issued are counted per source (the client's
 * address) and day, each source one alert whose count grows; at most `sourcesPerDay` sources a
 * day get an alert of their own, every refusal from the others is counted into one overflow
 * alert. 1,000 random tokens from one address make one alert, a million addresses 51 a day.
 * What the caller claims (device and event ids) is kept only as evidence, only in the shape of
 * an id and only the first few; no title ever holds text the caller sent.
 */
export const unknownDeviceLimits = { sourcesPerDay: 50, devicesKept: 5, eventsKept: 20 } as const;

/** How many pushed event ids a revoked terminal's alert keeps: enough to find them on the PC. */
const evidenceLimit = 50;

/** What an id looks like (a UUID, `d-…`); anything else a caller claims is dropped, not kept. */
const idShape = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

type Claimed = { deviceIds: string[]; eventIds: string[] };

/** What a refused push says of itself: the devices and events it claims (nothing is trusted). */
function claimed(body: unknown): Claimed {
  const events = (body as { events?: unknown } | null | undefined)?.events;
  if (!Array.isArray(events)) return { deviceIds: [], eventIds: [] };
  const id = (v: unknown) => (typeof v === 'string' && idShape.test(v) ? [v] : []);
  const list = events.slice(0, evidenceLimit) as { id?: unknown; deviceId?: unknown }[];
  return {
    deviceIds: [...new Set(list.flatMap((e) => id(e?.deviceId)))],
    eventIds: list.flatMap((e) => id(e?.id)),
  };
}

/** Whether `error` is the refusal of a device's credentials (not a fault of its request). */
export function isDeviceRefusal(error: unknown): boolean {
  return (
    error instanceof HttpError &&
    (error.code === 'device_revoked' || (error.status === 401 && error.code === 'unauthenticated'))
  );
}

/**
 * Records the alert for a refused device call, outside the refused request's transaction (that
 * one rolled back). A revoked terminal: one alert per device and day (a terminal retrying every
 * 30 seconds adds nothing after its first refusal of the day). A token the center never issued:
 * counted per source and day (recordUnknownSource), whatever the token, so random tokens make
 * no more alerts than one. A request without a bearer token claims no device and raises nothing.
 * `address` is the client's (clientAddress of request.ip).
 */
export async function recordDeviceRefusal(
  db: Kysely<ServerDb>,
  now: Date,
  authorization: string | undefined,
  body: unknown,
  address: string,
): Promise<number> {
  const token = bearerToken(authorization);
  if (!token) return 0;
  const tokenHash = sha256Hex(token);
  const day = shanghaiDate(now);
  const { deviceIds, eventIds } = claimed(body);
  const device = await db
    .selectFrom('devices')
    .select(['id', 'department_code', 'window_id', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (device && device.revoked_at !== null) {
    const finding: AlertFinding = {
      key: `device.revoked:${device.id}:${day}`,
      rule: 'device.revoked',
      level: 'violation',
      message: `已停用的终端仍在向中心${eventIds.length > 0 ? `提交 ${eventIds.length} 个事件` : '同步'}（设备 ${device.id}），已拒绝`,
      evidence: [device.id, ...eventIds],
    };
    return recordAlerts(
      db,
      [
        {
          caseId: null,
          caseNumber: null,
          departmentCode: device.department_code,
          windowId: device.window_id,
          finding,
        },
      ],
      now,
    );
  }
  if (device) return 0;
  // a staff member's session token sent to a device route is a wrong call, not a stray terminal
  const session = await db
    .selectFrom('sessions')
    .select('token_hash')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (session) return 0;
  return recordUnknownSource(db, now, address, { deviceIds, eventIds });
}

/** The text of a source in a title: a well-formed IP the socket (or a trusted proxy) gave. */
const sourceText = (address: string) => (isIP(address) !== 0 ? address : '未知地址');

/**
 * Counts one refusal of an unknown token from `address` today, and writes the count into the
 * source's alert (or, past the day's cap of sources, the overflow alert). One transaction whose
 * first statement locks the counter row, so concurrent refusals of one source write their counts
 * in order (PostgreSQL holds the row, SQLite runs one writer at a time).
 */
async function recordUnknownSource(
  db: Kysely<ServerDb>,
  now: Date,
  address: string,
  claims: Claimed,
): Promise<number> {
  const day = shanghaiDate(now);
  const { sourcesPerDay } = unknownDeviceLimits;
  const sourceAlert = (count: number) => ({
    message: `未在中心注册的终端从 ${sourceText(address)} 访问中心，今日已拒绝 ${count} 次`,
    evidence: evidenceOf(address, claims),
  });
  return db.transaction().execute(async (trx) => {
    const counted = await bump(trx, day, address, false);
    if (counted !== null) {
      return writeAlert(trx, now, `device.unknown:${day}:${address}`, sourceAlert(counted));
    }
    // a source new today: the day's count of sources says whether it gets an alert of its own
    const nth = (await bump(trx, day, sourcesKey, true))!;
    if (nth === 1)
      await trx.deleteFrom('device_refusals').where('day', '<', addDays(day, -30)).execute();
    if (nth <= sourcesPerDay) {
      // the same source new in two requests at once: the second finds the first's row
      const count = (await bump(trx, day, address, true))!;
      return writeAlert(trx, now, `device.unknown:${day}:${address}`, sourceAlert(count));
    }
    const overflow = (await bump(trx, day, overflowKey, true))!;
    return writeAlert(trx, now, `device.unknown:${day}:overflow`, {
      message: `今日已有 ${sourcesPerDay} 个来源的未注册终端各记一条预警；其余来源的 ${overflow} 次请求已拒绝，合并记于此`,
      evidence: isIP(address) !== 0 ? [`address:${address}`] : [],
    });
  });
}

/** Rows of device_refusals that are no address: the day's count of sources, and the overflow. */
const sourcesKey = '#sources';
const overflowKey = '#overflow';

/** Adds one to (day, source): null when the row does not exist and `create` is false. */
async function bump(
  trx: Kysely<ServerDb>,
  day: string,
  source: string,
  create: boolean,
): Promise<number | null> {
  if (!create) {
    const row = await trx
      .updateTable('device_refusals')
      .set({ refusals: sql<number>`${sql.ref('refusals')} + 1` })
      .where('day', '=', day)
      .where('source', '=', source)
      .returning('refusals')
      .executeTakeFirst();
    return row?.refusals ?? null;
  }
  const row = await trx
    .insertInto('device_refusals')
    .values({ day, source, refusals: 1 })
    .onConflict((oc) =>
      oc.columns(['day', 'source']).doUpdateSet({
        refusals: sql<number>`${sql.ref('device_refusals.refusals')} + 1`,
      }),
    )
    .returning('refusals')
    .executeTakeFirstOrThrow();
  return row.refusals;
}

function evidenceOf(address: string, claims: Claimed): string[] {
  return [
    ...(isIP(address) !== 0 ? [`address:${address}`] : []),
    ...claims.deviceIds.map((id) => `device:${id}`),
    ...claims.eventIds.map((id) => `event:${id}`),
  ];
}

/**
 * Creates the alert, or writes its new count and adds evidence it lacks, within the bounds: the
 * first `devicesKept` device ids and `eventsKept` event ids anyone claimed today.
 */
async function writeAlert(
  trx: Kysely<ServerDb>,
  now: Date,
  key: string,
  update: { message: string; evidence: string[] },
): Promise<number> {
  const existing = await trx
    .selectFrom('alerts')
    .select('evidence')
    .where('dedupe_key', '=', key)
    .executeTakeFirst();
  if (!existing) {
    const finding: AlertFinding = {
      key,
      rule: 'device.unknown',
      level: 'violation',
      message: update.message,
      evidence: bounded([], update.evidence),
    };
    const place = { caseId: null, caseNumber: null, windowId: null };
    return recordAlerts(trx, [{ ...place, departmentCode: unknownDeviceDepartment, finding }], now);
  }
  await trx
    .updateTable('alerts')
    .set({
      message: update.message,
      evidence: JSON.stringify(bounded(JSON.parse(existing.evidence) as string[], update.evidence)),
    })
    .where('dedupe_key', '=', key)
    .execute();
  return 0;
}

/** How many of each kind of evidence an unknown source's alert keeps. */
const evidenceKept: Readonly<Record<string, number>> = {
  address: 20,
  device: unknownDeviceLimits.devicesKept,
  event: unknownDeviceLimits.eventsKept,
};

function bounded(kept: readonly string[], more: readonly string[]): string[] {
  const out = [...kept];
  const kindOf = (e: string) => e.slice(0, e.indexOf(':'));
  for (const e of more) {
    const kind = kindOf(e);
    const room = out.filter((k) => kindOf(k) === kind).length < (evidenceKept[kind] ?? 0);
    if (room && !out.includes(e)) out.push(e);
  }
  return out;
}
