import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../shared/api';
import { personApplicant } from '../tests/support/applicants';
import { tempTerminal } from '../tests/support/terminal';
import { handlers } from './api/handlers';
import type { Terminal } from './services/context';
import { maxBodyBytes, startWebServer, type WebServer } from './web';

let terminal: Terminal;
let cleanup: () => void;
let server: WebServer;
let token: string;
let itemCode: string;

async function post(call: string, body: string | object, auth: string | null = token) {
  const res = await fetch(`${server.url}/api/${call}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(auth ? { authorization: `Bearer ${auth}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, result: (await res.json()) as ApiResult<Record<string, unknown>> };
}

function counts() {
  const n = (sql: string) => (terminal.db.prepare(sql).get() as { n: number }).n;
  return {
    events: n('SELECT count(*) n FROM events'),
    cases: n('SELECT count(*) n FROM cases'),
    staff: n('SELECT count(*) n FROM staff'),
  };
}

beforeAll(async () => {
  ({ terminal, cleanup } = tempTerminal());
  server = await startWebServer({ terminal, handlers, staticDir: null, port: 0 });
  const clerk = terminal.demoAccounts.find((a) => a.role === 'clerk')!;
  const login = await post(
    'auth.login',
    { username: clerk.username, password: clerk.password },
    null,
  );
  expect(login.status).toBe(200);
  token = (login.result as { ok: true; value: { token: string } }).value.token;
  itemCode = (
    terminal.db.prepare("SELECT code FROM items WHERE department_code = 'SJ' LIMIT 1").get() as {
      code: string;
    }
  ).code;
});

afterAll(async () => {
  await server.close();
  cleanup();
});

describe('the HTTP bridge refuses bad input clearly and changes nothing', () => {
  it('malformed JSON → 400 invalid_json', async () => {
    const before = counts();
    const { status, result } = await post('cases.receive', '{"itemCode": "SJ-001", applicant:');
    expect(status).toBe(400);
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_json', message: expect.any(String) },
    });
    expect(counts()).toEqual(before);
  });

  it('wrong types → 400 invalid_input naming the field', async () => {
    const before = counts();
    const { status, result } = await post('cases.receive', {
      itemCode: 42,
      applicant: personApplicant(1),
      channel: 'window',
    });
    expect(status).toBe(400);
    expect(!result.ok && result.error).toMatchObject({ code: 'invalid_input', field: 'itemCode' });
    const bad = await post('cases.receive', {
      itemCode,
      applicant: { ...personApplicant(1), idNumber: '110105194912310021' },
      channel: 'window',
    });
    expect(!bad.result.ok && bad.result.error).toMatchObject({
      code: 'invalid_input',
      field: 'applicant.idNumber',
    });
    expect(counts()).toEqual(before);
  });

  it('unknown call → 404 unknown_call', async () => {
    const before = counts();
    const { status, result } = await post('cases.dropTable', {});
    expect(status).toBe(404);
    expect(!result.ok && result.error.code).toBe('unknown_call');
    expect(counts()).toEqual(before);
  });

  it('oversized payload → 413, the body is not parsed', async () => {
    const before = counts();
    const notes = 'x'.repeat(maxBodyBytes + 10);
    const { status, result } = await post('cases.receive', {
      itemCode,
      applicant: personApplicant(2),
      channel: 'window',
      notes,
    });
    expect(status).toBe(413);
    expect(!result.ok && result.error.code).toBe('payload_too_large');
    expect(counts()).toEqual(before);
  });

  it('oversized chunked payload (no Content-Length) → 413 as well', async () => {
    const before = counts();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${server.url}/api/cases.receive`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const chunk = 'x'.repeat(64 * 1024);
      req.write('{"notes":"');
      for (let sent = 0; sent <= maxBodyBytes; sent += chunk.length) req.write(chunk);
      req.end('"}');
    });
    expect(status).toBe(413);
    expect(counts()).toEqual(before);
  });

  it('a request another web page could send (foreign Origin, text/plain) is refused', async () => {
    const before = counts();
    const body = JSON.stringify({ itemCode, applicant: personApplicant(9), channel: 'window' });
    const foreign = await fetch(`${server.url}/api/cases.receive`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'https://evil.example',
        authorization: `Bearer ${token}`,
      },
      body,
    });
    expect(foreign.status).toBe(403);
    const plain = await fetch(`${server.url}/api/cases.receive`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      body,
    });
    expect(plain.status).toBe(415);
    const sameOrigin = await fetch(`${server.url}/api/cases.list`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: server.url,
        authorization: `Bearer ${token}`,
      },
      body: '{}',
    });
    expect(sameOrigin.status).toBe(200);
    expect(counts()).toEqual(before);
  });

  it('SQL metacharacters in names are stored verbatim and break nothing', async () => {
    const name = "Robert'); DROP TABLE cases;--";
    const { status, result } = await post('cases.receive', {
      itemCode,
      applicant: { ...personApplicant(3), name },
      channel: 'window',
      notes: `"; DELETE FROM events; --`,
    });
    expect(status).toBe(200);
    const caseId = (result as { ok: true; value: { caseId: string } }).value.caseId;
    const got = await post('cases.get', { caseId });
    expect(
      (got.result as { ok: true; value: { state: { applicant: { name: string } } } }).value.state
        .applicant.name,
    ).toBe(name);
    expect(terminal.db.prepare('SELECT count(*) n FROM cases').get()).toEqual({ n: 1 });
    expect(terminal.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a forged or missing session token → 401 and nothing is written', async () => {
    const before = counts();
    const forged = await post(
      'cases.receive',
      { itemCode, applicant: personApplicant(4), channel: 'window' },
      'Zm9yZ2VkLXRva2VuLWZvcmdlZC10b2tlbg',
    );
    expect(forged.status).toBe(401);
    expect(!forged.result.ok && forged.result.error.code).toBe('unauthenticated');
    const none = await post('cases.list', {}, null);
    expect(none.status).toBe(401);
    const junk = await fetch(`${server.url}/api/cases.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ../../etc/passwd' },
      body: '{}',
    });
    expect(junk.status).toBe(401);
    expect(counts()).toEqual(before);
  });

  it('a rule violation → 409 not_allowed with the rule, never a stack trace', async () => {
    const received = await post('cases.receive', {
      itemCode,
      applicant: personApplicant(5),
      channel: 'window',
    });
    const caseId = (received.result as { ok: true; value: { caseId: string } }).value.caseId;
    const before = counts();
    const { status, result } = await post('cases.record', {
      caseId,
      type: 'certificateIssued',
      payload: { certificateNumber: 'JY-0001' },
    });
    expect(status).toBe(409);
    expect(!result.ok && result.error).toMatchObject({
      code: 'not_allowed',
      rule: expect.any(String),
    });
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts:\d+/);
    expect(counts()).toEqual(before);
  });

  it('a wrong role → 403 forbidden', async () => {
    const manager = terminal.demoAccounts.find((a) => a.role === 'manager')!;
    const login = await post(
      'auth.login',
      { username: manager.username, password: manager.password },
      null,
    );
    const managerToken = (login.result as { ok: true; value: { token: string } }).value.token;
    const before = counts();
    const { status } = await post(
      'cases.receive',
      { itemCode, applicant: personApplicant(6), channel: 'window' },
      managerToken,
    );
    expect(status).toBe(403);
    expect(counts()).toEqual(before);
  });

  it('locks an account after five wrong passwords, even against the right one', async () => {
    const chief = terminal.demoAccounts.find((a) => a.role === 'chief')!;
    for (let i = 0; i < 5; i++) {
      const wrong = await post(
        'auth.login',
        { username: chief.username, password: `guess-${i}` },
        null,
      );
      expect(wrong.status).toBe(401);
    }
    const right = await post(
      'auth.login',
      { username: chief.username, password: chief.password },
      null,
    );
    expect(right.status).toBe(401);
    expect(!right.result.ok && right.result.error.message).toMatch(/秒后再试/);
  });

  it('answers only for a loopback Host (no DNS rebinding)', async () => {
    // fetch() will not send a foreign Host header; a raw request does, as a rebinding page would
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${server.url}/api/cases.list`,
        { method: 'POST', headers: { host: 'evil.example:4310' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });
});

describe('static files of the web mode', () => {
  it('serves the app, its routes and CSP, and nothing outside its folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onewindow-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>一窗通</title>');
    const web = await startWebServer({ terminal, handlers, staticDir: dir, port: 0 });
    try {
      const index = await fetch(`${web.url}/`);
      expect(index.status).toBe(200);
      expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await index.text()).toContain('一窗通');
      // an app route falls back to index.html
      expect((await fetch(`${web.url}/cases/123`)).status).toBe(200);
      const raw = (path: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = request(`${web.url}${path}`, (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          });
          req.on('error', reject);
          req.end();
        });
      const traversal = await raw('/..%2F..%2F..%2Fetc%2Fpasswd');
      expect(traversal.body).not.toContain('root:');
      expect((await raw('/%E0%A4%A')).status).toBe(400);
    } finally {
      await web.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
