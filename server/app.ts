import { diskBackend, type FileBackend } from './files/backend';
import { Admission, BusyError, defaultPushAdmission, type AdmissionLimits } from './sync/admission';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import type { Kysely } from 'kysely';
import { centerContract, contractEntries, type CenterContract } from '../shared/center-api';
import { centerTimeHeader, pushLimits } from '../shared/sync';
import type { ServerDb } from './db/schema';
import { errorReply } from './http/error-reply';
import { registerCall, type ErasedHandler } from './http/register';
import type { Dialect, Handlers } from './http/spec';
import { centerHandlers } from './handlers';
import { registerCrashReports } from './operations/crash-reports';
import { registerUpdateFeed } from './operations/feed';
import { registerConsole, registerHallScreens } from './console/routes';
import { registerGuideStatic } from './guide/static';

export type AppConfig = {
  db: Kysely<ServerDb>;
  dialect: Dialect;
  /** the business clock; tests fix it */
  now?: () => Date;
  /** pino options, or false (the default, for tests) */
  logger?: boolean | object;
  /** part C (issue 15): a ready logger (the rotating --log-dir one) in place of `logger` */
  loggerInstance?: FastifyBaseLogger;
  /** tests: every answer is parsed with its entry's response schema, a mismatch is a 500 */
  checkResponses?: boolean;
  /**
   * Behind a reverse proxy: the proxy's address(es), so request.ip (what the sign-in lockout
   * counts per) is the client the proxy names. Without it X-Forwarded-For is ignored: any
   * client could write one and pose as every address in turn.
   */
  trustProxy?: string;
  /** scrypt's N for staff passwords (ServerContext.passwordCost); tests only */
  passwordCost?: number;
  /** part C (issue 15): the data folder holding updates/ and crash-reports/; absent: neither */
  dataDir?: string;
  /** part U (issue 16): the built renderer the console at /console/ serves; absent: its API only */
  consoleDir?: string | null;
  /** issue 18: an S3-compatible store for the materials' files; absent: `<dataDir>/files` */
  files?: FileBackend;
  /** issue 19: how many pushes this process runs at once and lines up; absent: the defaults */
  pushAdmission?: AdmissionLimits;
};

/** A contract and its handlers; tests of the app's own machinery bind probes of their own. */
export type AppApi<C extends CenterContract> = { contract: C; handlers: Handlers<C> };

/** A push of the largest batch plus the JSON around it. */
export const defaultBodyLimit = pushLimits.bytes + 64 * 1024;

/** The center's HTTP API. Holds no state of its own: every process on one database is alike. */
export function buildApp<C extends CenterContract = typeof centerContract>(
  config: AppConfig & { api?: AppApi<C> },
): FastifyInstance {
  const app = Fastify({
    ...(config.loggerInstance
      ? { loggerInstance: config.loggerInstance }
      : { logger: (config.logger ?? false) as FastifyServerOptions['logger'] }),
    bodyLimit: defaultBodyLimit,
    ...(config.trustProxy ? { trustProxy: config.trustProxy } : {}),
    // the router's own refusals (a broken %-escape, an id past 100 characters) answer in the
    // contract's error shape like every other bad request, not in Fastify's English one
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply).code(400).send({
        error: {
          code: 'invalid_input',
          message:
            error.code === 'FST_ERR_MAX_PARAM_LENGTH'
              ? '地址中的编号过长'
              : '地址无效：含有无法解析的字符',
        },
      });
    },
  });
  const context = {
    db: config.db,
    dialect: config.dialect,
    now: config.now ?? (() => new Date()),
    checkResponses: config.checkResponses ?? false,
    ...(config.passwordCost !== undefined ? { passwordCost: config.passwordCost } : {}),
    dataDir: config.dataDir ?? null,
    files: config.files ?? (config.dataDir ? diskBackend(config.dataDir) : null),
    pushes: new Admission(config.pushAdmission ?? defaultPushAdmission),
  };

  // Every answer carries the center's time, refusals and 404s too: the terminals measure their
  // clocks against it (issue 13 point 4). The business clock, so a center with a fixed clock
  // (tests, demonstrations) is the reference its terminals are measured against.
  app.addHook('onSend', (_request, reply, payload, done) => {
    void reply.header(centerTimeHeader, context.now().toISOString());
    done(null, payload);
  });

  // issue 18: a chunk of a material's file, as bytes (only `bytes` calls take it: the others'
  // schemas refuse a Buffer where they expect an object)
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );
  // JSON only: a text/plain body would otherwise reach the handlers as a string.
  app.removeContentTypeParser('text/plain');
  // A body-less POST sent with a JSON content type (fetch does that) is no body, not bad JSON.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text === '') done(null, undefined);
    else void parseJson(request, text, done);
  });
  // issue 17 part 2: the phone's rating page is a scriptless form; a field sent twice (the
  // reasons' checkboxes) arrives as a list, every other one as its text
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16_384 },
    (_request, body, done) => {
      const fields: Record<string, string | string[]> = {};
      for (const [key, value] of new URLSearchParams(body.toString())) {
        const known = fields[key];
        fields[key] = known === undefined ? value : [...[known].flat(), value];
      }
      done(null, fields);
    },
  );

  app.setErrorHandler((error, request, reply) => {
    const { status, body, unexpected } = errorReply(error);
    if (unexpected) request.log.error({ err: error }, 'request failed');
    if (error instanceof BusyError)
      void reply.header('retry-after', String(error.retryAfterSeconds));
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: {
        code: 'not_found',
        message: `没有这个接口：${request.method} ${request.url}`,
      },
    }),
  );

  const api = config.api ?? { contract: centerContract, handlers: centerHandlers };
  const handlers = api.handlers as Record<string, ErasedHandler>;
  for (const [name, call] of contractEntries(api.contract)) {
    const handler = handlers[name];
    // Handlers<C> demands one per entry; a table assembled around the compiler still fails loudly
    if (!handler) throw new Error(`no handler for ${name}`);
    registerCall(app, name, call, handler, context);
  }
  // part C (issue 15): electron-updater's feed and Electron's crash uploads, in their own formats
  registerUpdateFeed(app, context);
  registerCrashReports(app, context);
  // part U (issue 16): the center's own browser console
  registerConsole(app, context, config.consoleDir ?? null);
  // issue 17: the hall's kiosk, big screen and window displays
  registerHallScreens(app, config.consoleDir ?? null);
  // issue 17 part 3: the public guide's font and /guide without its slash (the guide itself is
  // two calls of the contract)
  registerGuideStatic(app);
  return app;
}
