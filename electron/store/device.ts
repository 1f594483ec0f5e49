import { createPrivateKey, generateKeyPairSync, sign, verify, createPublicKey } from 'node:crypto';
import type { Db } from './db';
import { uuidv7 } from './uuidv7';

export type Device = { id: string; publicKey: string; sign: (message: string) => string };

type DeviceRow = { id: string; public_key: string; private_key: string };

// The device key signs every event this PC writes; the center later checks it against the
// public key registered at enrollment. The private key never leaves this database.
export function loadOrCreateDevice(db: Db): Device {
  let row = db.prepare('SELECT id, public_key, private_key FROM device LIMIT 1').get() as
    DeviceRow | undefined;
  if (!row) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    row = {
      id: uuidv7(),
      public_key: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    db.prepare(
      'INSERT INTO device (id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)',
    ).run(row.id, row.public_key, row.private_key, new Date().toISOString());
  }
  const key = createPrivateKey(row.private_key);
  return {
    id: row.id,
    publicKey: row.public_key,
    sign: (message) => sign(null, Buffer.from(message), key).toString('base64'),
  };
}

export function verifySignature(publicKeyPem: string, message: string, signature: string): boolean {
  return verify(
    null,
    Buffer.from(message),
    createPublicKey(publicKeyPem),
    Buffer.from(signature, 'base64'),
  );
}
