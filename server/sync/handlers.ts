import { authenticatedDevice } from '../admin/access';
import type { CenterHandlers } from '../http/spec';
import { deviceStatus } from './device-status';
import { enroll } from './enroll';
import { pullEvents } from './pull';
import { pushEvents } from './push';
import { readmit } from './readmit';

// Enrollment, push, pull and device status: shared/sync/wire.ts holds their schemas.
export const syncHandlers = {
  'sync.enroll': async ({ body }, ctx) => ({ body: await enroll(ctx, body) }),
  'sync.device': async ({ device }, ctx) => ({
    body: await deviceStatus(ctx, authenticatedDevice(device)),
  }),
  'sync.push': async ({ body, device }, ctx) => {
    const push = () => pushEvents(ctx, authenticatedDevice(device), body.events);
    return { body: await (ctx.pushes ? ctx.pushes.run(push) : push()) };
  },
  'sync.pull': async ({ body, device, protocol }, ctx) => ({
    body: await pullEvents(ctx, authenticatedDevice(device), body, protocol ?? 0),
  }),
  // part A of issue 15 (recovery)
  'sync.readmit': async ({ body }, ctx) => ({ body: await readmit(ctx, body) }),
} satisfies Partial<CenterHandlers>;
