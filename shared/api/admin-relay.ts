import type { z } from 'zod';
import type {
  CallRequest,
  CenterCallName,
  CenterEntry,
  ResponseParsed,
  complaintCloseSchema,
  complaintCreateSchema,
  paperRatingSchema,
} from '../center-api';
import type { ServiceItem } from '../catalog';
import type { adminContract } from './admin-contract';
import type { AdminCallName } from './admin-names';

// Which call of the center's contract each administration call of the renderer's contract is.
// Two places answer these calls: a terminal relays them over HTTP to its center with the
// manager's center session (electron/services/center-admin.ts), and the center's own browser
// console runs them in-process (server/console, part U of issue 16). One table, so the two never
// disagree on what a call means.

type Spec<K extends AdminCallName> = (typeof adminContract)[K];
type Input<K extends AdminCallName> = z.output<Spec<K>['input']>;
type Output<K extends AdminCallName> = z.output<Spec<K>['output']>;

/** Where the call's input put what the center names in its refusals. */
export type RelayFields = {
  /** where the body sits in the call's input ('closures'), for the fields the center names */
  bodyAt?: string;
  /** the input field a path parameter came from, when its name differs ('windowId') */
  paramAs?: string;
};

/**
 * One call of the center's contract as the relay sends it. `answer` is never set: it carries the
 * type the center's response schema parses to, so that a relay whose answer does not fit the
 * renderer's call fails to compile.
 */
export type Relay<O> = RelayFields & { call: CenterCallName; request: unknown; answer?: O };

/** The relay of one center call, its request checked against the call's entry. */
export function relayTo<K extends CenterCallName>(
  call: K,
  sent: CallRequest<CenterEntry<K>>,
  fields: RelayFields = {},
): Relay<ResponseParsed<CenterEntry<K>>> {
  return { call, request: sent, ...fields };
}

/** The center's field ('body.0.date', 'params.id') as the field of the call's input. */
export function inputField(field: string, fields: RelayFields): string {
  const [where, ...rest] = field.split('.');
  if (where === 'params') return fields.paramAs ?? rest.join('.');
  if (where === 'body') return [fields.bodyAt, ...rest].filter(Boolean).join('.');
  return field;
}

/**
 * The calls that are one center call each, answer included. Not here: the terminal's own
 * center sign-in (admin.center.*), and admin.items.delete, whose `{ ok: true }` at the center
 * becomes `{}` (each side says so where it answers it).
 */
export type RelayedAdminCall = Exclude<
  AdminCallName,
  'admin.center.status' | 'admin.center.signIn' | 'admin.items.delete'
>;

// Bodies the center validates, as the manager typed them (an item's JSON, a complaint's channel):
// the renderer's inputs only bound their shape and size, and the center's refusal names the field.
type ComplaintCreateSent = z.input<typeof complaintCreateSchema>;
type ComplaintCloseSent = z.input<typeof complaintCloseSchema>;
type PaperRatingSent = z.input<typeof paperRatingSchema>;

// Each relayed call is the center call it becomes, which also parses the answer; relayTo checks
// the request against the call's entry, and the table's type checks that the answer is what the
// renderer's call returns. Field names of the inputs follow the center's, so its `body.code` is
// our `code`.
export const adminRelays: { [K in RelayedAdminCall]: (input: Input<K>) => Relay<Output<K>> } = {
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
  'admin.cases.history': ({ caseId }) =>
    relayTo('cases.get', { params: { id: caseId } }, { paramAs: 'caseId' }),
  'admin.alerts.act': ({ id, ...body }) => relayTo('alerts.act', { params: { id }, body }),
  'admin.complaints.list': ({ status }) => relayTo('complaints.list', { query: { status } }),
  'admin.complaints.get': ({ id }) => relayTo('complaints.get', { params: { id } }),
  'admin.complaints.create': (body) =>
    relayTo('complaints.create', { body: body as ComplaintCreateSent }),
  'admin.complaints.close': ({ id, ...body }) =>
    relayTo('complaints.close', { params: { id }, body: body as ComplaintCloseSent }),
  'admin.settings.get': () => relayTo('settings.get', {}),
  'admin.settings.set': (body) => relayTo('settings.set', { body }),
  'admin.receiptKey': () => relayTo('center.receiptKey', {}),
  'admin.devices.list': () => relayTo('devices.list', {}),
  'admin.devices.revoke': ({ id }) => relayTo('devices.revoke', { params: { id } }),
  'admin.reports.dashboard': ({ date }) => relayTo('reports.dashboard', { query: { date } }),
  'admin.reports.queue': (query) => relayTo('reports.queue', { query }),
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
  // issue 17 part 4: the SMS outbox and its provider
  'admin.sms.list': ({ status }) => relayTo('sms.messages.list', { query: { status } }),
  'admin.sms.resend': ({ id }) => relayTo('sms.messages.resend', { params: { id } }),
  'admin.sms.settings.get': () => relayTo('sms.settings.get', {}),
  'admin.sms.settings.set': (body) => relayTo('sms.settings.set', { body }),
  // issue 17 part 2: 好差评; the export as JSON only, the page writes its CSV
  'admin.ratings.list': (query) => relayTo('rating.list', { query }),
  'admin.ratings.report': (query) => relayTo('reports.ratings', { query }),
  'admin.ratings.export': (query) =>
    relayTo('rating.export', { query: { ...query, format: 'json' } }),
  'admin.ratings.followUp': ({ id, ...body }) =>
    relayTo('rating.followUp', { params: { id }, body }),
  'admin.ratings.decideAppeal': ({ id, ...body }) =>
    relayTo('rating.decideAppeal', { params: { id }, body }),
  'admin.ratings.paper': (body) => relayTo('rating.paper', { body: body as PaperRatingSent }),
  'admin.ratings.pairingCode': ({ windowCode }) =>
    relayTo('rating.pairingCode', { params: { code: windowCode } }, { paramAs: 'windowCode' }),
  'admin.ratings.settings.get': () => relayTo('rating.settings', {}),
  'admin.ratings.settings.set': (body) => relayTo('rating.setSettings', { body }),
  'admin.ratings.push': () => relayTo('rating.pushStatus', {}),
  // issue 17 part 1: the number over a window's counter
  'admin.windows.counters': () => relayTo('queue.counters', {}),
  'admin.windows.setCounter': ({ windowCode, counter }) =>
    relayTo(
      'queue.setCounter',
      { params: { code: windowCode }, body: { counter } },
      { paramAs: 'windowCode' },
    ),
};

/** admin.items.delete's one center call; its answer (`{ ok: true }`) is the call's `{}`. */
export const itemDeleteRelay = (code: string) => relayTo('items.delete', { params: { code } });

export function isRelayedAdminCall(name: string): name is RelayedAdminCall {
  return Object.hasOwn(adminRelays, name);
}
