import type { Kysely, Transaction } from 'kysely';
import { storedServiceItemSchema, type ServiceItem } from '../../shared/catalog';
import { shanghaiIso } from '../../shared/calendar';
import type { ServerDb } from '../db/schema';
import { delegateInFull } from './delegation';
import type { CenterHandlers } from '../http/spec';
import { bumpVersion } from '../reference/versions';
import { conflict, invalid, notFound } from './access';
import { departmentExists } from './departments';
import { recordItem, recordPowers } from './history';

export async function readItems(db: Kysely<ServerDb>): Promise<ServiceItem[]> {
  const rows = await db.selectFrom('items').select('data').orderBy('code').execute();
  return rows.map((row) => storedServiceItemSchema.parse(JSON.parse(row.data)));
}

export async function itemDepartment(
  db: Kysely<ServerDb>,
  code: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('items')
    .select('department_code')
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.department_code;
}

/** Checks an item against the others; `replacing` is the code of the item it replaces. */
async function checkItem(trx: Transaction<ServerDb>, item: ServiceItem, replacing: string | null) {
  if (!(await departmentExists(trx, item.departmentCode))) {
    throw invalid('body.departmentCode', `未知部门: ${item.departmentCode}`);
  }
  const exists = (await itemDepartment(trx, item.code)) !== undefined;
  if (replacing === null && exists) {
    throw conflict('body.code', `事项编码已存在: ${item.code}`);
  }
  if (replacing !== null && !exists) throw notFound('事项');
  const sameName = await trx
    .selectFrom('items')
    .select('code')
    .where('name', '=', item.name)
    .executeTakeFirst();
  if (sameName && sameName.code !== replacing) {
    throw conflict('body.name', `事项名称已被 ${sameName.code} 使用`);
  }
}

export function itemRow(item: ServiceItem): ServerDb['items'] {
  return {
    code: item.code,
    department_code: item.departmentCode,
    name: item.name,
    data: JSON.stringify(item),
  };
}

// Every version published is kept (item_versions): a PC that has not pulled the newest still
// receives under one the center published, and the center checks the snapshot against them.
async function createItem(trx: Transaction<ServerDb>, item: ServiceItem, at: string) {
  await checkItem(trx, item, null);
  await trx.insertInto('items').values(itemRow(item)).execute();
  await recordItem(trx, item.code, at);
  await delegateInFull(trx, { itemCode: item.code, departmentCode: item.departmentCode }, at);
  await bumpVersion(trx, 'catalog');
}

async function replaceItem(trx: Transaction<ServerDb>, item: ServiceItem, at: string) {
  await checkItem(trx, item, item.code);
  const { code: _code, ...change } = itemRow(item);
  await trx.updateTable('items').set(change).where('code', '=', item.code).execute();
  await recordItem(trx, item.code, at);
  await bumpVersion(trx, 'catalog');
}

// Cases keep the item's name and code of their own, so deleting an item only stops new intake;
// the windows' delegated powers for it go with it (ON DELETE CASCADE).
async function deleteItem(trx: Transaction<ServerDb>, code: string, at: string) {
  const { numDeletedRows } = await trx
    .deleteFrom('items')
    .where('code', '=', code)
    .executeTakeFirst();
  if (numDeletedRows === 0n) throw notFound('事项');
  // the windows' powers for it went with it: from now on none is delegated
  await recordPowers(trx, at);
  await bumpVersion(trx, 'catalog');
}

export const itemHandlers = {
  'items.list': async (_input, ctx) => ({ body: await readItems(ctx.db) }),
  'items.create': async ({ body }, ctx) => {
    await ctx.db.transaction().execute((trx) => createItem(trx, body, shanghaiIso(ctx.now())));
    return { body };
  },
  'items.update': async ({ params, body }, ctx) => {
    // the code names the item in cases and delegated powers; a new code is a new item
    if (body.code !== params.code) {
      throw invalid('body.code', '事项编码不可更改');
    }
    await ctx.db.transaction().execute((trx) => replaceItem(trx, body, shanghaiIso(ctx.now())));
    return { body };
  },
  'items.delete': async ({ params }, ctx) => {
    await ctx.db
      .transaction()
      .execute((trx) => deleteItem(trx, params.code, shanghaiIso(ctx.now())));
    return { body: { ok: true } };
  },
} satisfies Partial<CenterHandlers>;
