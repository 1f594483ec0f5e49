import { afterEach } from 'vitest';

export type Cleanup = () => Promise<void> | void;

/**
 * Registers, for the calling test file, an afterEach that runs what each test deferred, last
 * first (a terminal closes before the center it talks to, a center stops before its database is
 * dropped). Returns the function that defers.
 */
export function cleanupAfterEach(): (c: Cleanup) => void {
  const deferred: Cleanup[] = [];
  afterEach(async () => {
    for (const c of deferred.splice(0).reverse()) await c();
  });
  return (c) => deferred.push(c);
}
