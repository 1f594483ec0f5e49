import { expect, it } from 'vitest';
import { z } from 'zod';
import { errorBodySchema, protocolHeader, protocolVersion } from '../shared/sync';
import { centerContract, type CenterContract } from '../shared/center-api';
import { buildApp } from './app';
import { eachDialect } from './db/test-db';
import type { Handlers } from './http/spec';
import { systemHandlers } from './system/handlers';
import { testApp } from './test-app';

// The app's own machinery (validation, auth, protocol, errors) on a contract of probe calls.
const probeContract = {
  'system.health': centerContract['system.health'],
  'probe.echo': {
    method: 'POST',
    path: '/probe/echo',
    summary: 'echo',
    tag: 'probe',
    auth: { kind: 'none' },
    body: z.strictObject({ items: z.array(z.strictObject({ code: z.string().max(3) })) }),
    response: z.strictObject({ items: z.array(z.strictObject({ code: z.string() })) }),
  },
  'probe.sync': {
    method: 'POST',
    path: '/probe/sync',
    summary: 'a sync call',
    tag: 'probe',
    auth: { kind: 'device' },
    protocol: true,
    response: z.strictObject({ device: z.string().optional(), protocol: z.number().nullable() }),
  },
  'probe.boom': {
    method: 'GET',
    path: '/probe/boom',
    summary: 'fails',
    tag: 'probe',
    auth: { kind: 'none' },
    response: z.strictObject({}),
  },
  'probe.drift': {
    method: 'GET',
    path: '/probe/drift',
    summary: 'answers what its contract does not say',
    tag: 'probe',
    auth: { kind: 'none' },
    response: z.strictObject({ count: z.number() }),
  },
} as const satisfies CenterContract;

const probeHandlers: Handlers<typeof probeContract> = {
  'system.health': systemHandlers['system.health'],
  'probe.echo': ({ body }) => Promise.resolve({ body }),
  'probe.sync': ({ device, protocol }) =>
    Promise.resolve({ body: { device: device?.id, protocol } }),
  'probe.boom': () => Promise.reject(new Error('secret detail at /srv/db')),
  // a handler that drifted from its entry at run time (JSON from the database, a cast)
  'probe.drift': () => Promise.resolve({ body: JSON.parse('{"count":"3"}') as { count: number } }),
};

eachDialect('app', (t) => {
  const probeApp = (checkResponses = false) =>
    buildApp({
      db: t().db,
      dialect: t().dialect,
      api: { contract: probeContract, handlers: probeHandlers },
      checkResponses,
    });

  it('fails a test whose route answers outside its contract, naming the call and the field', async () => {
    const checked = await probeApp(true).inject({ method: 'GET', url: '/probe/drift' });
    expect(checked.statusCode).toBe(500);
    expect(errorBodySchema.parse(checked.json()).error.message).toMatch(
      /^probe\.drift answered outside its contract at count: /,
    );
    // production trusts its typed handlers and spends no time on the check
    const unchecked = await probeApp().inject({ method: 'GET', url: '/probe/drift' });
    expect(unchecked.json()).toEqual({ count: '3' });
  });

  it('answers /health after touching the database', async () => {
    const res = await probeApp().inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    // no check ran in an app built without main.ts: integrity is unknown, not damaged
    expect(res.json()).toEqual({ ok: true, dialect: t().dialect, db: 'up', integrity: null });
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await probeApp().inject({ method: 'GET', url: '/nope' });
    expect(res.statusCode).toBe(404);
    expect(errorBodySchema.parse(res.json()).error.code).toBe('not_found');
  });

  it('answers the router’s own refusals in the error shape: a broken escape, an id too long', async () => {
    const app = buildApp({ db: t().db, dialect: t().dialect });
    for (const url of ['/api/items/%ZZ', `/verify/${'x'.repeat(500)}`, '/verify/%E4%B8']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(errorBodySchema.parse(res.json()).error.code, url).toBe('invalid_input');
    }
  });

  it('names the field of invalid input as a dotted path, with a Chinese message that does not repeat it', async () => {
    const res = await probeApp().inject({
      method: 'POST',
      url: '/probe/echo',
      payload: { items: [{ code: 'ok' }, { code: 'toolong' }] },
    });
    expect(res.statusCode).toBe(400);
    const { error } = errorBodySchema.parse(res.json());
    expect(error).toMatchObject({ code: 'invalid_input', field: 'body.items.1.code' });
    expect(error.message).toMatch(/^\p{Script=Han}/u);
    expect(error.message).not.toMatch(/ \/ [A-Za-z]|code/);
  });

  it('refuses malformed JSON with 400 invalid_json and a non-JSON body with 415', async () => {
    const app = probeApp();
    const bad = await app.inject({
      method: 'POST',
      url: '/probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"items": [',
    });
    expect(bad.statusCode).toBe(400);
    expect(errorBodySchema.parse(bad.json()).error.code).toBe('invalid_json');
    const text = await app.inject({
      method: 'POST',
      url: '/probe/echo',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
    expect(errorBodySchema.safeParse(text.json()).success).toBe(true);
  });

  it('answers an unexpected failure with 500 internal and no detail', async () => {
    const res = await probeApp().inject({ method: 'GET', url: '/probe/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: { code: 'internal', message: '服务器内部错误' },
    });
  });

  it('demands the protocol header on sync calls: 400 without, 426 when unsupported', async () => {
    const app = probeApp();
    const { window, device } = testApp(t());
    await device({ id: 'd1', windowId: await window(), token: 'device-secret' });
    const call = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/probe/sync',
        headers: { authorization: 'Bearer device-secret', ...headers },
      });
    const missing = await call({});
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { field: `headers.${protocolHeader}` } });
    const newer = await call({ [protocolHeader]: String(protocolVersion + 1) });
    expect(newer.statusCode).toBe(426);
    expect(newer.json()).toMatchObject({ error: { code: 'protocol_unsupported' } });
    expect(errorBodySchema.parse(newer.json()).error.message).toContain('升级中心');
    const previous = await call({ [protocolHeader]: String(protocolVersion - 1) });
    expect(previous.json()).toEqual({ device: 'd1', protocol: protocolVersion - 1 });
  });

  it('knows devices by token: 401 for an unknown one, 403 device_revoked for a revoked one', async () => {
    const app = probeApp();
    const { window, device } = testApp(t());
    await device({ id: 'd1', windowId: await window(), token: 'revoked-secret', revoked: true });
    const call = (token: string) =>
      app.inject({
        method: 'POST',
        url: '/probe/sync',
        headers: { authorization: `Bearer ${token}`, [protocolHeader]: String(protocolVersion) },
      });
    expect((await call('who-knows')).statusCode).toBe(401);
    const revoked = await call('revoked-secret');
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json()).toMatchObject({ error: { code: 'device_revoked' } });
  });

  it('refuses a 10 MB body with 413 before reading it, storing nothing', async () => {
    const { app, tokenFor, versions } = testApp(t());
    const token = await tokenFor('manager');
    const closure = JSON.stringify({ date: '2026-03-02', reason: '闭馆' });
    const payload = `[${Array.from({ length: (10 * 1024 * 1024) / closure.length }, () => closure).join(',')}]`;
    const res = await app.inject({
      method: 'PUT',
      url: '/api/closures',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await t().db.selectFrom('closures').selectAll().execute()).toEqual([]);
    expect((await versions()).calendar).toBe(1);
  });

  it('describes every route in /openapi.json with its schemas and bearer security', async () => {
    const { app } = testApp(t());
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    const doc = res.json<{
      openapi: string;
      paths: Record<string, Record<string, Record<string, unknown>>>;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    const login = doc.paths['/api/auth/login']?.post;
    expect(login).toMatchObject({
      tags: ['auth'],
      requestBody: {
        content: { 'application/json': { schema: { required: ['username', 'password'] } } },
      },
    });
    expect(login?.security).toBeUndefined();
    const powers = doc.paths['/api/windows/{id}/powers']?.put;
    expect(powers).toMatchObject({
      security: [{ bearer: [] }],
      parameters: [{ name: 'id', in: 'path', required: true }],
    });
    expect(doc.paths['/api/items']?.post?.requestBody).toBeDefined();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/health', '/api/staff/{id}/reset-password', '/api/devices']),
    );
    // every call of the contract, and nothing else
    const described = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const contracted = Object.values(centerContract).map(
      (call) => `${call.method} ${call.path.replace(/:(\w+)/g, '{$1}')}`,
    );
    expect(described.sort()).toEqual(contracted.sort());
    // a reader (a code generator, a validator) loads it whole: every reference resolves in it
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    const unresolved = refs
      .map((r) => r.slice('"$ref":"'.length, -1))
      .filter((ref) => {
        let at: unknown = doc;
        for (const part of ref.replace(/^#\//, '').split('/')) {
          at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
        }
        return !ref.startsWith('#/') || at === undefined;
      });
    expect(unresolved).toEqual([]);
  });
});
