import { sql } from 'kysely';
import type {
  QueueBoard,
  QueueCall,
  QueueLines,
  WindowDisplay,
  WindowQueueState,
} from '../../shared/center-api';
import { notFound } from '../admin/access';
import type { ServerContext } from '../http/spec';
import { readSettings } from '../admin/settings';
import { queueDay } from './tickets';

// Issue 17, part 1: what the hall's public screens read — the kiosk's lines, the big screen and
// each window's own display. Numbers, windows and departments only: nothing of an applicant.

/** How many calls the big screen lists (the newest is announced). */
const recentCalls = 8;

/** "请A012号到3号窗口办理": the counter's painted number when the manager gave one, else its name. */
export function callText(number: string, window: { name: string; counter: number | null }) {
  const where = window.counter === null ? window.name : `${window.counter}号窗口`;
  return `请${number}号到${where}办理`;
}

export async function queueLines(ctx: ServerContext): Promise<QueueLines> {
  const day = queueDay(ctx.now());
  const rows = await ctx.db
    .selectFrom('departments as d')
    .leftJoin('queue_lines as l', 'l.department_code', 'd.code')
    .select([
      'd.code',
      'd.name',
      'l.prefix',
      (eb) =>
        eb
          .selectFrom('queue_tickets as t')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('t.department_code', '=', 'd.code')
          .where('t.status', '=', 'waiting')
          .where('t.day', '=', day)
          .as('waiting'),
    ])
    .where((eb) =>
      eb.exists(
        eb.selectFrom('windows as w').select('w.id').whereRef('w.department_code', '=', 'd.code'),
      ),
    )
    .orderBy('d.code')
    .execute();
  return {
    centerName: (await readSettings(ctx.db)).centerName,
    lines: rows.map((r) => ({
      departmentCode: r.code,
      departmentName: r.name,
      prefix: r.prefix,
      waiting: Number(r.waiting ?? 0),
    })),
  };
}

type WindowRow = {
  id: string;
  code: string;
  name: string;
  departmentName: string;
  counter: number | null;
  paused: number | null;
  number: string | null;
};

async function windowRows(ctx: ServerContext, code?: string): Promise<WindowRow[]> {
  return ctx.db
    .selectFrom('windows as w')
    .innerJoin('departments as d', 'd.code', 'w.department_code')
    .leftJoin('queue_windows as q', 'q.window_id', 'w.id')
    .leftJoin('queue_tickets as t', (join) =>
      join
        .onRef('t.window_id', '=', 'w.id')
        .on('t.status', '=', 'called')
        .on('t.day', '=', queueDay(ctx.now())),
    )
    .select([
      'w.id',
      'w.code',
      'w.name',
      'd.name as departmentName',
      'q.counter',
      'q.paused',
      't.number',
    ])
    .$if(code !== undefined, (q) => q.where('w.code', '=', code ?? ''))
    .orderBy('w.code')
    .execute();
}

function stateOf(row: WindowRow): WindowQueueState {
  if (row.number !== null) return 'calling';
  return Number(row.paused ?? 0) === 1 ? 'paused' : 'idle';
}

export async function queueBoard(ctx: ServerContext): Promise<QueueBoard> {
  const day = queueDay(ctx.now());
  const windows = await windowRows(ctx);
  const calls = await ctx.db
    .selectFrom('queue_calls as c')
    .innerJoin('queue_tickets as t', 't.id', 'c.ticket_id')
    .innerJoin('windows as w', 'w.id', 'c.window_id')
    .leftJoin('queue_windows as q', 'q.window_id', 'w.id')
    .select([
      'c.seq',
      't.number',
      'w.code',
      'w.name',
      'q.counter',
      'c.kind',
      'c.at',
      't.status',
      't.window_id',
      'c.window_id as call_window',
    ])
    .where('t.day', '=', day)
    .orderBy('c.seq', 'desc')
    .limit(recentCalls)
    .execute();
  const waiting = await ctx.db
    .selectFrom('queue_tickets')
    .select(sql<number>`count(*)`.as('n'))
    .where('status', '=', 'waiting')
    .where('day', '=', day)
    .executeTakeFirstOrThrow();
  return {
    centerName: (await readSettings(ctx.db)).centerName,
    calls: calls.map((c): QueueCall => ({
      seq: Number(c.seq),
      number: c.number,
      windowCode: c.code,
      windowName: c.counter === null ? c.name : `${c.counter}号窗口`,
      text: callText(c.number, c),
      kind: c.kind === 'recall' ? 'recall' : 'call',
      at: c.at,
      current: c.status === 'called' && c.window_id === c.call_window,
    })),
    windows: windows.map((w) => ({
      code: w.code,
      name: w.counter === null ? w.name : `${w.counter}号窗口 ${w.name}`,
      departmentName: w.departmentName,
      state: stateOf(w),
      number: w.number,
    })),
    waiting: Number(waiting.n),
  };
}

export async function windowDisplay(ctx: ServerContext, code: string): Promise<WindowDisplay> {
  const [row] = await windowRows(ctx, code);
  if (!row) throw notFound('窗口');
  const state = stateOf(row);
  const text =
    state === 'calling' && row.number !== null
      ? callText(row.number, row)
      : state === 'paused'
        ? '暂停服务'
        : '欢迎光临';
  return {
    code: row.code,
    name: row.counter === null ? row.name : `${row.counter}号窗口 ${row.name}`,
    departmentName: row.departmentName,
    state,
    number: row.number,
    text,
  };
}
