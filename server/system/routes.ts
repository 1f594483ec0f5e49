import { sql } from 'kysely';
import { z } from 'zod';
import { openApiDocument } from '../http/openapi';
import { route, type RouteSpec } from '../http/spec';

const healthSchema = z.object({
  ok: z.literal(true),
  dialect: z.enum(['sqlite', 'postgres']),
  db: z.literal('up'),
});

/** Health (for load balancers: it touches the database) and the API's own description. */
export function systemRoutes(documented: () => readonly RouteSpec[]): RouteSpec[] {
  return [
    route({
      method: 'GET',
      url: '/health',
      summary: '健康检查 / health check (queries the database)',
      tag: 'system',
      auth: { kind: 'none' },
      response: healthSchema,
      handler: async (_input, ctx) => {
        await sql`select 1`.execute(ctx.db);
        return { body: { ok: true, dialect: ctx.dialect, db: 'up' } };
      },
    }),
    route({
      method: 'GET',
      url: '/openapi.json',
      summary: 'OpenAPI 3.1 接口说明 / OpenAPI 3.1 description of this API',
      tag: 'system',
      auth: { kind: 'none' },
      response: z.record(z.string(), z.unknown()),
      handler: () => Promise.resolve({ body: openApiDocument(documented()) }),
    }),
  ];
}
