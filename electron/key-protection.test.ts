import { describe, expect, it } from 'vitest';
import { keyProtection, type SafeStorageFacts } from './key-protection';
import { openSecret, sealSecret } from './store/device';

// safeStorage itself needs Electron; a reversible function stands in for its sealing so the
// decision and its effect on stored secrets are checked for real in the device store's code.
const facts = (over: Partial<SafeStorageFacts>): SafeStorageFacts => ({
  platform: 'linux',
  encryptionAvailable: true,
  backend: 'gnome_libsecret',
  seal: (p) => Buffer.from(p).toString('base64'),
  open: (s) => Buffer.from(s, 'base64').toString(),
  ...over,
});

describe('keyProtection', () => {
  it('seals with safeStorage on a keyring, on Windows (DPAPI) and macOS', () => {
    for (const f of [
      facts({}),
      facts({ backend: 'kwallet5' }),
      facts({ platform: 'win32', backend: null }),
      facts({ platform: 'darwin', backend: null }),
    ]) {
      const p = keyProtection(f);
      expect(p.warning).toBeNull();
      expect(sealSecret('key', p.protector)).toMatch(/^safeStorage:/);
    }
  });

  it("on Linux's basic_text seals nothing new, warns, and still opens what it sealed before", () => {
    const earlier = sealSecret('old-key', keyProtection(facts({})).protector);
    const p = keyProtection(facts({ backend: 'basic_text' }));
    expect(p.warning).toContain('basic_text');
    expect(sealSecret('new-key', p.protector)).toBe('plain:new-key');
    expect(openSecret(earlier, p.protector)).toBe('old-key');
  });

  it('without safeStorage at all: plain secrets and a warning', () => {
    const p = keyProtection(facts({ encryptionAvailable: false }));
    expect(p.protector).toBeNull();
    expect(p.warning).toContain('safeStorage');
  });
});
