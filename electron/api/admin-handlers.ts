import type { z } from 'zod';
import type { adminContract } from '../../shared/api/admin-contract';
import type { AdminCallName } from '../../shared/api/admin-names';
import {
  adminRelays,
  itemDeleteRelay,
  type RelayedAdminCall as Relayed,
} from '../../shared/api/admin-relay';
import { atCenter, centerStatus, signIn } from '../services/center-admin';
import type { SessionRecord } from '../services/sessions';
import type { HandlerContext } from './dispatch';

type Spec<K extends AdminCallName> = (typeof adminContract)[K];
type Input<K extends AdminCallName> = z.output<Spec<K>['input']>;
type Output<K extends AdminCallName> = z.output<Spec<K>['output']>;
type Context = HandlerContext & { session: SessionRecord };

type AdminHandlers = {
  [K in AdminCallName]: (input: Input<K>, ctx: Context) => Output<K> | Promise<Output<K>>;
};

function relay<K extends Relayed>(name: K) {
  return (input: Input<K>, { terminal, session }: Context) =>
    atCenter(terminal, session, adminRelays[name](input));
}

// Object.entries forgets which handler belongs to which name; relay(name) is typed per name, so
// the cast only restores what the loop lost.
const relayed = Object.fromEntries(
  (Object.keys(adminRelays) as Relayed[]).map((name) => [name, relay(name)]),
) as { [K in Relayed]: AdminHandlers[K] };

/** The manager's administration calls: spread into the terminal's handler table. */
export const adminHandlers: AdminHandlers = {
  'admin.center.status': (_input, { terminal, session }) => centerStatus(terminal, session),
  'admin.center.signIn': (input, { terminal, session }) =>
    signIn(terminal, session, input.password),
  // the center's `{ ok: true }` says no more than the call's success does
  'admin.items.delete': async ({ code }, { terminal, session }) => {
    await atCenter(terminal, session, itemDeleteRelay(code));
    return {};
  },
  ...relayed,
};
