import { resolve } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { legacyStored } from '../../shared/catalog/catalog.fixture';
import { getItem, listItems } from '../store/reference';
import { sql } from '../store/db';
import { tempTerminal } from '../../tests/support/terminal';
import { openTerminal } from './terminal';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

it('a demo PC updated past the catalog’s law takes the shipped law of its items at start', () => {
  const { terminal, cleanup } = tempTerminal();
  cleanups.push(cleanup);
  const shipped = getItem(terminal.db, 'MZ-001')!;
  expect(shipped.statutoryUnit).toBe('calendarDays');
  // what migration 007 leaves of the demo catalog a PC seeded before the law was in it
  const update = sql(terminal.db, 'UPDATE items SET data = ? WHERE code = ?');
  for (const item of listItems(terminal.db)) {
    update.run(legacyStored(item), item.code);
  }
  const dataDir = terminal.dataDir;
  terminal.close();
  const reopened = openTerminal({ dataDir, resourcesDir: resolve('resources') });
  cleanups.unshift(() => reopened.close());
  expect(getItem(reopened.db, 'MZ-001')).toEqual(shipped);
  expect(getItem(reopened.db, 'SJ-002')!.extensionBasis).toBe(
    '《食品经营许可和备案管理办法》第二十二条',
  );
});
