import Database from 'better-sqlite3';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureValid } from '../../node-shared/events/crypto';
import { loadOrCreateDevice, type KeyProtector } from './device';
import { migrate } from './migrations';

// A real protector for the test: AES-256-GCM under a key kept outside the database, as
// safeStorage keeps its key in the OS.
function aesProtector(key = randomBytes(32)): KeyProtector {
  return {
    scheme: 'test-aes',
    seal(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64');
      const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

function freshDb() {
  const db = new Database(':memory:');
  migrate(db);
  return db;
}

const storedKey = (db: Database.Database) =>
  (db.prepare('SELECT private_key FROM device').get() as { private_key: string }).private_key;

describe('the device key', () => {
  it('signs so that its public key verifies, and is the same device after reopening', () => {
    const db = freshDb();
    const a = loadOrCreateDevice(db);
    const b = loadOrCreateDevice(db);
    expect(b.id).toBe(a.id);
    expect(signatureValid(a.publicKey, 'hash', b.sign('hash'))).toBe(true);
    expect(signatureValid(a.publicKey, 'other', b.sign('hash'))).toBe(false);
  });

  it('is stored sealed when a protector is available, and cannot be used without it', () => {
    const db = freshDb();
    const protector = aesProtector();
    const device = loadOrCreateDevice(db, protector);
    expect(storedKey(db)).toMatch(/^test-aes:/);
    expect(storedKey(db)).not.toContain('PRIVATE KEY');
    expect(() => loadOrCreateDevice(db)).toThrow(/test-aes/);
    expect(() => loadOrCreateDevice(db, aesProtector())).toThrow();
    const again = loadOrCreateDevice(db, protector);
    expect(signatureValid(device.publicKey, 'h', again.sign('h'))).toBe(true);
  });

  it('seals a key written before protection was available', () => {
    const db = freshDb();
    const before = loadOrCreateDevice(db);
    expect(storedKey(db)).toMatch(/^plain:-----BEGIN PRIVATE KEY-----/);
    const protector = aesProtector();
    const after = loadOrCreateDevice(db, protector);
    expect(after.id).toBe(before.id);
    expect(storedKey(db)).toMatch(/^test-aes:/);
    expect(signatureValid(before.publicKey, 'h', after.sign('h'))).toBe(true);
  });
});
