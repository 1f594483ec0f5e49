import { authenticatedDevice } from '../admin/access';
import { wantsPage } from '../http/page';
import type { CenterHandlers } from '../http/spec';
import { queueBoard, queueLines, windowDisplay } from './board';
import { readCounters, setCounter } from './counter';
import { followHeaders, followPage } from './follow-page';
import { queueStats } from './stats';
import { publicTicket, readTicket, takeTicket } from './tickets';
import { windowAct, windowQueue } from './window';

/** Issue 17, part 1: the hall's queue — kiosk, big screen, window displays and the windows. */
export const queueHandlers = {
  'queue.lines': async (_input, ctx) => ({ body: await queueLines(ctx) }),
  'queue.take': async ({ body, address }, ctx) => ({
    body: await takeTicket(ctx, body.departmentCode, address),
  }),
  'queue.ticket': async ({ params, accept }, ctx) => {
    const ticket = publicTicket(await readTicket(ctx.db, params.id));
    return wantsPage(accept)
      ? { headers: followHeaders, page: followPage(ticket) }
      : { headers: followHeaders, body: ticket };
  },
  'queue.board': async (_input, ctx) => ({ body: await queueBoard(ctx) }),
  'queue.display': async ({ params }, ctx) => ({ body: await windowDisplay(ctx, params.code) }),
  'queue.window': async ({ device }, ctx) => ({
    body: await windowQueue(ctx, authenticatedDevice(device)),
  }),
  'queue.act': async ({ body, device }, ctx) => ({
    body: await windowAct(ctx, authenticatedDevice(device), body),
  }),
  'queue.setCounter': async ({ params, body }, ctx) => ({
    body: await setCounter(ctx, params.code, body.counter),
  }),
  'queue.counters': async (_input, ctx) => ({ body: await readCounters(ctx) }),
  'reports.queue': async ({ query }, ctx) => ({ body: await queueStats(ctx, query) }),
} satisfies Partial<CenterHandlers>;
