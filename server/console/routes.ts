import { createReadStream, readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiResult } from '../../shared/api';
import { notBuiltMessage, staticFile, staticHeaders } from '../../node-shared/http/static-files';
import { clientAddress } from '../http/address';
import type { AppContext } from '../http/register';
import { consoleCall, refusal } from './calls';

// Part U of issue 16: the center's browser console at /console/ — the built renderer from disk
// (server/ never imports renderer/), and the renderer's contract at /console/api/<call>.

export const consolePath = '/console/';

/** Marks the served page as the console: the renderer then shows the console's pages only. */
export const consoleMarker = '<meta name="onewindow-console" content="center">';

/**
 * Only this page may call: the console's token travels in `Authorization` (never a cookie), so a
 * foreign page cannot borrow a session; still, a request that says it comes from elsewhere, or
 * is not JSON (a cross-site form can send no JSON without a preflight this server never
 * grants), is refused before anything runs — a sign-in attempt included.
 */
function foreignRequest(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host !== request.headers.host) return '只接受本控制台页面发出的请求';
  }
  if (!/^application\/json(;|$)/.test(request.headers['content-type'] ?? ''))
    return '请求须为 application/json';
  return null;
}

function sendResult(reply: FastifyReply, status: number, result: ApiResult<unknown>) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(result);
}

export function registerConsole(
  app: FastifyInstance,
  context: AppContext,
  /** the built renderer (dist/renderer); null: the API alone, the page says it is not built */
  staticDir: string | null,
): void {
  void app.register((scope, _opts, done) => {
    // a body that is not JSON or too large fails before the handler: answered in the console's shape
    scope.setErrorHandler((error, request, reply) => {
      const { status, result } = refusal(error, {}, { ...context, log: request.log });
      return sendResult(reply, status, result);
    });
    scope.post<{ Params: { name: string } }>('/console/api/:name', async (request, reply) => {
      const foreign = foreignRequest(request);
      if (foreign) {
        const code = foreign.includes('JSON') ? 415 : 403;
        return sendResult(reply, code, {
          ok: false,
          error: { code: code === 415 ? 'invalid_input' : 'forbidden', message: foreign },
        });
      }
      const { status, result } = await consoleCall(
        {
          name: request.params.name,
          input: request.body,
          authorization: request.headers.authorization,
          address: clientAddress(request.ip),
        },
        { ...context, log: request.log },
      );
      return sendResult(reply, status, result);
    });
    scope.get('/console', (_request, reply) => reply.redirect(consolePath));
    scope.get<{ Params: { '*': string } }>('/console/*', (request, reply) =>
      servePage(reply, staticDir, request.params['*'], consolePage),
    );
    done();
  });
}

type Page = { file: string; marker: string };
const consolePage: Page = { file: 'index.html', marker: consoleMarker };

/**
 * Issue 17: the hall's screens — kiosk (?kiosk), big screen (?screen), a window's display
 * (?window=SJ01) — a second page of the same build, public like the notice check: they call
 * only the queue's public reads and the kiosk's 取号.
 */
export const hallScreensPath = '/hall/';
const hallPage: Page = { file: 'hall.html', marker: '' };

export function registerHallScreens(app: FastifyInstance, staticDir: string | null): void {
  app.get('/hall', (_request, reply) => reply.redirect(hallScreensPath));
  app.get<{ Params: { '*': string } }>('/hall/*', (request, reply) =>
    servePage(reply, staticDir, request.params['*'], hallPage),
  );
}

function servePage(reply: FastifyReply, staticDir: string | null, path: string, page: Page) {
  const found = staticDir
    ? staticFile(staticDir, path, page.file)
    : ({ refused: 'missing' } as const);
  if ('refused' in found) {
    if (found.refused === 'missing')
      return reply.code(404).type('text/plain; charset=utf-8').send(notBuiltMessage);
    return reply.code(found.refused === 'bad' ? 400 : 404).send();
  }
  void reply.headers(staticHeaders(found.file));
  if (!found.file.endsWith('.html')) return reply.send(createReadStream(found.file));
  // the page itself: never cached (a new release's assets have new names), marked as the console
  const html = readFileSync(found.file, 'utf8').replace('<head>', `<head>${page.marker}`);
  return reply.header('cache-control', 'no-store').send(html);
}
