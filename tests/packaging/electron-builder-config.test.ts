import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// electron-builder cannot package here (it downloads Electron and, for the targets, fpm, WiX and
// NSIS). What does run is its own configuration loader and schema validator — the first thing
// `electron-builder --dir` does — and these checks of what the halls need from the config.

type BuilderConfig = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  files: { filter: string[] }[];
  win: { target: { target: string; arch: string[] }[] };
  nsis: Record<string, unknown>;
  msi: Record<string, unknown>;
  linux: { target: { target: string; arch: string[] }[]; executableName: string };
  deb: { afterInstall: string; afterRemove: string; fpm: string[] };
  appId: string;
};

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig: (projectDir: string, configPath: string | null, options: null) => Promise<unknown>;
  validateConfiguration: (
    config: unknown,
    logger: { isEnabled: boolean; add: (k: string, v: unknown) => void },
  ) => Promise<void>;
};
const quietLogger = { isEnabled: false, add: () => undefined };

const root = process.cwd();
const load = async () =>
  (await getConfig(root, join(root, 'electron-builder.yml'), null)) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(await load(), quietLogger)).resolves.toBeUndefined();
  });

  it('the validator bites: a misspelled option is refused', async () => {
    const config = await load();
    await expect(
      validateConfiguration({ ...config, nsis: { ...config.nsis, perMachin: true } }, quietLogger),
    ).rejects.toThrow(/configuration\.nsis/);
  });

  it('flips the fuses that keep the packaged app from becoming a plain Node', async () => {
    expect((await load()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds NSIS per machine and MSI for Windows x64; deb and AppImage for Linux x64 and arm64', async () => {
    const c = await load();
    expect(c.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ]);
    expect(c.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(c.msi).toMatchObject({ perMachine: true });
    // a changed upgrade code makes Windows install beside, not over, the previous version
    expect(c.msi.upgradeCode).toBe('22eeaf3e-de12-567e-b73b-5f220aa16b2b');
    expect(c.linux.target).toEqual([
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ]);
  });

  it("ships the UOS manifest and scripts it names, the manifest's version the app's", async () => {
    const c = await load();
    for (const file of [c.deb.afterInstall, c.deb.afterRemove])
      expect(existsSync(join(root, file)), file).toBe(true);
    for (const mapping of c.deb.fpm) {
      const [source, target] = mapping.split('=');
      expect(existsSync(join(root, source!)), source).toBe(true);
      expect(target).toMatch(new RegExp(`^/opt/apps/${c.appId.replace(/\./g, '\\.')}/`));
    }
    const info = JSON.parse(readFileSync(join(root, 'resources/linux/uos-info.json'), 'utf8')) as {
      appid: string;
      version: string;
      arch: string[];
    };
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(info).toMatchObject({ appid: c.appId, version: pkg.version, arch: ['amd64', 'arm64'] });
    const afterInstall = readFileSync(join(root, c.deb.afterInstall), 'utf8');
    expect(afterInstall).toContain(`UOS_APP_DIR='/opt/apps/${c.appId}'`);
    expect(afterInstall).toContain('"$UOS_APP_DIR/files"');
  });

  it('packs the built app and its data, not the packaging scripts', async () => {
    expect((await load()).files).toEqual([
      { filter: ['dist/**', 'resources/**', '!resources/linux/**', 'package.json'] },
    ]);
  });
});
