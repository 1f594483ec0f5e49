import { createHash, randomBytes } from 'node:crypto';

// Bearer secrets (device tokens, staff sessions, enrollment codes) are kept only as their
// SHA-256: a leaked database must not let anyone act as a terminal or a manager.

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** 32 random bytes, base64url: what a device or a staff session presents as its bearer token. */
export function newBearerToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
