import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  reject,
  roleSchema,
  scopeRefusal,
  type CaseEvent,
  type CaseState,
  type Rejection,
  type Role,
} from '../../shared/case';
import {
  powers as allPowers,
  itemLaw,
  powerSchema,
  storedServiceItemSchema,
  toItemSnapshot,
} from '../../shared/catalog';
import type { WireEvent } from '../../shared/sync';
import type { ServerDb } from '../db/schema';

// Issue 13, points 1 and 3: is the event's actor who the center says, and may they act on this
// case — and is a receipt's item and powers snapshot what the center published? Judged by the
// center's records as they stood at the event's own time (occurredAt; the clock rules bound how
// wrong that time may be), read from the histories of migration 0008.

/**
 * How long a window's superseded powers still pass at receipt. A terminal learns a new grant or a
 * revocation by pull, and a PC offline over a long weekend (three days) is normal: a receipt made
 * in good faith under the powers it last pulled must not turn into a conflict for that. Longer is
 * not normal: a PC that has not synced for more than three days is receiving under an authorization
 * that was withdrawn, and supervision should see it. Powers never recorded pass at no time.
 */
export const powersGraceMs = 3 * 24 * 60 * 60 * 1000;

type StaffRecord = {
  name: string;
  role: Role;
  windowId: string | null;
  active: boolean;
  from: number;
};
type Dated<T> = { value: T; from: number };

/** What the authority rules consult, for the actors, cases and items of one batch. */
export type AuthorityRecords = {
  /** each actor's records in seq order */
  staff: ReadonlyMap<string, readonly StaffRecord[]>;
  /** every window's department */
  windows: ReadonlyMap<string, string>;
  /** the window each case of the batch belongs to: as stored, or its receipt's in the batch */
  caseWindows: ReadonlyMap<string, string>;
  /** each version of an item the center published, as the canonical JSON of its snapshot */
  items: ReadonlyMap<string, readonly Dated<string>[]>;
  /** by `${windowId} ${itemCode}`: the powers in seq order, each as a sorted list, null for none */
  powers: ReadonlyMap<string, readonly Dated<string | null>[]>;
};

const powersKey = (windowId: string, itemCode: string) => `${windowId} ${itemCode}`;

/** Key-order-free JSON: a snapshot made on a PC must equal the center's however keys were built. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const canonicalPowers = (list: readonly string[]) => canonical([...new Set(list)].sort());

function groupBy<T, V>(rows: readonly T[], key: (r: T) => string, value: (r: T) => V) {
  const map = new Map<string, V[]>();
  for (const r of rows) {
    const k = key(r);
    map.set(k, [...(map.get(k) ?? []), value(r)]);
  }
  return map;
}

/** Read once per batch: only the actors, cases, items and windows the new events name. */
export async function readAuthority(
  trx: Kysely<ServerDb>,
  fresh: readonly WireEvent[],
): Promise<AuthorityRecords> {
  const actorIds = [...new Set(fresh.map((e) => e.actor.userId))];
  const caseIds = [...new Set(fresh.map((e) => e.caseId))];
  const receipts = fresh.filter((e) => e.type === 'received');
  const itemCodes = [
    ...new Set(
      receipts.map((e) => (e.payload as { item?: { code?: unknown } }).item?.code).map(String),
    ),
  ];
  if (fresh.length === 0) {
    return {
      staff: new Map(),
      windows: new Map(),
      caseWindows: new Map(),
      items: new Map(),
      powers: new Map(),
    };
  }
  const staffRows = await trx
    .selectFrom('staff_history')
    .selectAll()
    .where('staff_id', 'in', actorIds)
    .orderBy('staff_id')
    .orderBy('seq')
    .execute();
  const windowRows = await trx.selectFrom('windows').select(['id', 'department_code']).execute();
  const caseRows = await trx
    .selectFrom('cases')
    .select(['id', 'window_id'])
    .where('id', 'in', caseIds)
    .execute();
  const caseWindows = new Map(caseRows.map((r) => [r.id, r.window_id]));
  // a case new in this batch belongs to the window of its receipt
  for (const e of receipts) if (!caseWindows.has(e.caseId)) caseWindows.set(e.caseId, e.windowId);

  const itemRows =
    itemCodes.length === 0
      ? []
      : await trx
          .selectFrom('item_versions')
          .selectAll()
          .where('item_code', 'in', itemCodes)
          .orderBy('item_code')
          .orderBy('seq')
          .execute();
  const powerRows =
    itemCodes.length === 0
      ? []
      : await trx
          .selectFrom('window_power_history')
          .selectAll()
          .where('item_code', 'in', itemCodes)
          .orderBy('window_id')
          .orderBy('item_code')
          .orderBy('seq')
          .execute();

  return {
    staff: groupBy(
      staffRows,
      (r) => r.staff_id,
      (r) => ({
        name: r.name,
        role: roleSchema.parse(r.role),
        windowId: r.window_id,
        active: r.active === 1,
        from: Date.parse(r.valid_from),
      }),
    ),
    windows: new Map(windowRows.map((w) => [w.id, w.department_code])),
    caseWindows,
    items: groupBy(
      itemRows,
      (r) => r.item_code,
      (r) => ({
        value: canonical(toItemSnapshot(storedServiceItemSchema.parse(JSON.parse(r.data)))),
        from: Date.parse(r.published_at),
      }),
    ),
    powers: groupBy(
      powerRows,
      (r) => powersKey(r.window_id, r.item_code),
      (r) => ({
        value:
          r.powers === null
            ? null
            : canonicalPowers(z.array(powerSchema).parse(JSON.parse(r.powers))),
        from: Date.parse(r.valid_from),
      }),
    ),
  };
}

/** The record in force at `at`: the last one from `at` or before. */
function inForce<T extends { from: number }>(records: readonly T[], at: number): T | undefined {
  return records.findLast((r) => r.from <= at);
}

/** The actor is a member of the center's staff, on duty, as the event names them. */
function actorRefusal(event: CaseEvent, records: AuthorityRecords, at: number) {
  const history = records.staff.get(event.actor.userId);
  if (!history) return reject('actor.unknown', `${event.actor.name}（${event.actor.userId}）`);
  const record = inForce(history, at);
  if (!record || !record.active) return reject('actor.inactive', event.actor.name);
  if (record.role !== event.actor.role) return reject('actor.roleMismatch', event.actor.name);
  if (record.name !== event.actor.name) return reject('actor.nameMismatch', event.actor.name);
  // window staff write as their window; center staff (manager, supervisor) sit at none
  if (record.windowId !== null && record.windowId !== event.windowId) {
    return reject('actor.windowMismatch', event.actor.name);
  }
  return { record };
}

/** A receipt names an item version the center published and the powers it recorded. */
function receiptRefusal(
  event: Extract<CaseEvent, { type: 'received' }>,
  records: AuthorityRecords,
  at: number,
): Rejection | null {
  const { item, powers } = event.payload;
  // any version published by then: a PC may not have pulled the newest
  // a receipt made before the catalog carried the item's law reads as its legacy law
  const snapshot = canonical({ ...item, ...itemLaw(item) });
  const published = (records.items.get(item.code) ?? []).filter((v) => v.from <= at);
  if (!published.some((v) => v.value === snapshot)) {
    return reject('item.notPublished', `${item.code} ${item.name}`);
  }
  // a receipt without powers claims what cases before delegation ran with: every power
  const claimed = canonicalPowers(powers ?? allPowers);
  const history = records.powers.get(powersKey(event.windowId, item.code)) ?? [];
  const passes = history.some((r, i) => {
    const supersededAt = history[i + 1]?.from ?? Infinity;
    return r.from <= at && supersededAt >= at - powersGraceMs && r.value === claimed;
  });
  return passes ? null : reject('powers.mismatch', item.name);
}

/** The authority rules: the first broken one names the conflict. */
export function authorityRefusal(
  event: CaseEvent,
  state: CaseState,
  records: AuthorityRecords,
): Rejection | null {
  const at = Date.parse(event.occurredAt);
  const actor = actorRefusal(event, records, at);
  if ('ok' in actor) return actor;
  const windowId = records.caseWindows.get(event.caseId);
  const departmentCode =
    state.status !== 'none'
      ? state.item.departmentCode
      : event.type === 'received'
        ? event.payload.item.departmentCode
        : undefined;
  // no case to scope (an event before any receipt): the reducer names that
  if (windowId !== undefined && departmentCode !== undefined) {
    const { record } = actor;
    const rule = scopeRefusal(
      {
        role: record.role,
        windowId: record.windowId,
        departmentCode:
          record.windowId === null ? null : (records.windows.get(record.windowId) ?? null),
      },
      event.type,
      { windowId, departmentCode },
    );
    if (rule) return reject(rule, event.actor.name);
  }
  return event.type === 'received' ? receiptRefusal(event, records, at) : null;
}
