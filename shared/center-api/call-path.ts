import type { CenterCall } from './call';

/**
 * The path of a call with its parameters filled in. Each value is one encoded segment: an id the
 * renderer sent ('../staff') must not walk the center's routes.
 */
export function callPath(call: Pick<CenterCall, 'path'>, params: unknown): string {
  const values = (params ?? {}) as Record<string, unknown>;
  return call.path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = values[name];
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`${call.path}: path parameter ${name} missing`);
    }
    return encodeURIComponent(String(value));
  });
}
