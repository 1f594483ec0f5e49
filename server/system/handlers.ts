import { sql } from 'kysely';
import { centerContract, type OpenApiDocument } from '../../shared/center-api';
import { openApiDocument } from '../http/openapi';
import type { CenterHandlers } from '../http/spec';

let document: OpenApiDocument | null = null;

/** Health (for load balancers: it touches the database) and the API's own description. */
export const systemHandlers = {
  'system.health': async (_input, ctx) => {
    await sql`select 1`.execute(ctx.db);
    return { body: { ok: true, dialect: ctx.dialect, db: 'up' } };
  },
  // the contract is fixed at build time, so its description is made once
  'system.openapi': () => Promise.resolve({ body: (document ??= openApiDocument(centerContract)) }),
} satisfies Partial<CenterHandlers>;
