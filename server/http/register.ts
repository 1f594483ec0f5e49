import type { FastifyInstance, FastifyRequest } from 'fastify';
import { protocolHeader } from '../../shared/sync';
import { isDeviceRefusal, recordDeviceRefusal } from '../supervision/device-alerts';
import { authenticate } from './authenticate';
import { requireProtocol } from './protocol';
import type { RouteSpec, ServerContext } from './spec';
import { parseInput } from './validate';

export type AppContext = Omit<ServerContext, 'log'>;

/**
 * A device call refused for its credentials (revoked, or a token the center never issued) leaves
 * an alert for the supervisor. Recorded after the refused request's transaction rolled back, and
 * never in the way of the refusal itself: a failure to record is logged, the 401/403 still goes.
 */
async function noteRefusedDevice(
  request: FastifyRequest,
  context: AppContext,
  error: unknown,
): Promise<void> {
  if (!isDeviceRefusal(error)) return;
  try {
    await recordDeviceRefusal(
      context.db,
      context.now(),
      request.headers.authorization,
      request.body,
    );
  } catch (failure) {
    request.log.error({ err: failure }, 'recording a refused device failed');
  }
}

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
      ).catch(async (error: unknown) => {
        if (spec.auth.kind === 'device') await noteRefusedDevice(request, context, error);
        throw error;
      });
      const params = spec.params ? parseInput(spec.params, request.params, 'params') : undefined;
      const query = spec.query ? parseInput(spec.query, request.query, 'query') : undefined;
      const body = spec.body ? parseInput(spec.body, request.body, 'body') : undefined;
      const out = await spec
        .handler(
          { body, query, params, device, staff, protocol, accept: request.headers.accept ?? null },
          { ...context, log: request.log },
        )
        .catch(async (error: unknown) => {
          // a push re-checks revocation under its lock: a revocation since auth lands here
          if (spec.auth.kind === 'device') await noteRefusedDevice(request, context, error);
          throw error;
        });
      void reply.code(out.status ?? 200).type(out.contentType ?? 'application/json; charset=utf-8');
      return out.body;
    },
  });
}
