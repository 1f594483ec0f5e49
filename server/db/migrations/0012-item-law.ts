import type { Kysely, Migration } from 'kysely';
import { withItemLaw } from '../../../shared/catalog';

// The catalog now carries each item's law (unit, articles, approver, publication, validity,
// sample form, quantity: issue 14). Items and item versions stored before it are given the
// legacy reading, which is what the product counted with then: a PC's receipt under such a
// version still matches it, and the manager corrects the items whose law says otherwise.
export function itemLaw(): Migration {
  return {
    async up(untyped: Kysely<unknown>) {
      const db = untyped as Kysely<{
        items: { code: string; data: string };
        item_versions: { item_code: string; seq: number; data: string };
      }>;
      for (const row of await db.selectFrom('items').select(['code', 'data']).execute()) {
        const data = withItemLaw(row.data);
        if (data !== row.data)
          await db.updateTable('items').set({ data }).where('code', '=', row.code).execute();
      }
      const versions = await db
        .selectFrom('item_versions')
        .select(['item_code', 'seq', 'data'])
        .execute();
      for (const row of versions) {
        const data = withItemLaw(row.data);
        if (data === row.data) continue;
        await db
          .updateTable('item_versions')
          .set({ data })
          .where('item_code', '=', row.item_code)
          .where('seq', '=', row.seq)
          .execute();
      }
    },
  };
}
