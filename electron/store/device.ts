import { hashSigner, newKeyPair } from '../../node-shared/events/crypto';
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
  /**
   * Opens what it sealed before but seals nothing new (new secrets are stored plain): Linux's
   * basic_text backend, whose "encryption" is a key built into Chromium (electron/key-protection.ts).
   */
  readonly openOnly?: boolean;
  seal(plain: string): string;
  open(sealed: string): string;
};

type DeviceRow = { id: string; public_key: string; private_key: string };

const plainScheme = 'plain';

export function openSecret(stored: string, protector: KeyProtector | null): string {
  const cut = stored.indexOf(':');
  const scheme = stored.slice(0, cut);
  const body = stored.slice(cut + 1);
  if (scheme === plainScheme) return body;
  if (protector?.scheme === scheme) return protector.open(body);
  throw new Error(`设备密钥由 ${scheme} 保护，本次启动无法解开：请在原电脑上以原用户身份运行`);
}

/** A secret as stored at rest: sealed by the protector when there is one, else marked plain. */
export function sealSecret(plain: string, protector: KeyProtector | null): string {
  return protector && !protector.openOnly
    ? `${protector.scheme}:${protector.seal(plain)}`
    : `${plainScheme}:${plain}`;
}

function signer(id: string, publicKey: string, privatePem: string): Device {
  return { id, publicKey, sign: hashSigner(privatePem) };
}

// The device key signs every event this PC writes; the center later checks it against the
// public key registered at enrollment.
export function loadOrCreateDevice(db: Db, protector: KeyProtector | null = null): Device {
  let row = db.prepare('SELECT id, public_key, private_key FROM device LIMIT 1').get() as
    DeviceRow | undefined;
  if (!row) {
    const pair = newKeyPair();
    row = {
      id: uuidv7(),
      public_key: pair.publicKey,
      private_key: sealSecret(pair.privateKey, protector),
    };
    db.prepare(
      'INSERT INTO device (id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)',
    ).run(row.id, row.public_key, row.private_key, new Date().toISOString());
  }
  const pem = openSecret(row.private_key, protector);
  // A key written before protection was available is sealed as soon as it is.
  if (protector && row.private_key.startsWith(`${plainScheme}:`)) {
    db.prepare('UPDATE device SET private_key = ? WHERE id = ?').run(
      sealSecret(pem, protector),
      row.id,
    );
  }
  return signer(row.id, row.public_key, pem);
}

/**
 * Makes this PC the device the center enrolled: the id it gave and the key pair registered with
 * it. Call inside the enrollment's transaction; the returned signer is used only after commit.
 */
export function replaceDevice(
  db: Db,
  id: string,
  pair: { publicKey: string; privateKey: string },
  protector: KeyProtector | null,
): Device {
  db.prepare('DELETE FROM device').run();
  db.prepare(
    'INSERT INTO device (id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)',
  ).run(id, pair.publicKey, sealSecret(pair.privateKey, protector), new Date().toISOString());
  return signer(id, pair.publicKey, pair.privateKey);
}
