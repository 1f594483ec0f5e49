import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Grant } from '../../shared/center-api';
import { powerSchema, type WindowPowers } from '../../shared/catalog';
import type { ServerDb } from '../db/schema';
import type { CenterHandlers } from '../http/spec';
import { bumpVersion } from '../reference/versions';
import { invalid, notFound } from './access';
import { itemDepartment } from './items';
import { findWindow } from './windows';
import { recordPowers } from './history';
import { shanghaiIso } from '../../shared/calendar';

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
      throw invalid(field, `事项重复: ${grant.itemCode}`);
    }
    seen.add(grant.itemCode);
    const department = await itemDepartment(trx, grant.itemCode);
    if (department === undefined) {
      throw invalid(field, `未知事项: ${grant.itemCode}`);
    }
    if (department !== departmentCode) {
      throw invalid(field, `事项 ${grant.itemCode} 不属于本窗口的部门 ${departmentCode}`);
    }
  }
}

async function replacePowers(
  trx: Transaction<ServerDb>,
  windowId: string,
  grants: Grant[],
  at: string,
) {
  const window = await findWindow(trx, windowId);
  if (!window) throw notFound('窗口');
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
  // judged against at the center: a receipt's powers snapshot must be one recorded here
  await recordPowers(trx, at, [windowId]);
  await bumpVersion(trx, 'catalog');
}

export const powerHandlers = {
  'powers.get': async ({ params }, ctx) => {
    if (!(await findWindow(ctx.db, params.id))) throw notFound('窗口');
    const powers = await readPowers(ctx.db, params.id);
    return { body: powers.map(({ itemCode, powers }) => ({ itemCode, powers })) };
  },
  'powers.set': async ({ params, body }, ctx) => {
    await ctx.db
      .transaction()
      .execute((trx) => replacePowers(trx, params.id, body, shanghaiIso(ctx.now())));
    return { body };
  },
} satisfies Partial<CenterHandlers>;
