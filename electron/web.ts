import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { errorStatus, type ApiErrorCode, type ApiResult, type StatusOf } from '../shared/api';
import { dispatch, type Handlers } from './api/dispatch';
import { dispatchRecovery } from './api/recovery';
import type { Terminal } from './services/context';
import { fixedHost, type TerminalHost } from './services/host';
import { notBuiltMessage, staticFile, staticHeaders } from '../node-shared/http/static-files';

// The same handler table as IPC, over HTTP, for a browser: tests and PCs without Electron.
// Loopback only; a session token from auth.login in `Authorization: Bearer`.

export const maxBodyBytes = 1024 * 1024;
/** issue 18: a file imported from disk travels in its call, base64 (40 MB of file) */
const largeBodyCalls: Readonly<Record<string, number>> = {
  'attachments.import': 56 * 1024 * 1024,
};

export type WebServer = { url: string; port: number; close: () => Promise<void> };

export type WebOptions = (
  | { terminal: Terminal }
  /** web-cli: the terminal, or the recovery calls alone while its database is lost */
  | { host: TerminalHost }
) & {
  handlers: Handlers;
  staticDir: string | null;
  port: number;
  /** end-to-end tests only (--clock-control): POST /__test/clock { now } moves the business clock */
  setClock?: (now: Date) => void;
};

export function startWebServer(opts: WebOptions): Promise<WebServer> {
  const server = createServer((req, res) => {
    handle(req, res, opts).catch((error: unknown) => {
      console.error('[web] request failed', error);
      if (!res.headersSent) refuse(res, 500, 'internal', '内部错误');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : opts.port;
      resolve({ url: `http://127.0.0.1:${port}`, port, close: () => closeServer(server) });
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** A refusal before any handler ran, with a status the catalogue gives its code. */
function refuse<C extends ApiErrorCode>(
  res: ServerResponse,
  status: StatusOf<C>,
  code: C,
  message: string,
  field?: string,
): void {
  const body: ApiResult<never> = {
    ok: false,
    error: { code, message, ...(field ? { field } : {}) },
  };
  send(res, status, body);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: WebOptions): Promise<void> {
  // A page on another site could otherwise reach this loopback port through DNS rebinding.
  const host = req.headers.host ?? '';
  if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) {
    refuse(res, 403, 'forbidden', '只接受发往本机地址的请求');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (opts.setClock && url.pathname === '/__test/clock' && req.method === 'POST') {
    const body = await readBody(req);
    const now = new Date((JSON.parse(body ?? '{}') as { now?: string }).now ?? '');
    if (Number.isNaN(now.getTime())) {
      refuse(res, 400, 'invalid_input', '须为 ISO 8601 时间', 'now');
      return;
    }
    opts.setClock(now);
    send(res, 200, { ok: true, value: { now: now.toISOString() } });
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'POST') {
      refuse(res, 405, 'invalid_input', '只接受 POST');
      return;
    }
    // Any web page the clerk opens can POST to loopback; only a JSON request from this origin
    // is ours. A browser cannot send application/json cross-origin without a preflight, which
    // this server never grants.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      refuse(res, 403, 'forbidden', '只接受本页面发出的请求');
      return;
    }
    if (!/^application\/json(;|$)/.test(req.headers['content-type'] ?? '')) {
      refuse(res, 415, 'invalid_input', '请求须为 application/json');
      return;
    }
    const name = url.pathname.slice('/api/'.length);
    const limit = largeBodyCalls[name] ?? maxBodyBytes;
    const body = await readBody(req, limit);
    if (body === null) {
      refuse(res, 413, 'payload_too_large', `请求过大（上限 ${limit} 字节）`);
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      refuse(res, 400, 'invalid_json', '请求不是有效的 JSON');
      return;
    }
    const token = bearer(req.headers.authorization);
    const runner = 'host' in opts ? opts.host : fixedHost(opts.terminal);
    const terminal = runner.terminal();
    const result = terminal
      ? await dispatch(opts.handlers, name, input, {
          terminal,
          session: terminal.sessions.resolve(token),
          token,
          host: runner,
        })
      : await dispatchRecovery(runner, name, input);
    send(res, result.ok ? 200 : errorStatus(result.error.code), result);
    return;
  }
  serveStatic(url.pathname, res, opts.staticDir);
}

function bearer(header: string | undefined): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(header ?? '');
  return m?.[1] ?? null;
}

/** The body as text, or null when it exceeds maxBodyBytes (then it is drained, never parsed). */
function readBody(req: IncomingMessage, limit = maxBodyBytes): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveStatic(pathname: string, res: ServerResponse, staticDir: string | null): void {
  const found = staticDir ? staticFile(staticDir, pathname) : ({ refused: 'outside' } as const);
  if ('refused' in found) {
    if (found.refused === 'missing')
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(notBuiltMessage);
    else res.writeHead(found.refused === 'bad' ? 400 : 404).end();
    return;
  }
  res.writeHead(200, staticHeaders(found.file));
  createReadStream(found.file).pipe(res);
}
