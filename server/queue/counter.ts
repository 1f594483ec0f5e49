import { conflict, notFound } from '../admin/access';
import type { ServerContext } from '../http/spec';
import { windowDisplay } from './board';

/**
 * The number painted over a window's counter (3号窗口), which the hall hears in every call; null:
 * the window is called by its name. Two windows may not share one number.
 */
export async function setCounter(ctx: ServerContext, code: string, counter: number | null) {
  await ctx.db.transaction().execute(async (trx) => {
    const window = await trx
      .selectFrom('windows')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst();
    if (!window) throw notFound('窗口');
    if (counter !== null) {
      const holder = await trx
        .selectFrom('queue_windows')
        .select('window_id')
        .where('counter', '=', counter)
        .where('window_id', '<>', window.id)
        .executeTakeFirst();
      if (holder) throw conflict('body.counter', `${counter}号已是另一个窗口的窗口号`);
    }
    await trx
      .insertInto('queue_windows')
      .values({ window_id: window.id, counter })
      .onConflict((oc) => oc.column('window_id').doUpdateSet({ counter }))
      .execute();
  });
  return windowDisplay(ctx, code);
}

/** Every window's counter number, for the manager's windows tab. */
export async function readCounters(ctx: ServerContext) {
  const rows = await ctx.db
    .selectFrom('queue_windows as q')
    .innerJoin('windows as w', 'w.id', 'q.window_id')
    .select(['w.code', 'q.counter'])
    .where('q.counter', 'is not', null)
    .orderBy('w.code')
    .execute();
  return rows.map((r) => ({ windowCode: r.code, counter: Number(r.counter) }));
}
