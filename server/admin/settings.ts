import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { defaultThresholds } from '../../shared/calendar';
import type { ServerDb } from '../db/schema';
import { route, type RouteSpec } from '../http/spec';
import { bumpVersion } from '../reference/versions';
import { managerOnly, managerOrSupervisor } from './access';

const days = z.number().int().min(0).max(60);

export const centerSettingsSchema = z.strictObject({
  centerName: z.string().trim().min(1, '请输入中心名称 / center name required').max(100),
  thresholds: z
    .strictObject({ warningWorkingDays: days, yellowWorkingDays: days })
    // the yellow card (督办) comes after the warning, never before it (shared/calendar)
    .refine((t) => t.yellowWorkingDays <= t.warningWorkingDays, {
      path: ['yellowWorkingDays'],
      message: '黄牌天数不能多于预警天数 / yellow must not exceed warning',
    }),
});
export type CenterSettings = z.infer<typeof centerSettingsSchema>;

export const defaultSettings: CenterSettings = {
  centerName: '示范区政务服务中心',
  thresholds: { ...defaultThresholds },
};

/** The settings, each key falling back to its default until the manager sets it. */
export async function readSettings(db: Kysely<ServerDb>): Promise<CenterSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return centerSettingsSchema.parse({ ...defaultSettings, ...stored });
}

export async function writeSettings(trx: Transaction<ServerDb>, settings: CenterSettings) {
  for (const [key, value] of Object.entries(settings)) {
    await trx
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
  }
}

export const settingsRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    url: '/api/settings',
    summary: '中心设置 / center settings',
    tag: 'settings',
    auth: managerOrSupervisor,
    response: centerSettingsSchema,
    handler: async (_input, ctx) => ({ body: await readSettings(ctx.db) }),
  }),
  route({
    method: 'PUT',
    url: '/api/settings',
    summary: '修改中心设置 / change the center settings',
    tag: 'settings',
    auth: managerOnly,
    body: centerSettingsSchema,
    response: centerSettingsSchema,
    handler: async ({ body }, ctx) => {
      await ctx.db.transaction().execute(async (trx) => {
        await writeSettings(trx, body);
        await bumpVersion(trx, 'settings');
      });
      return { body };
    },
  }),
];
