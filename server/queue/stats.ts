import type { QueueFigures, QueueStats, QueueStatsQuery } from '../../shared/center-api';
import { invalid } from '../admin/access';
import type { ServerContext } from '../http/spec';

// Issue 17, part 1: 排队统计 — the hall's waiting and service times, the KPI its managers are
// judged on. Waiting runs from taking the ticket to its first call (a recall or a transfer does
// not restart it); service from the call at the window that served it to 办结 (time spent waiting
// after a 转窗 is not that window's service). A ticket never called counts as taken only.

type Row = {
  taken_at: string;
  called_at: string | null;
  service_from: string | null;
  finished_at: string | null;
  status: string;
  window_code: string | null;
  window_name: string | null;
};

const seconds = (from: string, to: string) =>
  Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);

function figures(rows: readonly Row[]): QueueFigures {
  const waits = rows.flatMap((r) => (r.called_at ? [seconds(r.taken_at, r.called_at)] : []));
  const services = rows.flatMap((r) =>
    r.status === 'done' && r.finished_at
      ? [seconds(r.service_from ?? r.called_at ?? r.finished_at, r.finished_at)]
      : [],
  );
  const average = (xs: number[]) =>
    xs.length === 0 ? null : Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    taken: rows.length,
    served: rows.filter((r) => r.status === 'done').length,
    noShows: rows.filter((r) => r.status === 'noShow').length,
    averageWait: average(waits),
    longestWait: waits.length === 0 ? null : Math.round(Math.max(...waits)),
    averageService: average(services),
  };
}

function grouped<K>(rows: readonly Row[], key: (r: Row) => K | null): Map<K, Row[]> {
  const groups = new Map<K, Row[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return groups;
}

/** A month of a busy hall is some tens of thousands of tickets: the period is bounded. */
const maxDays = 92;

export async function queueStats(ctx: ServerContext, query: QueueStatsQuery): Promise<QueueStats> {
  if (query.to < query.from) throw invalid('query.to', '结束日期不能早于开始日期');
  const span = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1;
  if (span > maxDays) throw invalid('query.to', `统计期间不超过${maxDays}天`);
  const rows = await ctx.db
    .selectFrom('queue_tickets as t')
    .leftJoin('windows as w', 'w.id', 't.window_id')
    .select([
      't.id',
      't.taken_at',
      't.called_at',
      't.service_from',
      't.finished_at',
      't.status',
      'w.code as window_code',
      'w.name as window_name',
    ])
    .where('t.day', '>=', query.from)
    .where('t.day', '<=', query.to)
    .$if(query.department !== undefined, (q) =>
      q.where('t.department_code', '=', query.department ?? ''),
    )
    .execute();
  const items = await ctx.db
    .selectFrom('queue_ticket_cases as l')
    .innerJoin('queue_tickets as t', 't.id', 'l.ticket_id')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .select(['l.ticket_id', 'c.item_code', 'c.item_name'])
    .where('t.day', '>=', query.from)
    .where('t.day', '<=', query.to)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const itemNames = new Map(items.map((i) => [i.item_code, i.item_name]));
  const itemRows = new Map<string, Row[]>();
  for (const i of items) {
    const row = byId.get(i.ticket_id);
    if (row) itemRows.set(i.item_code, [...(itemRows.get(i.item_code) ?? []), row]);
  }
  // a waiting ticket sent by 转窗 names its target window: it is not that window's yet
  const atWindow = (r: Row) => (r.status === 'waiting' ? null : r.window_code);
  const windowNames = new Map(rows.map((r) => [r.window_code, r.window_name ?? '']));
  return {
    from: query.from,
    to: query.to,
    total: figures(rows),
    windows: [...grouped(rows, atWindow)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, rs]) => ({ code, name: windowNames.get(code) ?? '', ...figures(rs) })),
    items: [...itemRows]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, rs]) => ({ code, name: itemNames.get(code) ?? '', ...figures(rs) })),
    hours: [...grouped(rows, (r) => Number(r.taken_at.slice(11, 13)))]
      .sort(([a], [b]) => a - b)
      .map(([hour, rs]) => ({ hour, ...figures(rs) })),
  };
}
