import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { pushLimits } from '../shared/sync';
import type { ServerDb } from './db/schema';
import { errorReply } from './http/error-reply';
import { registerRoute } from './http/register';
import type { Dialect, RouteSpec } from './http/spec';
import { apiRoutes } from './routes';
import { systemRoutes } from './system/routes';

export type AppConfig = {
  db: Kysely<ServerDb>;
  dialect: Dialect;
  /** the business clock; tests fix it */
  now?: () => Date;
  /** pino options, or false (the default, for tests) */
  logger?: boolean | object;
  /** the API's calls; tests of the app's own machinery bind a table of their own */
  routes?: readonly RouteSpec[];
};

/** A push of the largest batch plus the JSON around it. */
export const defaultBodyLimit = pushLimits.bytes + 64 * 1024;

/** The center's HTTP API. Holds no state of its own: every process on one database is alike. */
export function buildApp(config: AppConfig): FastifyInstance {
  const app = Fastify({
    logger: (config.logger ?? false) as FastifyServerOptions['logger'],
    bodyLimit: defaultBodyLimit,
  });
  const context = { db: config.db, dialect: config.dialect, now: config.now ?? (() => new Date()) };

  // JSON only: a text/plain body would otherwise reach the handlers as a string.
  app.removeContentTypeParser('text/plain');
  // A body-less POST sent with a JSON content type (fetch does that) is no body, not bad JSON.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text === '') done(null, undefined);
    else void parseJson(request, text, done);
  });

  app.setErrorHandler((error, request, reply) => {
    const { status, body, unexpected } = errorReply(error);
    if (unexpected) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: {
        code: 'not_found',
        message: `没有这个接口 / no route ${request.method} ${request.url}`,
      },
    }),
  );

  const table: RouteSpec[] = [...(config.routes ?? apiRoutes), ...systemRoutes(() => table)];
  for (const spec of table) registerRoute(app, spec, context);
  return app;
}
