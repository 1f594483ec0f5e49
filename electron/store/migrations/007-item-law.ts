import { withItemLaw } from '../../../shared/catalog';
import type { Migration } from './migration';

export const m007ItemLaw: Migration = {
  version: 7,
  name: 'item law: the catalog items pulled before the catalog carried each item’s law',
  up(db) {
    // The next pull replaces the catalog with the center's; until then the stored items read as
    // the product counted them (shared/catalog/law.ts legacyItemLaw).
    const rows = db.prepare('SELECT code, data FROM items').all() as {
      code: string;
      data: string;
    }[];
    const update = db.prepare('UPDATE items SET data = ? WHERE code = ?');
    for (const row of rows) {
      const data = withItemLaw(row.data);
      if (data !== row.data) update.run(data, row.code);
    }
  },
};
