import { afterEach, describe, expect, it } from 'vitest';
import { quietTerminal, receive } from '../../tests/support/sync';
import { dispatch } from '../api/dispatch';
import { handlers } from '../api/handlers';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('enrollment', () => {
  it('is refused once the terminal holds events, before asking the center anything', async () => {
    const q = quietTerminal();
    cleanup = q.cleanup;
    await receive(q.t, await q.as('clerk'), 1);
    const deviceBefore = q.t.device.id;
    const token = await q.as('manager');
    // nothing listens there: a refusal that reached the network would say so instead
    const r = await dispatch(
      handlers,
      'sync.enroll',
      { serverUrl: 'http://127.0.0.1:9', code: 'ABCD-1234' },
      { terminal: q.t, session: q.t.sessions.resolve(token), token },
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(!r.ok && r.error.message).toMatch(/已有办件记录/);
    expect(q.t.device.id).toBe(deviceBefore);
    expect(q.t.sync.status()).toMatchObject({ enrolled: false, pending: 1, enrollment: null });
  });

  it('is for managers only', async () => {
    const q = quietTerminal();
    cleanup = q.cleanup;
    const token = await q.as('clerk');
    const r = await dispatch(
      handlers,
      'sync.enroll',
      { serverUrl: 'http://127.0.0.1:9', code: 'ABCD-1234' },
      { terminal: q.t, session: q.t.sessions.resolve(token), token },
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('says the center cannot be reached, and changes nothing', async () => {
    const q = quietTerminal();
    cleanup = q.cleanup;
    const token = await q.as('manager');
    const r = await dispatch(
      handlers,
      'sync.enroll',
      { serverUrl: 'http://127.0.0.1:9', code: 'ABCD-1234' },
      { terminal: q.t, session: q.t.sessions.resolve(token), token },
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable', field: 'serverUrl' } });
    expect(q.t.demoAccounts.length).toBe(5);
    expect(q.t.sync.status().enrolled).toBe(false);
  });
});
