import { z } from 'zod';
import { managerOrSupervisor } from '../admin/access';
import { route, type RouteSpec } from '../http/spec';
import { caseHistory } from './history';
import { caseListQuerySchema, listCases } from './list';
import { conflictListQuerySchema, listConflicts } from './conflicts';
import { verificationPage } from './verify-page';
import { verifyDocument, verifyParamsSchema, verifyQuerySchema } from './verify';

// Loose on purpose: these answers are read by the center's own pages, and the OpenAPI document
// only has to say they are JSON objects; the types in list.ts, history.ts, conflicts.ts are exact.
const object = z.record(z.string(), z.unknown());

/** The center's view of the cases its windows sync, and the public check of a printed notice. */
export const caseRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    url: '/api/cases',
    summary: '全中心办件列表（含预警等级）/ the center’s cases with their clock level',
    tag: 'cases',
    auth: managerOrSupervisor,
    query: caseListQuerySchema,
    response: object,
    handler: async ({ query }, ctx) => ({ body: await listCases(ctx, query) }),
  }),
  route({
    method: 'GET',
    url: '/api/cases/:id',
    summary: '办件及其全部事件 / a case with every event the center holds',
    tag: 'cases',
    auth: managerOrSupervisor,
    params: z.object({ id: z.string().min(1) }),
    response: object,
    handler: async ({ params }, ctx) => ({ body: await caseHistory(ctx, params.id) }),
  }),
  route({
    method: 'GET',
    url: '/api/conflicts',
    summary: '冲突事件（督查）/ conflicted events, for the supervisor',
    tag: 'cases',
    auth: managerOrSupervisor,
    query: conflictListQuerySchema,
    response: object,
    handler: async ({ query }, ctx) => ({ body: await listConflicts(ctx, query) }),
  }),
  route({
    method: 'GET',
    url: '/verify/:code',
    summary: '核验纸质文书（扫码）/ check a printed notice by its code',
    tag: 'cases',
    auth: { kind: 'none' },
    params: verifyParamsSchema,
    query: verifyQuerySchema,
    response: object,
    handler: async ({ params, query, accept }, ctx) => {
      const verification = await verifyDocument(ctx, params.code);
      const status = verification.genuine || 'conflicted' in verification ? 200 : 404;
      const page = query.format === 'html' || (query.format !== 'json' && wantsPage(accept));
      return page
        ? { status, body: verificationPage(verification), contentType: 'text/html; charset=utf-8' }
        : { status, body: verification };
    },
  }),
];

/** A browser asks for text/html first; fetch() and curl take anything or ask for JSON. */
function wantsPage(accept: string | null): boolean {
  if (!accept) return false;
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html >= 0 && (json < 0 || html < json);
}
