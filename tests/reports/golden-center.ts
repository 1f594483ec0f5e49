import type { Kysely } from 'kysely';
import type { ServerDb } from '../../server/db/schema';
import { hallStaff, publishItems, seedStaff } from '../../server/sync/test-support';
import { goldenDepartments, goldenItem } from './golden-log';

/**
 * The center's records the golden log is pushed under, after seedHall and the WJ window: the
 * departments' clerks and chiefs the hall does not have yet, and the item versions the golden
 * cases were received under (each fully delegated to its department's windows).
 */
export async function seedGoldenRecords(db: Kysely<ServerDb>): Promise<void> {
  const known = new Set(hallStaff.map((m) => m.userId));
  await seedStaff(
    db,
    goldenDepartments
      .flatMap((d) => [d.clerk, d.chief].map((a) => ({ ...a, windowId: d.windowId })))
      .filter((m) => !known.has(m.userId)),
  );
  await publishItems(db, goldenDepartments.map(goldenItem));
}
