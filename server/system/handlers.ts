import { sql } from 'kysely';
import { centerContract, type OpenApiDocument } from '../../shared/center-api';
import { openApiDocument } from '../http/openapi';
import { integrityReport, lastIntegrity, rememberIntegrity } from '../db/integrity';
import type { CenterHandlers } from '../http/spec';

let document: OpenApiDocument | null = null;

/** Health (for load balancers: it touches the database) and the API's own description. */
export const systemHandlers = {
  'system.health': async (_input, ctx) => {
    await sql`select 1`.execute(ctx.db);
    const integrity = lastIntegrity(ctx.db);
    const intact = integrity?.ok ?? true;
    return {
      body: { ok: intact, dialect: ctx.dialect, db: intact ? 'up' : 'damaged', integrity },
    };
  },
  // part B of issue 15: what /health reports from now on is this check's answer
  'system.integrityCheck': async (_input, ctx) => {
    const report = await integrityReport(ctx.db, ctx.dialect, 'full', new Date());
    rememberIntegrity(ctx.db, report);
    return { body: report };
  },
  // the contract is fixed at build time, so its description is made once
  'system.openapi': () => Promise.resolve({ body: (document ??= openApiDocument(centerContract)) }),
} satisfies Partial<CenterHandlers>;
