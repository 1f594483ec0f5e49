import type { Transaction } from 'kysely';
import { powers } from '../../shared/catalog';
import type { ServerDb } from '../db/schema';
import { recordPowers } from './history';

/**
 * A new window, or a new item of a department, starts fully delegated: the reform's target is
 * 100 % authorization, and a window without 受理 could not even take the item in. The manager
 * then records the department's written authorization (授权书) where it delegates less. The caller
 * bumps the catalog version, which the powers travel with. The grants are recorded in the powers'
 * history from `at`. Returns the rows granted.
 */
export async function delegateInFull(
  trx: Transaction<ServerDb>,
  scope:
    { windowId: string; departmentCode: string } | { itemCode: string; departmentCode: string },
  at: string,
): Promise<number> {
  const pairs =
    'windowId' in scope
      ? (
          await trx
            .selectFrom('items')
            .select('code')
            .where('department_code', '=', scope.departmentCode)
            .execute()
        ).map((i) => ({ windowId: scope.windowId, itemCode: i.code }))
      : (
          await trx
            .selectFrom('windows')
            .select('id')
            .where('department_code', '=', scope.departmentCode)
            .execute()
        ).map((w) => ({ windowId: w.id, itemCode: scope.itemCode }));
  if (pairs.length === 0) return 0;
  await trx
    .insertInto('window_powers')
    .values(
      pairs.map((p) => ({
        window_id: p.windowId,
        item_code: p.itemCode,
        powers: JSON.stringify(powers),
      })),
    )
    .execute();
  await recordPowers(trx, at, [...new Set(pairs.map((p) => p.windowId))]);
  return pairs.length;
}
