import { expect, it } from 'vitest';
import { sql } from '../store/db';
import { setSetting } from '../store/reference';
import { syncKeys } from '../store/sync-state';
import { terminalAt } from '../../tests/support/terminal-api';
import { ratingDeviceUrl } from './rating-device';

// Issue 17 part 2: the second display shows this PC's window's rating page at its center.
it('names the rating page of the window the PC is enrolled at, and none before', () => {
  const { t } = terminalAt('2026-03-02T09:00:00+08:00');
  expect(ratingDeviceUrl(t)).toBeNull();
  const window = sql(t.db, 'SELECT id, code FROM windows LIMIT 1').get() as {
    id: string;
    code: string;
  };
  setSetting(t.db, syncKeys.server, 'https://center.example.cn/');
  setSetting(t.db, 'terminal.binding', { windowId: window.id, number: 1 });
  setSetting(t.db, syncKeys.enrolled, true);
  expect(ratingDeviceUrl(t)).toBe(
    `https://center.example.cn/hall/?rate=${encodeURIComponent(window.code)}`,
  );
});
