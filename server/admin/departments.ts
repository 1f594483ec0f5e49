import type { Kysely, Transaction } from 'kysely';
import { departmentFromRow, departmentToRow, type Department } from '../../shared/catalog';
import type { ServerDb } from '../db/schema';
import type { CenterHandlers } from '../http/spec';
import { bumpVersion } from '../reference/versions';
import { conflict, notFound } from './access';

export async function readDepartments(db: Kysely<ServerDb>): Promise<Department[]> {
  const rows = await db
    .selectFrom('departments')
    .select(['code', 'name', 'reconsideration_body', 'court', 'intake_seal'])
    .orderBy('code')
    .execute();
  return rows.map(departmentFromRow);
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
  await trx.insertInto('departments').values(departmentToRow(department)).execute();
  await bumpVersion(trx, 'catalog');
}

// The name, the appeal bodies and the intake seal travel to the terminals with the catalog: the
// catalog version is bumped, and the next pull brings them.
async function updateDepartment(trx: Transaction<ServerDb>, department: Department) {
  const { code, ...settings } = departmentToRow(department);
  const { numUpdatedRows } = await trx
    .updateTable('departments')
    .set(settings)
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
    const department: Department = { ...body, code: params.code };
    await ctx.db.transaction().execute((trx) => updateDepartment(trx, department));
    return { body: department };
  },
} satisfies Partial<CenterHandlers>;
