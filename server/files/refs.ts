import type { Kysely } from 'kysely';
import { payloadSchemas } from '../../shared/case';
import type { ServerDb } from '../db/schema';

// Issue 18: which department's case names which file, recorded with the events that attach
// them (in the push's transaction), so `files.get` answers a terminal by one indexed lookup.

type EventRow = { type: string; case_id: string; department_code: string; payload: string };

export async function recordFileRefs(
  trx: Kysely<ServerDb>,
  rows: readonly EventRow[],
): Promise<void> {
  const refs = new Map<string, { sha256: string; case_id: string; department_code: string }>();
  for (const row of rows) {
    if (row.type !== 'materialsAttached') continue;
    const payload = payloadSchemas.materialsAttached.safeParse(JSON.parse(row.payload));
    if (!payload.success) continue;
    for (const m of payload.data.materials) {
      for (const f of m.files) {
        refs.set(`${f.sha256}/${row.case_id}`, {
          sha256: f.sha256,
          case_id: row.case_id,
          department_code: row.department_code,
        });
      }
    }
  }
  if (refs.size === 0) return;
  await trx
    .insertInto('file_refs')
    .values([...refs.values()])
    .onConflict((oc) => oc.columns(['sha256', 'case_id']).doNothing())
    .execute();
}
