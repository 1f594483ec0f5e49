import type { CallOutput, ParsedInput } from '../../shared/api';
import type { DatabaseCallName } from '../../shared/api/database-names';
import { backupTerminal } from '../services/backups';
import type { Terminal } from '../services/context';
import { databaseStatus } from '../services/database';
import { fixedHost, type TerminalHost } from '../services/host';
import type { SessionRecord } from '../services/sessions';
import { integrityReport } from '../store/integrity';
import type { HandlerContext } from './dispatch';
import { ApiFailure } from './errors';

// The database's calls (issue 15 part B). `database.status` and `database.restore` also answer in
// recovery mode, when there is no terminal at all (recovery.ts); the others need one.

type Handler<K extends DatabaseCallName> = (
  input: ParsedInput<K>,
  ctx: HandlerContext & { session: SessionRecord | null },
) => CallOutput<K> | Promise<CallOutput<K>>;

function hostOf(ctx: { terminal: Terminal; host?: TerminalHost }): TerminalHost {
  return ctx.host ?? fixedHost(ctx.terminal);
}

/** A restore while the database works replaces every case at this PC: a manager's decision. */
export async function restoreBackup(
  host: TerminalHost,
  name: string,
): Promise<CallOutput<'database.restore'>> {
  try {
    const done = await host.restore(name);
    return { ...done, status: databaseStatus(host) };
  } catch (error) {
    throw new ApiFailure('conflict', error instanceof Error ? error.message : String(error));
  }
}

export const databaseHandlers: { [K in DatabaseCallName]: Handler<K> } = {
  'database.status': (_input, ctx) => databaseStatus(hostOf(ctx)),
  'database.restore': (input, ctx) => {
    if (ctx.session?.actor.role !== 'manager') {
      throw new ApiFailure('forbidden', '只有管理员可以在运行中恢复备份');
    }
    return restoreBackup(hostOf(ctx), input.name);
  },
  'database.backupNow': async (_input, { terminal }) => {
    if (terminal.damage) {
      throw new ApiFailure('database_damaged', '数据库已损坏：损坏的数据库不能作为备份');
    }
    const { name, size, takenAt } = await backupTerminal(terminal);
    return { name, size, takenAt };
  },
  'database.integrityCheck': (_input, { terminal }) => integrityReport(terminal.db, 'full'),
};
