import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CenterContract } from '../../shared/center-api';
import { protocolHeader, protocolVersion } from '../../shared/sync';
import { CenterFailure, jsonClient } from './client';

// The one JSON client against a real HTTP server on loopback that answers as a center, a broken
// center or a captive portal would: each failure must come out as its own kind.

const contract = {
  'probe.get': {
    method: 'GET',
    path: '/api/things/:id',
    summary: 'a thing',
    tag: 'probe',
    auth: { kind: 'device' },
    protocol: true,
    params: z.object({ id: z.string() }),
    query: z.object({ status: z.string().optional(), limit: z.number().optional() }),
    response: z.strictObject({ id: z.string() }),
  },
  'probe.post': {
    method: 'POST',
    path: '/api/things',
    summary: 'make a thing',
    tag: 'probe',
    auth: { kind: 'none' },
    body: z.object({ name: z.string() }),
    response: z.strictObject({ id: z.string() }),
  },
} as const satisfies CenterContract;

type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };
type Answer = (seen: Seen, res: ServerResponse) => void;

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function center(answer: Answer): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const s = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(s);
      answer(s, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/center/`, seen };
}

const json =
  (status: number, body: unknown): Answer =>
  (_seen, res) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

const client = (baseUrl: string, extra: { timeoutMs?: number; signal?: AbortSignal } = {}) =>
  jsonClient(contract, { baseUrl, token: 'device-secret', timeoutMs: 5_000, ...extra });

async function failureOf(promise: Promise<unknown>): Promise<CenterFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof CenterFailure))
    throw new Error(`expected a CenterFailure, got ${String(error)}`);
  return error;
}

describe('the JSON client of the center', () => {
  it('builds the request from the entry: base path kept, segment encoded, query, token, protocol', async () => {
    const c = await center(json(200, { id: '../x' }));
    const answer = await client(c.url).call('probe.get', {
      params: { id: '../../staff' },
      query: { status: 'open', limit: 5 },
    });
    expect(answer).toEqual({ id: '../x' });
    const [seen] = c.seen;
    expect(seen?.method).toBe('GET');
    // `../` stays inside its segment: it cannot walk to another route of the center
    expect(seen?.url).toBe('/center/api/things/..%2F..%2Fstaff?status=open&limit=5');
    expect(seen?.headers.authorization).toBe('Bearer device-secret');
    expect(seen?.headers[protocolHeader]).toBe(String(protocolVersion));
  });

  it('sends a JSON body, and no protocol header where the entry has none', async () => {
    const c = await center(json(201, { id: 't1' }));
    await client(c.url).call('probe.post', { body: { name: '甲' } });
    expect(c.seen[0]?.body).toBe(JSON.stringify({ name: '甲' }));
    expect(c.seen[0]?.headers['content-type']).toBe('application/json');
    expect(c.seen[0]?.headers[protocolHeader]).toBeUndefined();
  });

  it('reports a refusal as http with the center’s error body', async () => {
    const c = await center(
      json(409, { error: { code: 'conflict', message: '名称已存在', field: 'body.name' } }),
    );
    const failure = await failureOf(client(c.url).call('probe.post', { body: { name: 'x' } }));
    expect(failure).toMatchObject({ kind: 'http', status: 409, message: '名称已存在' });
    expect(failure.body).toMatchObject({ code: 'conflict', field: 'body.name' });
  });

  it('reports a 5xx as unavailable, with or without an error body', async () => {
    const c = await center((_seen, res) => res.writeHead(502).end('<html>Bad Gateway</html>'));
    const failure = await failureOf(client(c.url).call('probe.post', { body: { name: 'x' } }));
    expect(failure).toMatchObject({ kind: 'unavailable', status: 502 });
    expect(failure.message).toBe('中心返回错误 HTTP 502');
  });

  it('reports an answer outside the response schema as malformed', async () => {
    const c = await center((_seen, res) => res.writeHead(200).end('<html>请先登录酒店网络</html>'));
    const failure = await failureOf(client(c.url).call('probe.post', { body: { name: 'x' } }));
    expect(failure).toMatchObject({ kind: 'malformed', status: 200 });
    expect(failure.message).toContain('POST /api/things');
  });

  it('reports no answer, a timeout and the caller’s abort as network', async () => {
    const closed = await center(json(200, { id: 'x' }));
    const url = closed.url;
    for (const server of servers.splice(0)) await new Promise((r) => server.close(r));
    const down = await failureOf(client(url).call('probe.post', { body: { name: 'x' } }));
    expect(down.kind).toBe('network');
    expect(down.message).toMatch(
      /^无法连接中心（http:\/\/127\.0\.0\.1:\d+）：连接被拒绝 \(ECONNREFUSED\)$/,
    );

    // a center that accepts the request and never answers
    const hung = await center(() => {});
    const slow = await failureOf(
      client(hung.url, { timeoutMs: 200 }).call('probe.post', { body: { name: 'x' } }),
    );
    expect(slow).toMatchObject({ kind: 'network' });
    expect(slow.message).toContain('0.2 秒内无应答');
    // a write that timed out may have been done: the person must check before doing it again
    expect(slow.message).toContain('可能已在中心完成');

    const abort = new AbortController();
    const pending = client(hung.url, { signal: abort.signal }).call('probe.post', {
      body: { name: 'x' },
    });
    abort.abort();
    expect(await failureOf(pending)).toMatchObject({ kind: 'network' });
  });
});
