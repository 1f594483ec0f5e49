import { answersPage } from '../http/page';
import type { CenterHandlers } from '../http/spec';
import { caseHistory } from './history';
import { listCases } from './list';
import { listConflicts } from './conflicts';
import { verificationHeaders, verificationPage } from './verify-page';
import { shownToThePublic, verifyDocument } from './verify';

/** The center's view of the cases its windows sync, and the public check of a printed notice. */
export const caseHandlers = {
  'cases.list': async ({ query }, ctx) => ({ body: await listCases(ctx, query) }),
  'cases.get': async ({ params }, ctx) => ({ body: await caseHistory(ctx, params.id) }),
  'conflicts.list': async ({ query }, ctx) => ({ body: await listConflicts(ctx, query) }),
  'documents.verify': async ({ params, query, accept }, ctx) => {
    const verification = shownToThePublic(await verifyDocument(ctx, params.code));
    const status = verification.genuine || 'conflicted' in verification ? 200 : 404;
    const page = answersPage(query.format, accept);
    const headers = verificationHeaders;
    return page
      ? { status, headers, page: verificationPage(verification) }
      : { status, headers, body: verification };
  },
} satisfies Partial<CenterHandlers>;
