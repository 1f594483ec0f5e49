import type { CenterHandlers } from '../http/spec';
import { login } from './login';
import { endSession } from './sessions';

export const authHandlers = {
  'auth.login': async ({ body, address }, ctx) => ({
    body: await login(ctx, body.username, body.password, address),
  }),
  'auth.logout': async ({ staff }, ctx) => {
    if (staff) await endSession(ctx.db, staff.sessionId);
    return { body: { ok: true } };
  },
} satisfies Partial<CenterHandlers>;
