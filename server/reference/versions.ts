import { sql, type Kysely, type Transaction } from 'kysely';
import type { ReferenceKind, ReferenceVersions } from '../../shared/sync';
import type { ServerDb } from '../db/schema';

/**
 * Call inside the transaction of the change: a terminal pulling in between must see either the
 * old data with the old version or the new data with the new one, never a mix it would keep.
 */
export async function bumpVersion(trx: Transaction<ServerDb>, kind: ReferenceKind): Promise<void> {
  await trx
    .updateTable('reference_versions')
    .set({ version: sql<number>`version + 1` })
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
}

export async function readVersions(db: Kysely<ServerDb>): Promise<ReferenceVersions> {
  const rows = await db.selectFrom('reference_versions').select(['kind', 'version']).execute();
  const version = (kind: ReferenceKind) => rows.find((r) => r.kind === kind)?.version ?? 0;
  return {
    catalog: version('catalog'),
    calendar: version('calendar'),
    staff: version('staff'),
    settings: version('settings'),
  };
}
