import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { projectionVersion, type CaseEvent } from '../../shared/case';
import { openTerminal } from '../services/terminal';
import { inTransaction } from '../store/db';
import { appendEvent } from '../store/events';
import { getSetting, setSetting } from '../store/reference';
import { rebuildProjections } from './cases';

it('folds every case again at start when the rows were written by another projection version', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-projection-'));
  const open = () =>
    openTerminal({ dataDir, resourcesDir: resolve('resources'), sync: false, reportCheck: false });
  try {
    let t = open();
    // a department's cases from the reports' golden log
    const log = (
      JSON.parse(readFileSync(resolve('tests/reports/golden-events.json'), 'utf8')) as CaseEvent[]
    ).filter((e) => e.windowId === 'w-sj-1');
    inTransaction(t.db, () => {
      for (const e of log) appendEvent(t.db, t.device, e);
    });
    rebuildProjections(t);
    const rows = () =>
      t.db.prepare('SELECT id, open, due_at, work_clock FROM cases ORDER BY id').all();
    const fresh = rows();
    expect(fresh.length).toBeGreaterThan(0);
    expect(getSetting<number>(t.db, 'projection.version')).toBe(projectionVersion);
    // what an older program left: other summaries, under version 1
    t.db.exec("UPDATE cases SET open = 0, due_at = NULL, work_clock = '{}'");
    setSetting(t.db, 'projection.version', projectionVersion - 1);
    t.close();

    t = open();
    expect(rows()).toEqual(fresh);
    expect(getSetting<number>(t.db, 'projection.version')).toBe(projectionVersion);
    t.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
