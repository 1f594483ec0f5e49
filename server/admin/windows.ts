import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { WindowChange } from '../../shared/center-api';
import { shanghaiIso } from '../../shared/calendar';
import type { CenterWindow } from '../../shared/sync';
import type { ServerDb } from '../db/schema';
import { delegateInFull } from './delegation';
import type { CenterHandlers } from '../http/spec';
import { bumpVersion } from '../reference/versions';
import { conflict, invalid, notFound } from './access';
import { departmentExists } from './departments';

const windowColumns = ['id', 'code', 'name', 'department_code as departmentCode'] as const;

export async function readWindows(db: Kysely<ServerDb>): Promise<CenterWindow[]> {
  return db.selectFrom('windows').select(windowColumns).orderBy('code').execute();
}

export async function findWindow(
  db: Kysely<ServerDb>,
  id: string,
): Promise<CenterWindow | undefined> {
  return db.selectFrom('windows').select(windowColumns).where('id', '=', id).executeTakeFirst();
}

async function assertCodeFree(trx: Transaction<ServerDb>, code: string, exceptId: string | null) {
  const holder = await trx
    .selectFrom('windows')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  if (holder && holder.id !== exceptId) {
    throw conflict('body.code', `窗口编号已存在: ${code}`);
  }
}

async function createWindow(trx: Transaction<ServerDb>, window: CenterWindow, at: string) {
  if (!(await departmentExists(trx, window.departmentCode))) {
    throw invalid('body.departmentCode', `未知部门: ${window.departmentCode}`);
  }
  await assertCodeFree(trx, window.code, null);
  await trx
    .insertInto('windows')
    .values({
      id: window.id,
      code: window.code,
      name: window.name,
      department_code: window.departmentCode,
    })
    .execute();
  const granted = await delegateInFull(
    trx,
    {
      windowId: window.id,
      departmentCode: window.departmentCode,
    },
    at,
  );
  if (granted > 0) await bumpVersion(trx, 'catalog');
  await bumpVersion(trx, 'staff');
}

// The department stays: the window's devices, cases and delegated powers belong to it.
async function updateWindow(trx: Transaction<ServerDb>, id: string, change: WindowChange) {
  const current = await findWindow(trx, id);
  if (!current) throw notFound('窗口');
  await assertCodeFree(trx, change.code, id);
  await trx.updateTable('windows').set(change).where('id', '=', id).execute();
  await bumpVersion(trx, 'staff');
  return { ...current, ...change };
}

export const windowHandlers = {
  'windows.list': async (_input, ctx) => ({ body: await readWindows(ctx.db) }),
  'windows.create': async ({ body }, ctx) => {
    const window = { id: randomUUID(), ...body };
    const at = shanghaiIso(ctx.now());
    await ctx.db.transaction().execute((trx) => createWindow(trx, window, at));
    return { body: window };
  },
  'windows.update': async ({ params, body }, ctx) => ({
    body: await ctx.db.transaction().execute((trx) => updateWindow(trx, params.id, body)),
  }),
} satisfies Partial<CenterHandlers>;
