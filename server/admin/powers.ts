import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { powerSchema, windowPowersSchema, type WindowPowers } from '../../shared/catalog';
import type { ServerDb } from '../db/schema';
import { route, type RouteSpec } from '../http/spec';
import { bumpVersion } from '../reference/versions';
import { invalid, managerOnly, managerOrSupervisor, notFound } from './access';
import { itemDepartment } from './items';
import { findWindow, windowIdParams } from './windows';

const grantSchema = windowPowersSchema.omit({ windowId: true });
type Grant = z.infer<typeof grantSchema>;
const grantsSchema = z.array(grantSchema).max(1000);

/** Every window's delegated powers, or one window's. */
export async function readPowers(db: Kysely<ServerDb>, windowId?: string): Promise<WindowPowers[]> {
  let query = db
    .selectFrom('window_powers')
    .select(['window_id', 'item_code', 'powers'])
    .orderBy('window_id')
    .orderBy('item_code');
  if (windowId !== undefined) query = query.where('window_id', '=', windowId);
  const rows = await query.execute();
  return rows.map((row) => ({
    windowId: row.window_id,
    itemCode: row.item_code,
    powers: z.array(powerSchema).parse(JSON.parse(row.powers)),
  }));
}

/** A window is delegated only items of its own department (授权 comes from that department). */
async function checkGrants(trx: Transaction<ServerDb>, departmentCode: string, grants: Grant[]) {
  const seen = new Set<string>();
  for (const [index, grant] of grants.entries()) {
    const field = `body.${index}.itemCode`;
    if (seen.has(grant.itemCode)) {
      throw invalid(field, `事项重复: ${grant.itemCode} / item listed twice`);
    }
    seen.add(grant.itemCode);
    const department = await itemDepartment(trx, grant.itemCode);
    if (department === undefined) {
      throw invalid(field, `未知事项: ${grant.itemCode} / unknown item`);
    }
    if (department !== departmentCode) {
      throw invalid(
        field,
        `事项 ${grant.itemCode} 不属于本窗口的部门 ${departmentCode} / item of another department`,
      );
    }
  }
}

async function replacePowers(trx: Transaction<ServerDb>, windowId: string, grants: Grant[]) {
  const window = await findWindow(trx, windowId);
  if (!window) throw notFound('窗口', 'window');
  await checkGrants(trx, window.departmentCode, grants);
  await trx.deleteFrom('window_powers').where('window_id', '=', windowId).execute();
  if (grants.length > 0) {
    await trx
      .insertInto('window_powers')
      .values(
        grants.map((g) => ({
          window_id: windowId,
          item_code: g.itemCode,
          powers: JSON.stringify(g.powers),
        })),
      )
      .execute();
  }
  await bumpVersion(trx, 'catalog');
}

export const powerRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    url: '/api/windows/:id/powers',
    summary: '窗口授权 / what a window is delegated',
    tag: 'catalog',
    auth: managerOrSupervisor,
    params: windowIdParams,
    response: z.array(grantSchema),
    handler: async ({ params }, ctx) => {
      if (!(await findWindow(ctx.db, params.id))) throw notFound('窗口', 'window');
      const powers = await readPowers(ctx.db, params.id);
      return { body: powers.map(({ itemCode, powers }) => ({ itemCode, powers })) };
    },
  }),
  route({
    method: 'PUT',
    url: '/api/windows/:id/powers',
    summary: '设置窗口授权（整体替换）/ set what a window is delegated (replaces all)',
    tag: 'catalog',
    auth: managerOnly,
    params: windowIdParams,
    body: grantsSchema,
    response: z.array(grantSchema),
    handler: async ({ params, body }, ctx) => {
      await ctx.db.transaction().execute((trx) => replacePowers(trx, params.id, body));
      return { body };
    },
  }),
];
