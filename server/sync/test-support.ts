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
import {
  sealLog,
  testRegistration,
  testSealKey,
  type TestSealKey,
} from '../../node-shared/seal/test-keys';
import { enrollmentCodeHash } from '../admin/enrollment-code';
import { buildApp } from '../app';
import type { ServerDb } from '../db/schema';
import type { TestDatabase } from '../db/test-db';
import { eventHash, hashSigner, newKeyPair } from '../../node-shared/events/crypto';

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

export async function seedHall(db: Kysely<ServerDb>): Promise<void> {
  await db
    .insertInto('departments')
    .values([...hall.departments])
    .execute();
  await db
    .insertInto('windows')
    .values([...hall.windows])
    .execute();
}

export const actors = {
  clerk: { userId: 'u-clerk', name: '王窗口', role: 'clerk' },
  reviewer: { userId: 'u-rev', name: '李审查', role: 'reviewer' },
  chief: { userId: 'u-chief', name: '张首席', role: 'chief' },
  chief2: { userId: 'u-chief2', name: '孙首席', role: 'chief' },
} as const satisfies Record<string, Actor>;

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
  /** when the case is received; each later event is 10 minutes after the one before */
  start?: string;
};

/** The events of one case, made in order; `next` stamps each with the case's envelope. */
export function caseScript(o: CaseOptions = {}) {
  const caseId = o.caseId ?? randomUUID();
  const departmentCode = o.departmentCode ?? 'SJ';
  let clock = Date.parse(o.start ?? '2025-03-03T09:00:00+08:00') - 10 * 60_000;
  const next = <T extends CaseEventType>(
    type: T,
    payload: CaseEventPayload<T>,
    actor: Actor,
    windowId = o.windowId ?? 'w-sj-1',
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
        caseNumber: o.caseNumber ?? `${departmentCode}-20250303-01-${caseId.slice(0, 4)}`,
        item: itemOf(departmentCode),
        applicant: {
          kind: 'person',
          name: o.applicantName ?? '申请人甲',
          idNumber: '110101199003077777',
          mobile: '13800138000',
        },
        channel: 'window',
        calendarVersion,
      },
      actors.clerk,
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
      actors.clerk,
    );
  const accepted = () => next('accepted', {}, actors.clerk);
  const reviewed = () =>
    next('reviewed', { opinion: '材料齐全，符合条件', recommendation: 'approve' }, actors.reviewer);
  const decided = (actor: Actor = actors.chief, windowId?: string) =>
    next('decided', { outcome: 'approve', granted: '准予食品经营许可' }, actor, windowId);
  return { caseId, next, received, checked, accepted, reviewed, decided };
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
  method: 'GET' | 'POST',
  url: string,
  opts?: { token?: string; body?: unknown; protocol?: number | null },
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

export function syncHarness(t: TestDatabase, now: () => Date = () => testNow): SyncHarness {
  const app = buildApp({ db: t.db, dialect: t.dialect, now, checkResponses: true });
  const call: Call = (method, url, opts = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...(opts.protocol === null
          ? {}
          : { [protocolHeader]: String(opts.protocol ?? protocolVersion) }),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
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
    const known = sealKeys.get(`${device.id}/${actor.userId}`);
    if (known) return known;
    await t.db
      .insertInto('staff')
      .values({
        id: actor.userId,
        username: actor.userId,
        name: actor.name,
        role: 'chief',
        window_id: device.windowId,
        // a low scrypt cost: the hash records it, and verifying follows the record
        password_hash: await hashPassword(chiefPassword, 1024),
        active: 1,
      })
      .onConflict((oc) => oc.column('id').doNothing())
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
    opts?: { limit?: number; versions?: ReferenceVersions },
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
        },
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
