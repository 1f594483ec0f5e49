import {
  deviceStatusResponseSchema,
  enrollRequestSchema,
  enrollResponseSchema,
  pullRequestSchema,
  pullResponseSchema,
  pushLimits,
  pushRequestSchema,
  pushResponseSchema,
  syncPaths,
} from '../../shared/sync';
import { route, type AuthDevice, type RouteSpec } from '../http/spec';
import { deviceStatus } from './device-status';
import { enroll } from './enroll';
import { pullEvents } from './pull';
import { pushEvents } from './push';

/** The app resolves device auth before the handler; a route reached without it is miswired. */
function authenticated(device: AuthDevice | null): AuthDevice {
  if (!device) throw new Error('device route reached without an authenticated device');
  return device;
}

// Enrollment, push, pull and device status: shared/sync/wire.ts is the contract.
export const syncRoutes: RouteSpec[] = [
  route({
    method: 'POST',
    url: syncPaths.enroll,
    summary: '终端以一次性注册码登记公钥 / enroll a terminal with a one-time code',
    tag: 'sync',
    auth: { kind: 'none' },
    protocol: true,
    body: enrollRequestSchema,
    response: enrollResponseSchema,
    handler: async ({ body }, ctx) => ({ status: 201, body: await enroll(ctx, body) }),
  }),
  route({
    method: 'GET',
    url: syncPaths.device,
    summary: '中心所存本设备的链尾 / what the center holds of this device',
    tag: 'sync',
    auth: { kind: 'device' },
    protocol: true,
    response: deviceStatusResponseSchema,
    handler: async ({ device }, ctx) => ({ body: await deviceStatus(ctx, authenticated(device)) }),
  }),
  route({
    method: 'POST',
    url: syncPaths.push,
    summary: '按设备序号推送已签名事件 / push signed events in device order',
    tag: 'sync',
    auth: { kind: 'device' },
    protocol: true,
    body: pushRequestSchema,
    // the batch limit plus room for the JSON around it
    bodyLimit: pushLimits.bytes + 64 * 1024,
    response: pushResponseSchema,
    handler: async ({ body, device }, ctx) => ({
      body: await pushEvents(ctx, authenticated(device), body.events),
    }),
  }),
  route({
    method: 'POST',
    url: syncPaths.pull,
    summary: '拉取本部门事件与参考数据 / pull the department’s events and reference data',
    tag: 'sync',
    auth: { kind: 'device' },
    protocol: true,
    body: pullRequestSchema,
    response: pullResponseSchema,
    handler: async ({ body, device }, ctx) => ({
      body: await pullEvents(ctx, authenticated(device), body),
    }),
  }),
];
