import { describe, expect, it } from 'vitest';
import { syncErrorCodes } from '../sync';
import { errorCatalogue, errorStatus, type ApiErrorCode, type StatusOf } from './errors';

describe('the error catalogue', () => {
  it('tells unavailable apart from every refusal', () => {
    expect(errorCatalogue.unavailable.kind).toBe('unavailable');
    expect(errorCatalogue.forbidden.kind).toBe('forbidden');
    expect(errorCatalogue.not_allowed.kind).toBe('forbidden');
    expect(errorStatus('unavailable')).toBe(503);
  });

  it('holds every code the terminal and the center answer with', () => {
    const terminal: Record<ApiErrorCode, true> = {
      invalid_input: true,
      invalid_json: true,
      payload_too_large: true,
      unknown_call: true,
      unauthenticated: true,
      forbidden: true,
      not_allowed: true,
      not_found: true,
      conflict: true,
      unavailable: true,
      internal: true,
      disk_full: true,
      database_damaged: true,
    };
    for (const code of [...Object.keys(terminal), ...syncErrorCodes]) {
      expect(Object.keys(errorCatalogue), code).toContain(code);
    }
  });

  it('gives a code the same meaning on both sides: a status outside its own does not compile', () => {
    // the center's HttpError takes its status as StatusOf<code>
    const gone: StatusOf<'enrollment_expired'> = 410;
    // @ts-expect-error -- a conflict is 409, never 403
    const wrong: StatusOf<'conflict'> = 403;
    expect([gone, wrong]).toEqual([410, 403]);
  });
});
