import { z } from 'zod';
import { roles } from '../../shared/case';
import { route, type RouteSpec } from '../http/spec';
import { login } from './login';
import { loginRequestSchema, loginResponseSchema } from './schemas';
import { endSession } from './sessions';

export const authRoutes: RouteSpec[] = [
  route({
    method: 'POST',
    url: '/api/auth/login',
    summary: '登录 / sign in (5 failures lock the username for 15 minutes)',
    tag: 'auth',
    auth: { kind: 'none' },
    body: loginRequestSchema,
    response: loginResponseSchema,
    handler: async ({ body }, ctx) => ({
      body: await login(ctx.db, body.username, body.password, ctx.now()),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/auth/logout',
    summary: '退出登录 / sign out (ends this session)',
    tag: 'auth',
    auth: { kind: 'staff', roles },
    response: z.object({ ok: z.literal(true) }),
    handler: async ({ staff }, ctx) => {
      if (staff) await endSession(ctx.db, staff.sessionId);
      return { body: { ok: true } };
    },
  }),
];
