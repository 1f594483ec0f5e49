import { isIP } from 'node:net';

/**
 * The client's address as the center counts it (sign-in lockout, refused-device alerts).
 * Fastify's request.ip is the socket's peer unless the app was built with `trustProxy` (then the
 * proxy's X-Forwarded-For, which a client may have written); either way only a well-formed IP
 * is kept, so no header text becomes a key, an answer or an alert.
 */
export function clientAddress(ip: string | undefined): string {
  const bare = ip?.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  return bare && isIP(bare) !== 0 ? bare : 'unknown';
}
