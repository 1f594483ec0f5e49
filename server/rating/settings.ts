import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ratingSettingsSchema } from '../../shared/center-api';
import type { ServerDb } from '../db/schema';

// Issue 17 part 2: the center's 好差评 settings, one row: the follow-up's working days and the
// provincial endpoint. The key signs what is pushed; it is never answered back.

export type RatingSettings = {
  followUpDays: number;
  pushUrl: string | null;
  pushKey: string | null;
};

export async function readRatingSettings(db: Kysely<ServerDb>): Promise<RatingSettings> {
  const row = await db
    .selectFrom('rating_settings')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirst();
  return {
    followUpDays: Number(row?.follow_up_days ?? 3),
    pushUrl: row?.push_url ?? null,
    pushKey: row?.push_key ?? null,
  };
}

export const settingsView = (s: RatingSettings) => ({
  followUpDays: s.followUpDays,
  pushUrl: s.pushUrl,
  pushKeySet: s.pushKey !== null,
});

export async function writeRatingSettings(
  db: Kysely<ServerDb>,
  input: z.output<typeof ratingSettingsSchema>,
) {
  const known = await readRatingSettings(db);
  const row = {
    follow_up_days: input.followUpDays,
    push_url: input.pushUrl,
    push_key: input.pushKey === undefined ? known.pushKey : input.pushKey,
  };
  await db
    .insertInto('rating_settings')
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
  return settingsView(await readRatingSettings(db));
}
