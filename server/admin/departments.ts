import type { Kysely, Transaction } from 'kysely';
import type { Department } from '../../shared/catalog';
import type { ServerDb } from '../db/schema';
import type { CenterHandlers } from '../http/spec';
import { bumpVersion } from '../reference/versions';
import { conflict, notFound } from './access';

export async function readDepartments(db: Kysely<ServerDb>): Promise<Department[]> {
  return db.selectFrom('departments').select(['code', 'name']).orderBy('code').execute();
}

export async function departmentExists(db: Kysely<ServerDb>, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('departments')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

async function createDepartment(trx: Transaction<ServerDb>, department: Department) {
  if (await departmentExists(trx, department.code)) {
    throw conflict('body.code', `部门编码已存在: ${department.code}`);
  }
  await trx.insertInto('departments').values(department).execute();
  await bumpVersion(trx, 'catalog');
}

async function renameDepartment(trx: Transaction<ServerDb>, code: string, name: string) {
  const { numUpdatedRows } = await trx
    .updateTable('departments')
    .set({ name })
    .where('code', '=', code)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) throw notFound('部门');
  await bumpVersion(trx, 'catalog');
}

export const departmentHandlers = {
  'departments.list': async (_input, ctx) => ({ body: await readDepartments(ctx.db) }),
  'departments.create': async ({ body }, ctx) => {
    await ctx.db.transaction().execute((trx) => createDepartment(trx, body));
    return { body };
  },
  'departments.update': async ({ params, body }, ctx) => {
    await ctx.db.transaction().execute((trx) => renameDepartment(trx, params.code, body.name));
    return { body: { code: params.code, name: body.name } };
  },
} satisfies Partial<CenterHandlers>;
