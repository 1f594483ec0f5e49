import type { DatabaseStatus } from '../../shared/api';
import { backupsDir, databaseFile } from '../store/durability';
import { terminalBackups } from './backups';
import type { TerminalHost } from './host';

/** The database's state for the recovery screen, the read-only banner and the settings page. */
export function databaseStatus(host: TerminalHost): DatabaseStatus {
  const terminal = host.terminal();
  const problem = host.problem();
  const backups = terminalBackups(host).map(({ name, size, takenAt }) => ({ name, size, takenAt }));
  const base = {
    file: databaseFile(host.dataDir),
    backupsDir: backupsDir(host.dataDir),
    backups,
  };
  if (!terminal) {
    return {
      ...base,
      state: 'lost',
      explanation: problem?.explanation ?? '数据库不可用',
      damage: [],
      firstStartedAt: problem?.firstStartedAt ?? null,
      deviceId: problem?.deviceId ?? null,
    };
  }
  return {
    ...base,
    state: terminal.damage ? 'readOnly' : 'ok',
    explanation: terminal.damage ? '数据库已损坏，只读：可以查阅办件，不能保存' : null,
    damage: [...(terminal.damage ?? [])],
    firstStartedAt: null,
    deviceId: terminal.device.id,
  };
}
