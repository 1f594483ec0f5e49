import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { closureSchema } from '../../shared/sync';
import type { ServerDb } from '../db/schema';
import { route, type RouteSpec } from '../http/spec';
import { bumpVersion } from '../reference/versions';
import { invalid, managerOnly, managerOrSupervisor } from './access';

type Closure = z.infer<typeof closureSchema>;
const closuresSchema = z.array(closureSchema).max(1000);

/** Days the hall is closed beyond the official calendar (闭馆): they stop the legal clocks. */
export async function readClosures(db: Kysely<ServerDb>): Promise<Closure[]> {
  return db.selectFrom('closures').select(['date', 'reason']).orderBy('date').execute();
}

function checkDistinct(closures: Closure[]) {
  const seen = new Set<string>();
  for (const [index, closure] of closures.entries()) {
    if (seen.has(closure.date)) {
      throw invalid(`body.${index}.date`, `日期重复: ${closure.date} / date listed twice`);
    }
    seen.add(closure.date);
  }
}

async function replaceClosures(trx: Transaction<ServerDb>, closures: Closure[]) {
  await trx.deleteFrom('closures').execute();
  if (closures.length > 0) await trx.insertInto('closures').values(closures).execute();
  await bumpVersion(trx, 'calendar');
}

export const closureRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    url: '/api/closures',
    summary: '闭馆日 / closure days',
    tag: 'calendar',
    auth: managerOrSupervisor,
    response: closuresSchema,
    handler: async (_input, ctx) => ({ body: await readClosures(ctx.db) }),
  }),
  route({
    method: 'PUT',
    url: '/api/closures',
    summary: '设置闭馆日（整体替换）/ set the closure days (replaces all)',
    tag: 'calendar',
    auth: managerOnly,
    body: closuresSchema,
    response: closuresSchema,
    handler: async ({ body }, ctx) => {
      checkDistinct(body);
      await ctx.db.transaction().execute((trx) => replaceClosures(trx, body));
      return { body: await readClosures(ctx.db) };
    },
  }),
];
