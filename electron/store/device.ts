import { createPrivateKey, generateKeyPairSync, sign, verify, createPublicKey } from 'node:crypto';
import type { Db } from './db';
import { uuidv7 } from './uuidv7';

export type Device = { id: string; publicKey: string; sign: (message: string) => string };

/**
 * Seals the device's private key at rest. In Electron this is the OS's own protection
 * (safeStorage: DPAPI on Windows, the keyring on Linux), so copying the database file to another
 * machine does not copy the power to sign as this PC.
 */
export type KeyProtector = {
  readonly scheme: string;
  seal(plain: string): string;
  open(sealed: string): string;
};

type DeviceRow = { id: string; public_key: string; private_key: string };

const plainScheme = 'plain';

function unseal(stored: string, protector: KeyProtector | null): string {
  const cut = stored.indexOf(':');
  const scheme = stored.slice(0, cut);
  const body = stored.slice(cut + 1);
  if (scheme === plainScheme) return body;
  if (protector?.scheme === scheme) return protector.open(body);
  throw new Error(
    `设备密钥由 ${scheme} 保护，本次启动无法解开：请在原电脑上以原用户身份运行 (device key sealed with ${scheme})`,
  );
}

// The device key signs every event this PC writes; the center later checks it against the
// public key registered at enrollment.
export function loadOrCreateDevice(db: Db, protector: KeyProtector | null = null): Device {
  const seal = (pem: string) =>
    protector ? `${protector.scheme}:${protector.seal(pem)}` : `${plainScheme}:${pem}`;
  let row = db.prepare('SELECT id, public_key, private_key FROM device LIMIT 1').get() as
    DeviceRow | undefined;
  if (!row) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    row = {
      id: uuidv7(),
      public_key: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      private_key: seal(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    };
    db.prepare(
      'INSERT INTO device (id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)',
    ).run(row.id, row.public_key, row.private_key, new Date().toISOString());
  }
  const pem = unseal(row.private_key, protector);
  // A key written before protection was available is sealed as soon as it is.
  if (protector && row.private_key.startsWith(`${plainScheme}:`)) {
    db.prepare('UPDATE device SET private_key = ? WHERE id = ?').run(seal(pem), row.id);
  }
  const key = createPrivateKey(pem);
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
