import type { z } from 'zod';
import type { adminContract } from '../../shared/api/admin-contract';
import type { complaintCloseSchema, complaintCreateSchema } from '../../shared/center-api';
import type { ServiceItem } from '../../shared/catalog';
import type { AdminCallName } from '../../shared/api/admin-names';
import { atCenter, centerStatus, relayTo, signIn, type Relay } from '../services/center-admin';
import type { SessionRecord } from '../services/sessions';
import type { HandlerContext } from './dispatch';

type Spec<K extends AdminCallName> = (typeof adminContract)[K];
type Input<K extends AdminCallName> = z.output<Spec<K>['input']>;
type Output<K extends AdminCallName> = z.output<Spec<K>['output']>;
type Context = HandlerContext & { session: SessionRecord };

type AdminHandlers = {
  [K in AdminCallName]: (input: Input<K>, ctx: Context) => Output<K> | Promise<Output<K>>;
};

type Relayed = Exclude<
  AdminCallName,
  'admin.center.status' | 'admin.center.signIn' | 'admin.items.delete'
>;

// Bodies the center validates, as the manager typed them (an item's JSON, a complaint's channel):
// the terminal's inputs only bound their shape and size, and the center's refusal names the field.
type ComplaintCreateSent = z.input<typeof complaintCreateSchema>;
type ComplaintCloseSent = z.input<typeof complaintCloseSchema>;

// Each relayed call is the center call it becomes (shared/center-api), which also parses the
// answer; relayTo checks the request against the call's entry, and the table's type checks that
// the answer is what the terminal's call returns. Field names of the inputs follow the center's,
// so its `body.code` is our `code`.
const requests: { [K in Relayed]: (input: Input<K>) => Relay<Output<K>> } = {
  'admin.departments.list': () => relayTo('departments.list', {}),
  'admin.departments.create': (body) => relayTo('departments.create', { body }),
  'admin.departments.update': ({ code, ...body }) =>
    relayTo('departments.update', { params: { code }, body }),
  'admin.windows.list': () => relayTo('windows.list', {}),
  'admin.windows.create': (body) => relayTo('windows.create', { body }),
  'admin.windows.update': ({ id, ...body }) => relayTo('windows.update', { params: { id }, body }),
  'admin.enrollmentCode.create': ({ windowId }) =>
    relayTo('enrollmentCodes.create', { params: { id: windowId } }, { paramAs: 'windowId' }),
  'admin.staff.list': () => relayTo('staff.list', {}),
  'admin.staff.create': (body) => relayTo('staff.create', { body }),
  'admin.staff.update': ({ id, ...body }) => relayTo('staff.update', { params: { id }, body }),
  'admin.staff.deactivate': ({ id }) => relayTo('staff.deactivate', { params: { id } }),
  'admin.staff.resetPassword': ({ id, password }) =>
    relayTo('staff.resetPassword', { params: { id }, body: { password } }),
  'admin.items.list': () => relayTo('items.list', {}),
  // the item as the manager edited it: the center checks it against the catalog's schema
  'admin.items.create': ({ item }) =>
    relayTo('items.create', { body: item as ServiceItem }, { bodyAt: 'item' }),
  'admin.items.update': ({ code, item }) =>
    relayTo('items.update', { params: { code }, body: item as ServiceItem }, { bodyAt: 'item' }),
  'admin.powers.get': ({ windowId }) =>
    relayTo('powers.get', { params: { id: windowId } }, { paramAs: 'windowId' }),
  'admin.powers.set': ({ windowId, grants }) =>
    relayTo(
      'powers.set',
      { params: { id: windowId }, body: grants },
      { bodyAt: 'grants', paramAs: 'windowId' },
    ),
  'admin.closures.get': () => relayTo('closures.get', {}),
  'admin.closures.set': ({ closures }) =>
    relayTo('closures.set', { body: closures }, { bodyAt: 'closures' }),
  'admin.officialYears.list': () => relayTo('officialYears.list', {}),
  'admin.officialYears.set': (body) => relayTo('officialYears.set', { body }),
  'admin.calendarChanges': () => relayTo('calendar.changes', {}),
  'admin.alerts.list': ({ status }) => relayTo('alerts.list', { query: { status } }),
  'admin.alerts.get': ({ id }) => relayTo('alerts.get', { params: { id } }),
  'admin.alerts.act': ({ id, ...body }) => relayTo('alerts.act', { params: { id }, body }),
  'admin.complaints.list': ({ status }) => relayTo('complaints.list', { query: { status } }),
  'admin.complaints.get': ({ id }) => relayTo('complaints.get', { params: { id } }),
  'admin.complaints.create': (body) =>
    relayTo('complaints.create', { body: body as ComplaintCreateSent }),
  'admin.complaints.close': ({ id, ...body }) =>
    relayTo('complaints.close', { params: { id }, body: body as ComplaintCloseSent }),
  'admin.settings.get': () => relayTo('settings.get', {}),
  'admin.settings.set': (body) => relayTo('settings.set', { body }),
  'admin.devices.list': () => relayTo('devices.list', {}),
  'admin.devices.revoke': ({ id }) => relayTo('devices.revoke', { params: { id } }),
  'admin.reports.dashboard': ({ date }) => relayTo('reports.dashboard', { query: { date } }),
  // part H (issue 15): release management
  'admin.releases.list': () => relayTo('releases.list', {}),
  'admin.releases.publish': (body) => relayTo('releases.publish', { body }),
  'admin.releases.withdraw': ({ version }) => relayTo('releases.withdraw', { params: { version } }),
  // part W of issue 16: 常用语 per department, one kind replaced whole
  'admin.phrases.get': ({ departmentCode }) =>
    relayTo('phrases.get', { params: { code: departmentCode } }, { paramAs: 'departmentCode' }),
  'admin.phrases.set': ({ departmentCode, kind, phrases }) =>
    relayTo(
      'phrases.set',
      { params: { code: departmentCode, kind }, body: phrases },
      { bodyAt: 'phrases', paramAs: 'departmentCode' },
    ),
};

function relay<K extends Relayed>(name: K) {
  return (input: Input<K>, { terminal, session }: Context) =>
    atCenter(terminal, session, requests[name](input));
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
  // the center's `{ ok: true }` says no more than the call's success does
  'admin.items.delete': async ({ code }, { terminal, session }) => {
    await atCenter(terminal, session, relayTo('items.delete', { params: { code } }));
    return {};
  },
  ...relayed,
};
