import { readFileSync, statSync } from 'node:fs';
import { arch, release, type } from 'node:os';
import { join } from 'node:path';
import type { DiagnosticsBundle } from '../../shared/api';
import { scrubPersonal } from '../../node-shared/logs/logger';
import type { Terminal } from '../services/context';
import { logFilePaths } from './logs';
import { quickCheck } from './integrity';

// The diagnostics bundle (issue 15 point 5): built from the terminal's own state and its log,
// never from cases. The log lines are the only free text, and the logger already censors and
// scrubs them; they are scrubbed again here in case an older log predates that.

const maxRecentErrors = 50;

export function diagnosticsBundle(t: Terminal): DiagnosticsBundle {
  const status = t.sync.status();
  const schemaVersion = Number(t.db.pragma('user_version', { simple: true }));
  let sizeBytes = 0;
  try {
    sizeBytes = statSync(join(t.dataDir, 'terminal.sqlite')).size;
  } catch {
    // an in-memory or missing file: the size says nothing
  }
  return {
    kind: 'onewindow-diagnostics',
    generatedAt: t.now().toISOString(),
    versions: {
      app: t.appVersion,
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      node: process.versions.node,
      os: `${type()} ${release()} ${arch()}`,
    },
    device: {
      id: t.device.id,
      enrolled: status.enrolled,
      windowId: status.enrollment?.windowId ?? null,
      windowName: status.enrollment?.windowName ?? null,
      terminalNumber: status.enrollment?.terminalNumber ?? null,
    },
    sync: {
      state: status.state,
      serverUrl: status.serverUrl,
      pending: status.pending,
      conflicts: status.conflicts,
      lastSyncAt: status.lastSyncAt,
      lastError: status.lastError === null ? null : scrubPersonal(status.lastError),
      clockOffsetMs: status.clock.offsetMs,
      clockState: status.clock.state,
    },
    database: { schemaVersion, integrity: quickCheck(t.db), sizeBytes },
    recentErrors: recentErrors(logFilePaths(t.dataDir)),
  };
}

type LogLine = { time?: unknown; level?: unknown; msg?: unknown; err?: { message?: unknown } };

const levelNames: Record<number, string> = { 40: 'warn', 50: 'error', 60: 'fatal' };

/** The newest warnings and errors across the log's generations, oldest first. */
export function recentErrors(paths: readonly string[]): DiagnosticsBundle['recentErrors'] {
  const found: DiagnosticsBundle['recentErrors'] = [];
  // paths are newest first; read oldest first so the list ends with the latest
  for (const path of [...paths].reverse()) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    for (const raw of text.split('\n')) {
      if (!raw) continue;
      let line: LogLine;
      try {
        line = JSON.parse(raw) as LogLine;
      } catch {
        continue; // a line cut by a crash
      }
      const level = typeof line.level === 'number' ? levelNames[line.level] : undefined;
      if (!level) continue;
      found.push({
        time: typeof line.time === 'number' ? new Date(line.time).toISOString() : '',
        level,
        message: typeof line.msg === 'string' ? scrubPersonal(line.msg) : '',
        error: typeof line.err?.message === 'string' ? scrubPersonal(line.err.message) : null,
      });
    }
  }
  return found.slice(-maxRecentErrors);
}
