// Bundles the main process, the preload and the web-mode entry. better-sqlite3 and sharp stay
// external: native modules loaded from node_modules (unpacked from asar when packaged).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', 'sharp'],
  logLevel: 'warning',
};

/** The three bundles into `<dist>/electron` (`npm start --dist` builds beside the real dist). */
export async function bundleElectron(dist = 'dist') {
  const out = (name) => resolve(dist, 'electron', name);
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: out('main.cjs') }),
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: out('preload.cjs') }),
    build({
      ...common,
      entryPoints: ['electron/web-cli.ts'],
      outfile: out('web-cli.mjs'),
      format: 'esm',
      banner: {
        // aliased: bundled ES modules (fflate's, sharp's) import createRequire under its own name
        js: "import { createRequire as __bannerRequire } from 'node:module'; const require = __bannerRequire(import.meta.url);",
      },
    }),
  ]);
}

/**
 * What `npm start` builds, saying nothing but warnings and errors: vite's listing of every
 * chunk and font slice (some 400 lines) buried the address and the demo accounts.
 */
export async function quietBuild(dist = 'dist') {
  const { build: viteBuild } = await import('vite');
  await viteBuild({
    configFile: resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: resolve(dist, 'renderer') },
  });
  await bundleElectron(dist);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await bundleElectron();
}
