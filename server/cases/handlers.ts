import type { CenterHandlers } from '../http/spec';
import { caseHistory } from './history';
import { listCases } from './list';
import { listConflicts } from './conflicts';
import { verificationHeaders, verificationPage } from './verify-page';
import { verifyDocument } from './verify';

/** The center's view of the cases its windows sync, and the public check of a printed notice. */
export const caseHandlers = {
  'cases.list': async ({ query }, ctx) => ({ body: await listCases(ctx, query) }),
  'cases.get': async ({ params }, ctx) => ({ body: await caseHistory(ctx, params.id) }),
  'conflicts.list': async ({ query }, ctx) => ({ body: await listConflicts(ctx, query) }),
  'documents.verify': async ({ params, query, accept }, ctx) => {
    const verification = await verifyDocument(ctx, params.code);
    const status = verification.genuine || 'conflicted' in verification ? 200 : 404;
    const page = query.format === 'html' || (query.format !== 'json' && wantsPage(accept));
    const headers = verificationHeaders;
    return page
      ? { status, headers, page: verificationPage(verification) }
      : { status, headers, body: verification };
  },
} satisfies Partial<CenterHandlers>;

/** A browser asks for text/html first; fetch() and curl take anything or ask for JSON. */
export function wantsPage(accept: string | null): boolean {
  if (!accept) return false;
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html >= 0 && (json < 0 || html < json);
}
