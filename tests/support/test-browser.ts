import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

// Which Chromium the Playwright specs drive. A machine's own Chromium when it has one
// (CHROMIUM_PATH, else Debian's /usr/bin/chromium); otherwise the headless Chromium that ships,
// brotli-compressed, inside the @sparticuz/chromium npm package, so a machine with only Node runs
// the specs. That build links only glibc, NSS/NSPR and expat, and the package carries those
// libraries too (built for Amazon Linux 2023, glibc 2.34), so nothing is taken from apt. Playwright's
// own browser packages download the browser from a CDN at install time, which a machine that
// reaches only the npm registry cannot do.
//
// The package unpacks itself into /tmp on Lambda only; here it is unpacked once per version into a
// folder of its own, with a fontconfig file that names only the package's Latin font: Chinese on
// screen and on paper must come from the app's bundled web font, never from the machine.

export type TestBrowser = {
  executablePath: string;
  /** environment for the browser process (Playwright's `env` replaces the whole environment) */
  env?: Record<string, string>;
  /** flags this browser needs besides the config's own */
  args: string[];
};

const systemChromium = '/usr/bin/chromium';
const require = createRequire(import.meta.url);

function isFile(path: string): boolean {
  // a file bound over /dev/null (how the fresh-machine test hides a program) is no browser
  return existsSync(path) && statSync(path).isFile();
}

function bundle(): { bin: string; folder: string } {
  // the package exports no package.json: its root is two folders above its CommonJS entry
  const root = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { bin: join(root, 'bin'), folder: join(tmpdir(), `ow-chromium-${manifest.version}`) };
}

/** The browser for playwright.config.ts; synchronous, as the config is. */
export function testBrowser(): TestBrowser {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) return { executablePath: chosen, args: [] };
  if (isFile(systemChromium)) return { executablePath: systemChromium, args: [] };
  const { folder } = bundle();
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  const libs = join(folder, 'al2023', 'lib');
  env.LD_LIBRARY_PATH = env.LD_LIBRARY_PATH ? `${libs}:${env.LD_LIBRARY_PATH}` : libs;
  env.FONTCONFIG_FILE = join(folder, 'fonts.conf');
  return {
    executablePath: join(folder, 'chromium'),
    env,
    // Text is laid out with hinted glyph advances, as Debian's Chromium does with the system's
    // fontconfig (hintslight): a headless shell hints fully by default, which widens a line of
    // Chinese enough that a full A4 notice spills its footer onto a second page.
    args: ['--font-render-hinting=slight'],
  };
}

/**
 * Playwright's globalSetup: unpacks the packaged Chromium when it is the one chosen. Unpacked into a
 * side folder and renamed into place, so an interrupted unpack is never taken for a browser.
 */
export async function unpackTestBrowser(): Promise<void> {
  if (process.env.CHROMIUM_PATH || isFile(systemChromium)) return;
  const { bin, folder } = bundle();
  if (existsSync(join(folder, 'chromium'))) return;
  const partial = `${folder}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    await pipeline(
      createReadStream(join(bin, 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(join(partial, 'chromium'), { mode: 0o755 }),
    );
    mkdirSync(join(partial, 'al2023'));
    await untar(join(bin, 'al2023.tar.br'), join(partial, 'al2023')); // → lib/
    await untar(join(bin, 'fonts.tar.br'), partial); // → fonts/Open_Sans/ (and a fonts.conf, replaced)
    writeFileSync(
      join(partial, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <dir>${join(folder, 'fonts')}</dir>\n  <cachedir>${join(folder, 'fontconfig-cache')}</cachedir>\n` +
        // what Debian's defaults (conf.d/10-hinting-slight, 10-yes-antialias) set
        `  <match target="pattern"><edit name="hintstyle" mode="append"><const>hintslight</const></edit></match>\n` +
        `  <match target="pattern"><edit name="antialias" mode="append"><bool>true</bool></edit></match>\n` +
        `</fontconfig>\n`,
    );
    try {
      renameSync(partial, folder);
    } catch (error) {
      // another run unpacked the same version meanwhile: theirs is as good
      if (!existsSync(join(folder, 'chromium'))) throw error;
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/** brotli-compressed tar → folder, with the system's tar (in every Linux base image) */
async function untar(archive: string, into: string): Promise<void> {
  // through a file, not a pipe: tar stops reading at the archive's end marker and would close a pipe
  // on the padding still being written
  const plain = join(into, '.unpacking.tar');
  await pipeline(createReadStream(archive), createBrotliDecompress(), createWriteStream(plain));
  const result = spawnSync('tar', ['-x', '--no-same-owner', '-f', plain, '-C', into], {
    encoding: 'utf8',
  });
  rmSync(plain, { force: true });
  if (result.status !== 0)
    throw new Error(`tar could not unpack ${archive} (${result.status}): ${result.stderr}`);
}

/**
 * The test browser as one command a product process can spawn (web mode's --chromium, which
 * prints a case archive's documents): the packaged build needs its libraries, fontconfig and
 * flags, which a small script beside it sets. Call after unpackTestBrowser (globalSetup).
 */
export function testBrowserCommand(): string {
  const browser = testBrowser();
  if (!browser.env) return browser.executablePath;
  const script = join(dirname(browser.executablePath), 'chromium-with-env.sh');
  const env = ['LD_LIBRARY_PATH', 'FONTCONFIG_FILE']
    .map((name) => `export ${name}='${browser.env?.[name] ?? ''}'\n`)
    .join('');
  const partial = `${script}.partial-${process.pid}`;
  writeFileSync(
    partial,
    `#!/bin/sh\n${env}exec '${browser.executablePath}' ${browser.args.join(' ')} "$@"\n`,
    { mode: 0o755 },
  );
  renameSync(partial, script);
  return script;
}
