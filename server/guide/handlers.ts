import { answersPage } from '../http/page';
import type { CenterHandlers } from '../http/spec';
import { notFound } from '../admin/access';
import { guideItem, guideList, readGuideCatalog } from './catalog';
import { guideHeaders, guideItemPage, guideListPage, guideNotFoundPage } from './page';

/** Issue 17 part 3: the public 办事指南 — a page for a browser, JSON for a program. */
export const guideHandlers = {
  'guide.list': async ({ query, accept }, ctx) => {
    const list = guideList(await readGuideCatalog(ctx.db), query.q);
    const headers = guideHeaders;
    return answersPage(query.format, accept)
      ? { headers, page: guideListPage(list) }
      : { headers, body: list };
  },
  'guide.item': async ({ params, query, accept }, ctx) => {
    const catalog = await readGuideCatalog(ctx.db);
    const guide = guideItem(catalog, params.code);
    const headers = guideHeaders;
    const page = answersPage(query.format, accept);
    if (guide) return page ? { headers, page: guideItemPage(guide) } : { headers, body: guide };
    if (!page) throw notFound('事项');
    const notFoundPage = guideNotFoundPage(params.code, catalog.centerName, catalog.version);
    return { status: 404, headers, page: notFoundPage };
  },
} satisfies Partial<CenterHandlers>;
