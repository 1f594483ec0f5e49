import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { demoClearWord, type CallOutput, type DemoStatus } from '../../shared/api';
import { ruleMessages, type RuleId } from '../../shared/case';
import { backupSqlite } from '../../node-shared/durability/backups';
import { ApiFailure } from '../api/errors';
import { inTransaction, sql, type Db } from '../store/db';
import { backupsDir, recordStart } from '../store/durability';
import { getSetting, setSetting, type TerminalBinding } from '../store/reference';
import { isEnrolled } from '../store/sync-state';
import type { SessionRecord } from './sessions';
import type { Terminal } from './context';
import { demoWindow } from './demo';

// Part W of issue 16: a PC that practised on the demo is cleared in one confirmed step before it
// enrolls (enrollment refuses a terminal holding events: they are signed by the old key and
// numbered for the demo window). Clearing is a recorded act, never a loss: the whole database is
// backed up first, the act is kept in the settings and the log, and install.json is refreshed so
// the recovery screen does not take the emptied log for a lost one.

/** Kept beside the rolling backups under its own prefix: the daily pruning never removes it. */
export const demoBackupPrefix = 'demo';
const clearedKey = 'demo.cleared';

type Cleared = NonNullable<DemoStatus['lastCleared']>;

/** Why this PC may not be cleared now, or null. Read again inside the clearing's transaction. */
function refusal(t: Terminal): RuleId | null {
  if (isEnrolled(t.db)) return 'demo.enrolled';
  const binding = getSetting<TerminalBinding>(t.db, 'terminal.binding');
  // the demo's window and its accounts file: a PC set up otherwise (demo: false) has no practice
  if (binding?.windowId !== demoWindow.id || !existsSync(join(t.dataDir, 'demo-accounts.json'))) {
    return 'demo.notDemo';
  }
  // A case of another window (a restored backup of a real PC) or an event the center has seen
  // is no practice: it must stay, whatever the manager types.
  const real = sql(
    t.db,
    "SELECT 1 FROM events WHERE window_id <> ? OR sync_state <> 'pending' LIMIT 1",
  ).get(demoWindow.id);
  return real === undefined ? null : 'demo.realCases';
}

function counts(db: Db): { cases: number; events: number; lastSeq: number } {
  return sql(
    db,
    `SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM events) AS events,
            (SELECT coalesce(max(seq), 0) FROM events) AS lastSeq`,
  ).get() as { cases: number; events: number; lastSeq: number };
}

export function demoStatus(t: Terminal): DemoStatus {
  const rule = refusal(t);
  return {
    demo: rule !== 'demo.enrolled' && rule !== 'demo.notDemo',
    cases: counts(t.db).cases,
    refusal: rule ? { rule, message: ruleMessages[rule] } : null,
    lastCleared: getSetting<Cleared>(t.db, clearedKey) ?? null,
  };
}

function refuse(rule: RuleId): never {
  throw new ApiFailure('not_allowed', ruleMessages[rule], { rule });
}

export async function clearDemo(
  t: Terminal,
  session: SessionRecord,
  input: { confirmation: string },
): Promise<CallOutput<'demo.clear'>> {
  if (input.confirmation !== demoClearWord) {
    throw new ApiFailure('invalid_input', ruleMessages['demo.confirmation'], {
      field: 'confirmation',
      rule: 'demo.confirmation',
    });
  }
  const before = refusal(t);
  if (before) refuse(before);
  const seen = counts(t.db);
  const now = new Date();
  // the online backup API copies while the window may still write; what it copied is checked
  // against the log inside the transaction below
  const backup = await backupSqlite(t.db, backupsDir(t.dataDir), demoBackupPrefix, now);
  const cleared = inTransaction(t.db, () => {
    const rule = refusal(t);
    if (rule) refuse(rule);
    const held = counts(t.db);
    // an event written after the copy would be lost without a backup: clear nothing
    if (held.lastSeq !== seen.lastSeq || held.events !== seen.events) {
      refuse('demo.changedMeanwhile');
    }
    t.db.exec(`
      DELETE FROM events;
      DELETE FROM cases;
      DELETE FROM case_serials;
      DELETE FROM case_number_conflicts;
      DELETE FROM supervision_alerts;
      DELETE FROM supervision_complaints;
      DELETE FROM supervision_fetch;
    `);
    // AUTOINCREMENT's memory of the last seq: left, verifyChain would read the emptied log as one
    // cut off at its end (electron/store/events.ts)
    sql(t.db, "DELETE FROM sqlite_sequence WHERE name = 'events'").run();
    const record: Cleared = { at: now.toISOString(), by: session.actor.name, backup: backup.name };
    setSetting(t.db, clearedKey, record);
    return held;
  });
  // install.json's event count says how much there was to lose; the clearing lowered it on purpose
  recordStart(t.dataDir, t.db, t.device.id, now);
  t.log.info(
    { by: session.actor.userId, backup: backup.name, cases: cleared.cases, events: cleared.events },
    'demo data cleared',
  );
  return { backup: backup.name, cases: cleared.cases, events: cleared.events };
}
