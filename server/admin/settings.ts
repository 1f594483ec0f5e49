import type { Kysely, Transaction } from 'kysely';
import {
  storedCenterSettingsSchema,
  defaultSettings,
  type CenterSettings,
} from '../../shared/center-api';
import type { ServerDb } from '../db/schema';
import type { CenterHandlers } from '../http/spec';
import { bumpVersion } from '../reference/versions';

/** The settings, each key falling back to its default until the manager sets it. */
export async function readSettings(db: Kysely<ServerDb>): Promise<CenterSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return storedCenterSettingsSchema.parse({ ...defaultSettings, ...stored });
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

export const settingsHandlers = {
  'settings.get': async (_input, ctx) => ({ body: await readSettings(ctx.db) }),
  'settings.set': async ({ body }, ctx) => {
    await ctx.db.transaction().execute(async (trx) => {
      await writeSettings(trx, body);
      await bumpVersion(trx, 'settings');
    });
    return { body };
  },
} satisfies Partial<CenterHandlers>;
