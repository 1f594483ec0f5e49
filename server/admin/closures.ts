import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { shanghaiDate, typedDayProblem, type LocalDate } from '../../shared/calendar';
import type { closureSchema } from '../../shared/sync';
import type { ServerDb } from '../db/schema';
import type { CenterHandlers } from '../http/spec';
import { bumpVersion } from '../reference/versions';
import { invalid } from './access';

type Closure = z.infer<typeof closureSchema>;

/** Days the hall is closed beyond the official calendar (闭馆): they stop the legal clocks. */
export async function readClosures(db: Kysely<ServerDb>): Promise<Closure[]> {
  return db.selectFrom('closures').select(['date', 'reason']).orderBy('date').execute();
}

function checkDates(closures: Closure[], today: LocalDate) {
  const seen = new Set<string>();
  for (const [index, closure] of closures.entries()) {
    // a closure is planned, not dreamt: the schema refused one before 2000, this one too far out
    const problem = typedDayProblem(closure.date, today);
    if (problem) throw invalid(`body.${index}.date`, problem);
    if (seen.has(closure.date)) {
      throw invalid(`body.${index}.date`, `日期重复: ${closure.date}`);
    }
    seen.add(closure.date);
  }
}

async function replaceClosures(trx: Transaction<ServerDb>, closures: Closure[]) {
  await trx.deleteFrom('closures').execute();
  if (closures.length > 0) await trx.insertInto('closures').values(closures).execute();
  await bumpVersion(trx, 'calendar');
}

export const closureHandlers = {
  'closures.get': async (_input, ctx) => ({ body: await readClosures(ctx.db) }),
  'closures.set': async ({ body }, ctx) => {
    checkDates(body, shanghaiDate(ctx.now()));
    await ctx.db.transaction().execute((trx) => replaceClosures(trx, body));
    return { body: await readClosures(ctx.db) };
  },
} satisfies Partial<CenterHandlers>;
