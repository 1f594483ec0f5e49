import type { Kysely, Transaction } from 'kysely';
import { shanghaiIso } from '../../shared/calendar';
import type { DeviceSummary } from '../../shared/center-api';
import type { ServerDb } from '../db/schema';
import type { CenterHandlers } from '../http/spec';
import { bumpVersion } from '../reference/versions';
import { notFound } from './access';

async function readDevices(db: Kysely<ServerDb>, id?: string): Promise<DeviceSummary[]> {
  let query = db
    .selectFrom('devices')
    .innerJoin('windows', 'windows.id', 'devices.window_id')
    .leftJoin('device_reports', 'device_reports.device_id', 'devices.id')
    .select([
      'devices.id',
      'windows.id as windowId',
      'windows.code as windowCode',
      'windows.name as windowName',
      'devices.label',
      'devices.terminal_number',
      'devices.enrolled_at',
      'devices.revoked_at',
      'devices.last_seq',
    ])
    // the newest row of its clock history, read by the (device_id, measured_at) index
    .select((eb) => {
      const latest = () =>
        eb
          .selectFrom('device_clock')
          .whereRef('device_clock.device_id', '=', 'devices.id')
          .orderBy('device_clock.measured_at', 'desc')
          .limit(1);
      return [
        latest().select('device_clock.offset_ms').as('clock_offset'),
        latest().select('device_clock.measured_at').as('clock_measured_at'),
        latest().select('device_clock.skewed').as('clock_skewed'),
      ];
    })
    // part A of issue 15: the manager sees which PCs were taken back after a restore
    .select((eb) =>
      eb
        .selectFrom('device_readmissions')
        .whereRef('device_readmissions.device_id', '=', 'devices.id')
        .select((r) => r.fn.max('device_readmissions.readmitted_at').as('at'))
        .as('readmitted_at'),
    )
    // part C (issue 15): the terminal's own report and its crash reports
    .select([
      'device_reports.last_seen_at',
      'device_reports.app_version',
      'device_reports.pending',
      'device_reports.last_error',
      'device_reports.integrity',
    ])
    .select((eb) => {
      const crashes = () =>
        eb.selectFrom('crash_reports').whereRef('crash_reports.device_id', '=', 'devices.id');
      return [
        crashes()
          .select((c) => c.fn.countAll().as('n'))
          .as('crash_count'),
        crashes()
          .select((c) => c.fn.max('crash_reports.received_at').as('at'))
          .as('last_crash_at'),
      ];
    })
    .orderBy('windows.code')
    .orderBy('devices.terminal_number');
  if (id !== undefined) query = query.where('devices.id', '=', id);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    window: { id: row.windowId, code: row.windowCode, name: row.windowName },
    label: row.label,
    terminalNumber: row.terminal_number,
    enrolledAt: row.enrolled_at,
    revokedAt: row.revoked_at,
    lastSeq: row.last_seq,
    clock:
      row.clock_offset === null || row.clock_measured_at === null
        ? null
        : {
            offsetMs: Number(row.clock_offset),
            measuredAt: row.clock_measured_at,
            skewed: row.clock_skewed === 1,
          },
    readmittedAt: row.readmitted_at ?? null,
    health: {
      lastSeenAt: row.last_seen_at,
      appVersion: row.app_version,
      pending: row.pending === null ? null : Number(row.pending),
      lastError: row.last_error,
      integrity: row.integrity,
      crashReports: Number(row.crash_count ?? 0),
      lastCrashAt: row.last_crash_at ?? null,
    },
  }));
}

/**
 * Revoking is final for that token: the device gets 403 from then on and must enroll again. A
 * second revoke changes nothing and so bumps nothing. The staff version moves because the
 * terminals learn of revoked devices through the staff reference.
 */
async function revokeDevice(trx: Transaction<ServerDb>, id: string, now: Date) {
  const { numUpdatedRows } = await trx
    .updateTable('devices')
    .set({ revoked_at: shanghaiIso(now) })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (numUpdatedRows > 0n) await bumpVersion(trx, 'staff');
  const [device] = await readDevices(trx, id);
  if (!device) throw notFound('终端');
  return device;
}

export const deviceHandlers = {
  'devices.list': async (_input, ctx) => ({ body: await readDevices(ctx.db) }),
  'devices.revoke': async ({ params }, ctx) => ({
    body: await ctx.db.transaction().execute((trx) => revokeDevice(trx, params.id, ctx.now())),
  }),
} satisfies Partial<CenterHandlers>;
