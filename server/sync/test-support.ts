import type { AdmissionLimits } from './admission';
import type { FileBackend } from '../files/backend';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type {
  Actor,
  CaseEvent,
  CaseEventPayload,
  CaseEventType,
  CaseState,
  ItemSnapshot,
} from '../../shared/case';
import { createCalendar, officialCalendarData, shanghaiIso } from '../../shared/calendar';
import {
  enrollResponseSchema,
  genesisHash,
  protocolHeader,
  protocolVersion,
  pullResponseSchema,
  pushResponseSchema,
  type PullResponse,
  type PushResponse,
  type ReferenceVersions,
  type WireEvent,
} from '../../shared/sync';
import { centerContract, syncPaths } from '../../shared/center-api';
import { hashPassword } from '../../node-shared/passwords';
import { testPasswordCost } from '../test-app';
import {
  sealLog,
  testRegistration,
  testSealKey,
  type TestSealKey,
} from '../../node-shared/seal/test-keys';
import { enrollmentCodeHash } from '../admin/enrollment-code';
import { buildApp } from '../app';
import type { ServerDb } from '../db/schema';
import { sinceAlways } from '../db/migrations/0008-authority-history';
import { recordPowers } from '../admin/history';
import { itemRow } from '../admin/items';
import {
  legacyGuideFields,
  legacyItemLaw,
  powers,
  serviceItemSchema,
  type Power,
  type ServiceItem,
} from '../../shared/catalog';
import type { TestDatabase } from '../db/test-db';
import { eventHash, hashSigner, newKeyPair } from '../../node-shared/events/crypto';
import { personApplicant } from '../../tests/support/applicants';

// What the sync and case tests share: a small hall (two departments, three windows), terminals
// that enroll through the real route and sign real chains with Ed25519, and valid case events.

/** The center's business clock in these tests: a week after the cases below were received. */
export const testNow = new Date('2025-03-10T10:00:00+08:00');

export const hall = {
  departments: [
    { code: 'SJ', name: '市场监督管理局' },
    { code: 'ZJ', name: '住房和城乡建设局' },
  ],
  windows: [
    { id: 'w-sj-1', code: 'SJ01', name: '市场监管一号窗', department_code: 'SJ' },
    { id: 'w-sj-2', code: 'SJ02', name: '市场监管二号窗', department_code: 'SJ' },
    { id: 'w-zj-1', code: 'ZJ01', name: '住建一号窗', department_code: 'ZJ' },
  ],
} as const;

/**
 * The hall's departments and windows and, unless `records` is false, the center's records the
 * pushed events are judged by (server/sync/authority.ts): the staff below, the two items of
 * `itemOf`, fully delegated to every window of their department — all in force since always.
 */
export async function seedHall(
  db: Kysely<ServerDb>,
  opts: { records?: boolean } = {},
): Promise<void> {
  await db
    .insertInto('departments')
    .values([...hall.departments])
    .execute();
  await db
    .insertInto('windows')
    .values([...hall.windows])
    .execute();
  if (opts.records === false) return;
  await seedStaff(db, hallStaff);
  await publishItems(db, [itemOf('SJ'), itemOf('ZJ')]);
}

export const actors = {
  clerk: { userId: 'u-clerk', name: '王窗口', role: 'clerk' },
  reviewer: { userId: 'u-rev', name: '李审查', role: 'reviewer' },
  chief: { userId: 'u-chief', name: '张首席', role: 'chief' },
  chief2: { userId: 'u-chief2', name: '孙首席', role: 'chief' },
  // the other windows' own staff: SJ02 is of SJ01's department, ZJ of another (shared/case/scope.ts)
  clerkSj2: { userId: 'u-clerk-sj2', name: '赵窗口', role: 'clerk' },
  clerkZj: { userId: 'u-clerk-zj', name: '钱窗口', role: 'clerk' },
  reviewerZj: { userId: 'u-rev-zj', name: '周审查', role: 'reviewer' },
  chiefZj: { userId: 'u-chief-zj', name: '吴首席', role: 'chief' },
} as const satisfies Record<string, Actor>;

/** A staff member as the center records them: the actor an event names, and where they sit. */
export type HallMember = Actor & { windowId: string | null };

export const hallStaff: readonly HallMember[] = [
  { ...actors.clerk, windowId: 'w-sj-1' },
  { ...actors.reviewer, windowId: 'w-sj-1' },
  { ...actors.chief, windowId: 'w-sj-1' },
  { ...actors.chief2, windowId: 'w-sj-2' },
  { ...actors.clerkSj2, windowId: 'w-sj-2' },
  { ...actors.clerkZj, windowId: 'w-zj-1' },
  { ...actors.reviewerZj, windowId: 'w-zj-1' },
  { ...actors.chiefZj, windowId: 'w-zj-1' },
];

/**
 * A window's events in the order a PC writes them: by time (stable, so a case keeps its own
 * order). Logs kept case by case are no PC's order, and the center refuses an event dated well
 * before what the PC already wrote (time.backdated).
 */
export function inWritingOrder<E extends { occurredAt: string }>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
}

/** The window a hall member sits at; undefined for an actor the hall does not know. */
export function windowOf(actor: Actor): string | undefined {
  return hallStaff.find((m) => m.userId === actor.userId)?.windowId ?? undefined;
}

/** Staff straight in the tables, each with the history record the center judges by. */
export async function seedStaff(db: Kysely<ServerDb>, members: readonly HallMember[]) {
  if (members.length === 0) return;
  await db
    .insertInto('staff')
    .values(
      members.map((m) => ({
        id: m.userId,
        username: m.userId,
        name: m.name,
        role: m.role,
        window_id: m.windowId,
        // nobody signs in with these: the tests push what the members signed
        password_hash: 'scrypt$test',
        active: 1,
      })),
    )
    .execute();
  await db
    .insertInto('staff_history')
    .values(
      members.map((m) => ({
        staff_id: m.userId,
        seq: 1,
        name: m.name,
        role: m.role,
        window_id: m.windowId,
        active: 1,
        valid_from: sinceAlways,
      })),
    )
    .execute();
}

/** The whole catalog entry an item snapshot was taken from (what the center publishes). */
export function serviceItemOf(item: ItemSnapshot): ServiceItem {
  return serviceItemSchema.parse({
    ...legacyGuideFields,
    ...legacyItemLaw(item),
    ...item,
    // one letter a character, as the catalog's schema checks
    initials: 'x'.repeat([...item.name].length),
    legalBasis: ['《中华人民共和国行政许可法》'],
    conditions: ['符合法定条件'],
    procedure: ['受理', '审查', '决定'],
    fee: { standard: '不收费', basis: '未设立收费项目' },
    contact: { phone: '029-86010101', address: '区政务服务中心' },
  });
}

/**
 * Publishes item versions since always, each fully delegated to every window of its department
 * (what a new item gets, server/admin/delegation.ts). A later version of a code replaces the
 * catalog's row; an earlier one stays among the versions a PC may still receive under. A version
 * whose name another item holds now is kept as a version only (the catalog renamed it since).
 */
export async function publishItems(db: Kysely<ServerDb>, items: readonly ItemSnapshot[]) {
  for (const snapshot of items) {
    const item = serviceItemOf(snapshot);
    const row = itemRow(item);
    const holder = await db
      .selectFrom('items')
      .select('code')
      .where('name', '=', item.name)
      .executeTakeFirst();
    if (!holder || holder.code === item.code) {
      await db
        .insertInto('items')
        .values(row)
        .onConflict((oc) => oc.column('code').doUpdateSet({ name: row.name, data: row.data }))
        .execute();
    }
    await recordVersion(db, item);
    const windows = await db
      .selectFrom('windows')
      .select('id')
      .where('department_code', '=', item.departmentCode)
      .execute();
    await grantPowers(
      db,
      windows.map((w) => w.id),
      item.code,
      powers,
    );
  }
}

/** Appends a published version of the item (the catalog's row may hold another). */
async function recordVersion(db: Kysely<ServerDb>, item: ServiceItem) {
  const row = await db
    .selectFrom('item_versions')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('item_code', '=', item.code)
    .executeTakeFirst();
  await db
    .insertInto('item_versions')
    .values({
      item_code: item.code,
      seq: Number(row?.seq ?? 0) + 1,
      data: itemRow(item).data,
      published_at: sinceAlways,
    })
    .execute();
}

/** The windows' delegated powers for an item, recorded in the history since always. */
export async function grantPowers(
  db: Kysely<ServerDb>,
  windowIds: readonly string[],
  itemCode: string,
  granted: readonly Power[],
) {
  for (const windowId of windowIds) {
    await db
      .insertInto('window_powers')
      .values({ window_id: windowId, item_code: itemCode, powers: JSON.stringify(granted) })
      .onConflict((oc) =>
        oc.columns(['window_id', 'item_code']).doUpdateSet({ powers: JSON.stringify(granted) }),
      )
      .execute();
  }
  await recordPowers(db, sinceAlways, [...windowIds]);
}

export function itemOf(departmentCode: string): ItemSnapshot {
  return {
    code: `${departmentCode}-001`,
    name: departmentCode === 'SJ' ? '食品经营许可' : '建筑工程施工许可',
    departmentCode,
    reviewMode: 'single',
    promisedDays: 5,
    statutoryDays: 20,
    extensionDays: 10,
    joint: false,
    materials: [
      { id: 'm1', name: '申请书', required: true, form: 'original', count: 1 },
      { id: 'm2', name: '营业执照', required: true, form: 'copy', count: 1 },
    ],
  };
}

const calendarVersion = createCalendar(officialCalendarData()).version;

export type CaseOptions = {
  caseId?: string;
  windowId?: string;
  departmentCode?: string;
  caseNumber?: string;
  applicantName?: string;
  /**
   * the applicant's resident ID; by default one no other script of this run uses, as two open
   * cases of one applicant and item are a duplicate the center's supervision names
   */
  idNumber?: string;
  /** when the case is received; each later event is 10 minutes after the one before */
  start?: string;
  /** issue 17: the queue ticket the applicant was called with */
  ticket?: { id: string; number: string };
};

let scripts = 0;

/** The events of one case, made in order; `next` stamps each with the case's envelope. */
export function caseScript(o: CaseOptions = {}) {
  const caseId = o.caseId ?? randomUUID();
  const departmentCode = o.departmentCode ?? 'SJ';
  let clock = Date.parse(o.start ?? '2025-03-03T09:00:00+08:00') - 10 * 60_000;
  const caseWindow = o.windowId ?? 'w-sj-1';
  const idNumber = o.idNumber ?? personApplicant(++scripts).idNumber;
  const caseNumber = o.caseNumber ?? `${departmentCode}-20250303-01-${caseId.slice(0, 4)}`;
  // the case's window's clerk takes it in; the department's reviewer and chief handle it
  const clerk = { 'w-sj-2': actors.clerkSj2, 'w-zj-1': actors.clerkZj }[caseWindow] ?? actors.clerk;
  const reviewer = departmentCode === 'ZJ' ? actors.reviewerZj : actors.reviewer;
  const chief = departmentCode === 'ZJ' ? actors.chiefZj : actors.chief;
  /** An event of the case; its window is where the actor sits, as a terminal writes it. */
  const next = <T extends CaseEventType>(
    type: T,
    payload: CaseEventPayload<T>,
    actor: Actor,
    windowId = windowOf(actor) ?? caseWindow,
  ): CaseEvent => {
    clock += 10 * 60_000;
    return {
      id: randomUUID(),
      caseId,
      type,
      payload,
      actor,
      windowId,
      occurredAt: shanghaiIso(new Date(clock)),
    } as CaseEvent;
  };
  const received = () =>
    next(
      'received',
      {
        caseNumber,
        item: itemOf(departmentCode),
        applicant: {
          kind: 'person',
          name: o.applicantName ?? '申请人甲',
          idNumber,
          mobile: '13800138000',
        },
        channel: 'window',
        calendarVersion,
        ...(o.ticket ? { ticket: o.ticket } : {}),
      },
      clerk,
    );
  const checked = () =>
    next(
      'materialsChecked',
      {
        materials: [
          { materialId: 'm1', status: 'received' },
          { materialId: 'm2', status: 'received' },
        ],
      },
      clerk,
    );
  const accepted = () => next('accepted', { intakeSeal: 'printed' }, clerk);
  const reviewed = () =>
    next('reviewed', { opinion: '材料齐全，符合条件', recommendation: 'approve' }, reviewer);
  const decided = (actor: Actor = chief, windowId?: string) =>
    next(
      'decided',
      // the case's item lets the decision set the validity: a chief enters it
      { outcome: 'approve', granted: '准予食品经营许可', validUntil: '2030-03-01' },
      actor,
      windowId,
    );
  return {
    caseId,
    caseNumber,
    idNumber,
    next,
    received,
    checked,
    accepted,
    reviewed,
    decided,
    clerk,
    reviewer,
    chief,
  };
}

/** received → materialsChecked → accepted → reviewed: ready for the chief's decision. */
export function reviewedCase(o: CaseOptions = {}) {
  const script = caseScript(o);
  return {
    script,
    events: [script.received(), script.checked(), script.accepted(), script.reviewed()],
  };
}

export const noVersions: ReferenceVersions = { catalog: 0, calendar: 0, staff: 0, settings: 0 };

export type Call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  opts?: {
    token?: string;
    body?: unknown;
    protocol?: number | null;
    /** more headers: a terminal's clock (x-terminal-time) */
    headers?: Record<string, string>;
  },
) => Promise<LightMyRequestResponse>;

export type SyncHarness = {
  app: FastifyInstance;
  db: Kysely<ServerDb>;
  call: Call;
  /** a one-time code for `windowId` straight in the table, as a manager would issue it */
  issueCode(windowId: string, opts?: { expiresAt?: Date }): Promise<string>;
  enroll(windowId: string): Promise<TestDevice>;
  /**
   * The chief `actor` (made staff of the device's window if the center lacks them) with a seal
   * key registered through the real route: the device token, the chief's password, the proof.
   */
  sealKey(device: TestDevice, actor: Actor): Promise<TestSealKey>;
  /** `events` with every stamp numbered and sealed by its chief's registered key (sealLog) */
  sealed(device: TestDevice, events: readonly CaseEvent[]): Promise<CaseEvent[]>;
};

/** The password of the chiefs the harness registers seal keys for. */
export const chiefPassword = 'chief-pass-1';

export function syncHarness(
  t: TestDatabase,
  now: () => Date = () => testNow,
  /** issue 18: where the center keeps the materials' files (none: files calls answer 503) */
  opts: { dataDir?: string; files?: FileBackend; pushAdmission?: AdmissionLimits } = {},
): SyncHarness {
  const app = buildApp({
    db: t.db,
    dialect: t.dialect,
    now,
    checkResponses: true,
    passwordCost: testPasswordCost,
    ...opts,
  });
  const call: Call = (method, url, opts = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...(opts.protocol === null
          ? {}
          : { [protocolHeader]: String(opts.protocol ?? protocolVersion) }),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
      ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
    });
  const issueCode = async (windowId: string, opts: { expiresAt?: Date } = {}) => {
    const code = `T${randomUUID().replace(/-/g, '').slice(0, 11).toUpperCase()}`;
    const created = now();
    await t.db
      .insertInto('enrollment_codes')
      .values({
        code_hash: enrollmentCodeHash(code),
        window_id: windowId,
        created_by: 'test',
        created_at: shanghaiIso(created),
        expires_at: shanghaiIso(opts.expiresAt ?? new Date(created.getTime() + 86_400_000)),
        used_at: null,
        device_id: null,
      })
      .execute();
    return code;
  };
  const sealKeys = new Map<string, TestSealKey>();
  const sealKey = async (device: TestDevice, actor: Actor): Promise<TestSealKey> => {
    const registered = sealKeys.get(`${device.id}/${actor.userId}`);
    if (registered) return registered;
    // the chief as the hall seeded them (or seeded now, with the history the center judges
    // by), given a password to register with: a low scrypt cost, which the hash records
    const known = await t.db
      .selectFrom('staff')
      .select('id')
      .where('id', '=', actor.userId)
      .executeTakeFirst();
    if (!known) await seedStaff(t.db, [{ ...actor, role: 'chief', windowId: device.windowId }]);
    await t.db
      .updateTable('staff')
      .set({ password_hash: await hashPassword(chiefPassword, testPasswordCost) })
      .where('id', '=', actor.userId)
      .execute();
    const key = testSealKey();
    const res = await call('POST', centerContract['seal.register'].path, {
      token: device.token,
      body: testRegistration(key, actor.userId, chiefPassword, shanghaiIso(now())),
    });
    if (res.statusCode !== 201) throw new Error(`seal key refused: ${res.body}`);
    sealKeys.set(`${device.id}/${actor.userId}`, key);
    return key;
  };
  return {
    app,
    db: t.db,
    call,
    issueCode,
    sealKey,
    async sealed(device, events) {
      const chiefs = new Map(
        events.filter((e) => e.type === 'stamped').map((e) => [e.actor.userId, e.actor]),
      );
      for (const actor of chiefs.values()) await sealKey(device, actor);
      // a log that continues cases already pushed starts from the center's state of them
      const caseIds = [...new Set(events.map((e) => e.caseId))];
      const stored = caseIds.length
        ? await t.db
            .selectFrom('cases')
            .select(['id', 'state'])
            .where('id', 'in', caseIds)
            .execute()
        : [];
      return sealLog(
        events,
        (userId) => sealKeys.get(`${device.id}/${userId}`),
        new Map(stored.map((c) => [c.id, JSON.parse(c.state) as CaseState])),
      );
    },
    async enroll(windowId) {
      const keys = newKeyPair();
      const res = await call('POST', syncPaths.enroll, {
        body: { code: await issueCode(windowId), publicKey: keys.publicKey, label: 'PC-TEST' },
      });
      if (res.statusCode !== 201) throw new Error(`enroll failed: ${res.body}`);
      const enrolled = enrollResponseSchema.parse(res.json());
      return testDevice(call, enrolled.deviceId, enrolled.deviceToken, windowId, keys);
    },
  };
}

export type DeviceKeys = { publicKey: string; privateKey: string };

export type TestDevice = {
  id: string;
  token: string;
  windowId: string;
  keys: DeviceKeys;
  /** chains and signs case events onto this device's log, as the terminal's appendEvent does */
  sign(events: readonly CaseEvent[]): WireEvent[];
  /** re-signs an edited event (a tampering test that wants only one thing wrong) */
  resign(e: WireEvent): WireEvent;
  push(events: readonly WireEvent[]): Promise<LightMyRequestResponse>;
  /** push that must succeed, parsed */
  pushOk(events: readonly WireEvent[]): Promise<PushResponse>;
  pull(
    cursor: number,
    opts?: {
      limit?: number;
      versions?: ReferenceVersions;
      cursorEventId?: string;
      /** the terminal's protocol version; the current one when not given */
      protocol?: number;
    },
  ): Promise<PullResponse>;
};

function testDevice(
  call: Call,
  id: string,
  token: string,
  windowId: string,
  keys: DeviceKeys,
): TestDevice {
  let seq = 0;
  let prevHash = genesisHash;
  const signHash = hashSigner(keys.privateKey);
  const resign = (e: WireEvent): WireEvent => {
    const hash = eventHash(e);
    return { ...e, hash, signature: signHash(hash) };
  };
  const push = (events: readonly WireEvent[]) =>
    call('POST', syncPaths.push, { token, body: { events } });
  return {
    id,
    token,
    windowId,
    keys,
    sign: (events) =>
      events.map((event) => {
        seq += 1;
        const signed = resign({
          ...event,
          deviceId: id,
          deviceSeq: seq,
          prevHash,
          hash: '',
          signature: '',
        });
        prevHash = signed.hash;
        return signed;
      }),
    resign,
    push,
    async pushOk(events) {
      const res = await push(events);
      if (res.statusCode !== 200) throw new Error(`push failed ${res.statusCode}: ${res.body}`);
      return pushResponseSchema.parse(res.json());
    },
    async pull(cursor, opts = {}) {
      const res = await call('POST', syncPaths.pull, {
        token,
        body: {
          cursor,
          versions: opts.versions ?? noVersions,
          ...(opts.limit ? { limit: opts.limit } : {}),
          ...(opts.cursorEventId ? { cursorEventId: opts.cursorEventId } : {}),
        },
        ...(opts.protocol ? { protocol: opts.protocol } : {}),
      });
      if (res.statusCode !== 200) throw new Error(`pull failed ${res.statusCode}: ${res.body}`);
      return pullResponseSchema.parse(res.json());
    },
  };
}

/** Rows of a table, to show that a refused request stored nothing. */
export async function count(
  db: Kysely<ServerDb>,
  table: 'events' | 'cases' | 'devices',
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
