import type { FastifyInstance } from 'fastify';
import { protocolHeader } from '../../shared/sync';
import { authenticate } from './authenticate';
import { requireProtocol } from './protocol';
import type { RouteSpec, ServerContext } from './spec';
import { parseInput } from './validate';

export type AppContext = Omit<ServerContext, 'log'>;

/**
 * Binds one RouteSpec. Order matters: an outdated terminal hears "update me" before anything
 * else, and nobody learns how to shape a valid request before proving who they are.
 */
export function registerRoute(app: FastifyInstance, spec: RouteSpec, context: AppContext): void {
  app.route({
    method: spec.method,
    url: spec.url,
    ...(spec.bodyLimit !== undefined ? { bodyLimit: spec.bodyLimit } : {}),
    handler: async (request, reply) => {
      const protocol = spec.protocol ? requireProtocol(request.headers[protocolHeader]) : null;
      const { device, staff } = await authenticate(
        spec.auth,
        request.headers.authorization,
        context.db,
        context.now(),
      );
      const params = spec.params ? parseInput(spec.params, request.params, 'params') : undefined;
      const query = spec.query ? parseInput(spec.query, request.query, 'query') : undefined;
      const body = spec.body ? parseInput(spec.body, request.body, 'body') : undefined;
      const out = await spec.handler(
        { body, query, params, device, staff, protocol, accept: request.headers.accept ?? null },
        { ...context, log: request.log },
      );
      void reply.code(out.status ?? 200).type(out.contentType ?? 'application/json; charset=utf-8');
      return out.body;
    },
  });
}
