import type { KeyProtector } from './store/device';

// Whether the device key and the center token are sealed by Electron's safeStorage. Plain Node:
// main.ts passes what safeStorage reports and the two functions that seal and open.

export type SafeStorageFacts = {
  platform: NodeJS.Platform;
  encryptionAvailable: boolean;
  /** safeStorage.getSelectedStorageBackend() (Linux only; elsewhere not asked) */
  backend: string | null;
  seal: (plain: string) => string;
  open: (sealed: string) => string;
};

export type KeyProtection = { protector: KeyProtector | null; warning: string | null };

/**
 * On Linux without a keyring (no GNOME keyring / KWallet: a kiosk session, a UOS PC logged in
 * automatically) Chromium falls back to `basic_text`, which "encrypts" with a password compiled
 * into every Chromium. Sealing with it pretends a protection there is not, and worse, binds the
 * secret to that backend: if a keyring appears later, Chromium switches backend and the sealed
 * device key no longer opens — the terminal would be locked out. So on basic_text nothing new is
 * sealed (secrets are stored plain, guarded by the 0600 data file like everything else in it), a
 * warning is logged, and what an earlier version sealed there still opens.
 */
export function keyProtection(facts: SafeStorageFacts): KeyProtection {
  if (!facts.encryptionAvailable)
    return {
      protector: null,
      warning:
        '系统未提供加密存储（safeStorage 不可用）：设备密钥以明文存于数据文件，仅受文件权限保护。',
    };
  const protector: KeyProtector = { scheme: 'safeStorage', seal: facts.seal, open: facts.open };
  if (facts.platform === 'linux' && (facts.backend === 'basic_text' || facts.backend === null))
    return {
      protector: { ...protector, openOnly: true },
      warning:
        '本机没有系统密钥环（safeStorage 后端为 basic_text，等同明文）：不再用它加密新的设备密钥，' +
        '密钥以明文存于数据文件，仅受文件权限保护。如需加密，请为本机登录用户启用 GNOME 密钥环或 KWallet。',
    };
  return { protector, warning: null };
}
