import { referenceVersionsSchema } from '../../shared/sync';
import { anyStaff } from '../admin/access';
import { route, type RouteSpec } from '../http/spec';
import { readVersions } from './versions';

export const referenceRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    url: '/api/reference/versions',
    summary: '参考数据版本 / versions of catalog, calendar, staff and settings',
    tag: 'reference',
    auth: anyStaff,
    response: referenceVersionsSchema,
    handler: async (_input, ctx) => ({ body: await readVersions(ctx.db) }),
  }),
];
