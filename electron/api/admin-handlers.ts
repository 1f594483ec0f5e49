import type { z } from 'zod';
import { adminContract } from '../../shared/api/admin-contract';
import type { AdminCallName } from '../../shared/api/admin-names';
import {
  atCenter,
  centerStatus,
  segment,
  signIn,
  type CenterRequest,
} from '../services/center-admin';
import type { SessionRecord } from '../services/sessions';
import type { HandlerContext } from './dispatch';

type Spec<K extends AdminCallName> = (typeof adminContract)[K];
type Input<K extends AdminCallName> = z.output<Spec<K>['input']>;
type Output<K extends AdminCallName> = z.output<Spec<K>['output']>;
type Context = HandlerContext & { session: SessionRecord };

type AdminHandlers = {
  [K in AdminCallName]: (input: Input<K>, ctx: Context) => Output<K> | Promise<Output<K>>;
};

type Relayed = Exclude<AdminCallName, 'admin.center.status' | 'admin.center.signIn'>;

// Each relayed call is the center request it becomes; the answer is checked with the call's
// output schema. Field names of the inputs follow the center's, so its `body.code` is our `code`.
const requests: { [K in Relayed]: (input: Input<K>) => CenterRequest } = {
  'admin.departments.list': () => ({ method: 'GET', path: '/api/departments' }),
  'admin.departments.create': (body) => ({ method: 'POST', path: '/api/departments', body }),
  'admin.departments.update': ({ code, name }) => ({
    method: 'PUT',
    path: `/api/departments/${segment(code)}`,
    body: { name },
    paramAs: 'code',
  }),
  'admin.windows.list': () => ({ method: 'GET', path: '/api/windows' }),
  'admin.windows.create': (body) => ({ method: 'POST', path: '/api/windows', body }),
  'admin.windows.update': ({ id, ...body }) => ({
    method: 'PUT',
    path: `/api/windows/${segment(id)}`,
    body,
    paramAs: 'id',
  }),
  'admin.enrollmentCode.create': ({ windowId }) => ({
    method: 'POST',
    path: `/api/windows/${segment(windowId)}/enrollment-codes`,
    paramAs: 'windowId',
  }),
  'admin.staff.list': () => ({ method: 'GET', path: '/api/staff' }),
  'admin.staff.create': (body) => ({ method: 'POST', path: '/api/staff', body }),
  'admin.staff.update': ({ id, ...body }) => ({
    method: 'PUT',
    path: `/api/staff/${segment(id)}`,
    body,
    paramAs: 'id',
  }),
  'admin.staff.deactivate': ({ id }) => ({
    method: 'POST',
    path: `/api/staff/${segment(id)}/deactivate`,
    paramAs: 'id',
  }),
  'admin.staff.resetPassword': ({ id, password }) => ({
    method: 'POST',
    path: `/api/staff/${segment(id)}/reset-password`,
    body: { password },
    paramAs: 'id',
  }),
  'admin.items.list': () => ({ method: 'GET', path: '/api/items' }),
  'admin.items.create': ({ item }) => ({
    method: 'POST',
    path: '/api/items',
    body: item,
    bodyAt: 'item',
  }),
  'admin.items.update': ({ code, item }) => ({
    method: 'PUT',
    path: `/api/items/${segment(code)}`,
    body: item,
    bodyAt: 'item',
    paramAs: 'code',
  }),
  'admin.items.delete': ({ code }) => ({
    method: 'DELETE',
    path: `/api/items/${segment(code)}`,
    paramAs: 'code',
  }),
  'admin.powers.get': ({ windowId }) => ({
    method: 'GET',
    path: `/api/windows/${segment(windowId)}/powers`,
    paramAs: 'windowId',
  }),
  'admin.powers.set': ({ windowId, grants }) => ({
    method: 'PUT',
    path: `/api/windows/${segment(windowId)}/powers`,
    body: grants,
    bodyAt: 'grants',
    paramAs: 'windowId',
  }),
  'admin.closures.get': () => ({ method: 'GET', path: '/api/closures' }),
  'admin.closures.set': ({ closures }) => ({
    method: 'PUT',
    path: '/api/closures',
    body: closures,
    bodyAt: 'closures',
  }),
  'admin.alerts.list': ({ status }) => ({
    method: 'GET',
    path: `/api/alerts${status ? `?status=${segment(status)}` : ''}`,
  }),
  'admin.alerts.get': ({ id }) => ({
    method: 'GET',
    path: `/api/alerts/${segment(id)}`,
    paramAs: 'id',
  }),
  'admin.alerts.act': ({ id, ...body }) => ({
    method: 'POST',
    path: `/api/alerts/${segment(id)}/actions`,
    body,
    paramAs: 'id',
  }),
  'admin.complaints.list': ({ status }) => ({
    method: 'GET',
    path: `/api/complaints${status ? `?status=${segment(status)}` : ''}`,
  }),
  'admin.complaints.get': ({ id }) => ({
    method: 'GET',
    path: `/api/complaints/${segment(id)}`,
    paramAs: 'id',
  }),
  'admin.complaints.create': (body) => ({ method: 'POST', path: '/api/complaints', body }),
  'admin.complaints.close': ({ id, ...body }) => ({
    method: 'POST',
    path: `/api/complaints/${segment(id)}/close`,
    body,
    paramAs: 'id',
  }),
  'admin.settings.get': () => ({ method: 'GET', path: '/api/settings' }),
  'admin.settings.set': (body) => ({ method: 'PUT', path: '/api/settings', body }),
  'admin.devices.list': () => ({ method: 'GET', path: '/api/devices' }),
  'admin.devices.revoke': ({ id }) => ({
    method: 'POST',
    path: `/api/devices/${segment(id)}/revoke`,
    paramAs: 'id',
  }),
  'admin.reports.dashboard': ({ date }) => ({
    method: 'GET',
    path: `/api/reports/dashboard${date ? `?date=${segment(date)}` : ''}`,
  }),
};

function relay<K extends Relayed>(name: K) {
  // zod's types do not follow a generic key through the contract; per name they are the same
  const schema = adminContract[name].output as unknown as z.ZodType<Output<K>>;
  return (input: Input<K>, { terminal, session }: Context) =>
    atCenter(terminal, session, requests[name](input), schema);
}

// Object.entries forgets which handler belongs to which name; relay(name) is typed per name, so
// the cast only restores what the loop lost.
const relayed = Object.fromEntries(
  (Object.keys(requests) as Relayed[]).map((name) => [name, relay(name)]),
) as { [K in Relayed]: AdminHandlers[K] };

/** The manager's administration calls: spread into the terminal's handler table. */
export const adminHandlers: AdminHandlers = {
  'admin.center.status': (_input, { terminal, session }) => centerStatus(terminal, session),
  'admin.center.signIn': (input, { terminal, session }) =>
    signIn(terminal, session, input.password),
  ...relayed,
};
