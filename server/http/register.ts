import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CenterCall } from '../../shared/center-api';
import { decodeDeviceReport, deviceReportHeader, protocolHeader } from '../../shared/sync';
import { recordDeviceReport } from '../operations/device-report';
import { isDeviceRefusal, recordDeviceRefusal } from '../supervision/device-alerts';
import { clientAddress } from './address';
import { recordDeviceClock, terminalClockOf } from '../sync/clock';
import { authenticate } from './authenticate';
import { requireProtocol } from './protocol';
import { HttpError } from './errors';
import type {
  AuthDevice,
  AuthRater,
  AuthStaff,
  FileOut,
  ResponseHeaders,
  ServerContext,
} from './spec';
import { parseInput } from './validate';

export type AppContext = Omit<ServerContext, 'log'>;

/**
 * A handler with its entry's types forgotten, so that handlers of different calls sit in one
 * loop. Sound because the entry's own schemas parse the input into exactly what the handler
 * declares (Handlers<C> ties each handler to its entry).
 */
export type ErasedHandler = (
  input: {
    body: unknown;
    query: unknown;
    params: unknown;
    device: AuthDevice | null;
    staff: AuthStaff | null;
    rater: AuthRater | null;
    protocol: number | null;
    accept: string | null;
    address: string;
  },
  ctx: ServerContext,
) => Promise<
  | { status?: number; headers?: ResponseHeaders; body: unknown }
  | { status?: number; headers?: ResponseHeaders; page: string }
  | { status?: number; headers?: ResponseHeaders; file: FileOut }
>;

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
      clientAddress(request.ip),
    );
  } catch (failure) {
    request.log.error({ err: failure }, 'recording a refused device failed');
  }
}

/**
 * Every device call measures the terminal's clock (issue 13 point 4). Like a refusal's alert, a
 * failure to record it is logged and never fails the call: sync matters more than its evidence.
 */
async function noteDeviceClock(
  request: FastifyRequest,
  context: AppContext,
  device: AuthDevice,
  clock: NonNullable<ReturnType<typeof terminalClockOf>>,
): Promise<void> {
  try {
    await recordDeviceClock(context.db, context.now(), device, clock);
  } catch (failure) {
    request.log.error({ err: failure }, 'recording a terminal clock failed');
  }
}

/** The device's word about itself (part C, issue 15): like its clock, never in the way of the call. */
async function noteDeviceReport(
  request: FastifyRequest,
  context: AppContext,
  device: AuthDevice,
): Promise<void> {
  try {
    await recordDeviceReport(
      context.db,
      context.now(),
      device.id,
      decodeDeviceReport(request.headers[deviceReportHeader]),
    );
  } catch (failure) {
    request.log.error({ err: failure }, 'recording a device report failed');
  }
}

/**
 * Binds one contract entry to its handler. Order matters: an outdated terminal hears "update me"
 * before anything else, and nobody learns how to shape a valid request before proving who they
 * are. With `checkResponses` (the tests) an answer that does not parse with the entry's response
 * schema is a 500 naming the call and the field, so every route test also tests the contract.
 */
export function registerCall(
  app: FastifyInstance,
  name: string,
  call: CenterCall,
  handler: ErasedHandler,
  context: AppContext & { checkResponses: boolean },
): void {
  app.route({
    method: call.method,
    url: call.path,
    ...(call.bodyLimit !== undefined ? { bodyLimit: call.bodyLimit } : {}),
    ...(call.bytes ? { bodyLimit: call.bytes.maxBytes } : {}),
    handler: async (request, reply) => {
      const protocol = call.protocol ? requireProtocol(request.headers[protocolHeader]) : null;
      const { device, staff, rater } = await authenticate(
        call.auth,
        request.headers.authorization,
        context.db,
        context.now(),
      ).catch(async (error: unknown) => {
        if (call.auth.kind === 'device') await noteRefusedDevice(request, context, error);
        throw error;
      });
      const terminalClock = terminalClockOf(request.headers);
      if (device && terminalClock) await noteDeviceClock(request, context, device, terminalClock);
      if (device) await noteDeviceReport(request, context, device);
      const params = call.params ? parseInput(call.params, request.params, 'params') : undefined;
      const query = call.query ? parseInput(call.query, request.query, 'query') : undefined;
      const body = call.body ? parseInput(call.body, request.body, 'body') : undefined;
      const out = await handler(
        {
          body,
          query,
          params,
          device,
          staff,
          rater,
          protocol,
          accept: request.headers.accept ?? null,
          address: clientAddress(request.ip),
        },
        {
          db: context.db,
          dialect: context.dialect,
          now: context.now,
          log: request.log,
          terminalClock,
          ...(context.passwordCost !== undefined ? { passwordCost: context.passwordCost } : {}),
          dataDir: context.dataDir ?? null,
          files: context.files ?? null,
          ...(context.pushes ? { pushes: context.pushes } : {}),
        },
      ).catch(async (error: unknown) => {
        // a push re-checks revocation under its lock: a revocation since auth lands here
        if (call.auth.kind === 'device') await noteRefusedDevice(request, context, error);
        throw error;
      });
      void reply.code(out.status ?? call.status ?? 200);
      if (out.headers) void reply.headers(out.headers);
      if ('page' in out) return reply.type('text/html; charset=utf-8').send(out.page);
      if ('file' in out) {
        // the name is ASCII by construction (ratings-<from>-<to>.csv): no header injection
        return reply
          .type(out.file.type)
          .header('content-disposition', `attachment; filename="${out.file.name}"`)
          .send('text' in out.file ? out.file.text : Buffer.from(out.file.bytes));
      }
      if (context.checkResponses) checkResponse(name, call, out.body);
      return reply.type('application/json; charset=utf-8').send(out.body);
    },
  });
}

function checkResponse(name: string, call: CenterCall, body: unknown): void {
  const parsed = call.response.safeParse(body);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  throw new HttpError(
    500,
    'internal',
    `${name} answered outside its contract at ${(issue?.path ?? []).join('.')}: ${issue?.message ?? ''}`,
  );
}
