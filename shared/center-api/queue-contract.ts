import { z } from 'zod';
import { anyone, managerOnly, managerOrSupervisor, terminal } from './auth';
import type { CenterContract } from './call';
import {
  queueActionSchema,
  queueBoardSchema,
  queueLinesSchema,
  queueStatsQuerySchema,
  queueStatsSchema,
  takeTicketSchema,
  ticketIdParams,
  publicTicketSchema,
  windowCodeParams,
  windowDisplaySchema,
  windowQueueSchema,
} from './queue-schemas';

// Issue 17, part 1: the calls of the hall's queue, spread into the center's contract. The hall's
// screens (kiosk, big screen, window displays, a phone following its ticket) call without a
// sign-in and see numbers only; the windows act through their terminal's device credentials.

export const queueContract = {
  'queue.lines': {
    method: 'GET',
    path: '/api/hall/lines',
    summary: '取号机：可取号的部门及等候人数 / the kiosk’s lines and how many wait',
    tag: 'queue',
    auth: anyone,
    response: queueLinesSchema,
  },
  'queue.take': {
    method: 'POST',
    path: '/api/hall/tickets',
    summary: '取号 / take a ticket for a department’s line',
    tag: 'queue',
    auth: anyone,
    body: takeTicketSchema,
    response: publicTicketSchema,
    status: 201,
  },
  'queue.ticket': {
    method: 'GET',
    path: '/q/:id',
    summary: '号票进度（扫码）/ where a ticket stands: the page its QR code opens',
    tag: 'queue',
    auth: anyone,
    params: ticketIdParams,
    response: publicTicketSchema,
    page: true,
  },
  'queue.board': {
    method: 'GET',
    path: '/api/hall/board',
    summary: '大厅叫号屏 / the hall’s big screen: latest calls and every window',
    tag: 'queue',
    auth: anyone,
    response: queueBoardSchema,
  },
  'queue.display': {
    method: 'GET',
    path: '/api/hall/windows/:code',
    summary: '窗口屏 / what one window’s own display shows',
    tag: 'queue',
    auth: anyone,
    params: windowCodeParams,
    response: windowDisplaySchema,
  },
  'queue.window': {
    method: 'GET',
    path: '/api/queue/window',
    summary: '本窗口叫号状态 / this window’s queue, for its terminal',
    tag: 'queue',
    auth: terminal,
    protocol: true,
    response: windowQueueSchema,
  },
  'queue.act': {
    method: 'POST',
    path: '/api/queue/window',
    summary: '叫号、重呼、过号、转窗、办结、暂停、恢复 / the window acts on its queue',
    tag: 'queue',
    auth: terminal,
    protocol: true,
    body: queueActionSchema,
    response: windowQueueSchema,
  },
  'queue.setCounter': {
    method: 'PUT',
    path: '/api/queue/windows/:code/counter',
    summary: '设置窗口号（叫号时播报）/ the number over a window’s counter, heard in its calls',
    tag: 'queue',
    auth: managerOnly,
    params: windowCodeParams,
    body: z.strictObject({ counter: z.number().int().min(1).max(999).nullable() }),
    response: windowDisplaySchema,
  },
  'reports.queue': {
    method: 'GET',
    path: '/api/reports/queue',
    summary: '排队统计（等候与办理时长）/ waiting and service times per window, item and hour',
    tag: 'reports',
    auth: managerOrSupervisor,
    query: queueStatsQuerySchema,
    response: queueStatsSchema,
  },
} as const satisfies CenterContract;
