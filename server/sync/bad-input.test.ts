import { expect, it } from 'vitest';
import { syncPaths } from '../../shared/center-api';
import { protocolHeader, protocolVersion } from '../../shared/sync';
import { eachDialect } from '../db/test-db';
import { count, reviewedCase, seedHall, syncHarness } from './test-support';

// What a broken or hostile client may send to the push route: each gets a clear 4xx, and the
// center's log is exactly as it was.

eachDialect('sync: bad input on push', (t) => {
  const setup = async () => {
    await seedHall(t().db);
    const h = syncHarness(t());
    return { h, device: await h.enroll('w-sj-1') };
  };
  const raw = (
    h: Awaited<ReturnType<typeof setup>>['h'],
    token: string,
    payload: string,
    contentType = 'application/json',
  ) =>
    h.app.inject({
      method: 'POST',
      url: syncPaths.push,
      headers: {
        authorization: `Bearer ${token}`,
        [protocolHeader]: String(protocolVersion),
        'content-type': contentType,
      },
      payload,
    });

  it('malformed JSON, wrong types, an empty batch and a 10 MB body: 4xx, nothing stored', async () => {
    const { h, device } = await setup();
    const [event] = device.sign(reviewedCase().events.slice(0, 1));

    const malformed = await raw(h, device.token, '{"events": [');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'invalid_json' } });

    const wrongType = await raw(
      h,
      device.token,
      JSON.stringify({ events: [{ ...event, deviceSeq: 'one' }] }),
    );
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json()).toMatchObject({
      error: { code: 'invalid_input', field: 'body.events.0.deviceSeq' },
    });

    const empty = await raw(h, device.token, JSON.stringify({ events: [] }));
    expect(empty.statusCode).toBe(400);

    const huge = await raw(
      h,
      device.token,
      JSON.stringify({
        events: [{ ...event, payload: { padding: 'x'.repeat(10 * 1024 * 1024) } }],
      }),
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });

    const notJson = await raw(h, device.token, 'events=1', 'text/plain');
    expect(notJson.statusCode).toBe(415);

    expect(await count(t().db, 'events')).toBe(0);
    expect(await count(t().db, 'cases')).toBe(0);
    // and the same event, sent properly, is taken: the refusals left no trace in the chain
    const ok = await device.pushOk([event!]);
    expect(ok.lastSeq).toBe(1);
  });

  it('an unsigned event, and one signed by another key: 400, nothing stored', async () => {
    const { h, device } = await setup();
    const other = await h.enroll('w-sj-2');
    const [event] = device.sign(reviewedCase().events.slice(0, 1));
    const unsigned = await device.push([{ ...event!, signature: '' }]);
    expect(unsigned.statusCode).toBe(400);
    const [foreign] = other.sign(reviewedCase().events.slice(0, 1));
    const stolen = await device.push([{ ...event!, signature: foreign!.signature }]);
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json()).toMatchObject({
      error: { code: 'bad_signature', event: { deviceSeq: 1 } },
    });
    expect(await count(t().db, 'events')).toBe(0);
  });
});
