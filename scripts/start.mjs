// `npm start`: the terminal in Electron; where Electron's binary is not installed or cannot run
// (or with --web) the same UI in web mode on http://127.0.0.1:4310.
// --build (what `npm start` passes) builds first, quietly; --dist <dir> builds into and serves
// the web mode from another folder than dist/ (the start-output test builds beside the real one).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: own, tokens } = parseArgs({
  options: {
    web: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    dist: { type: 'string', default: 'dist' },
  },
  strict: false,
  allowPositionals: true,
  tokens: true,
});
const forceWeb = own.web === true;
const dist = String(own.dist);
// everything else goes to the web mode's command line as it was given
const ownIndexes = new Set(
  tokens
    .filter((t) => t.kind === 'option' && ['web', 'build', 'dist'].includes(t.name))
    .flatMap((t) => (t.inlineValue === false ? [t.index, t.index + 1] : [t.index])),
);
const webArgs = [
  ...process.argv.slice(2).filter((_, i) => !ownIndexes.has(i)),
  ...(dist !== 'dist' ? ['--static', join(dist, 'renderer')] : []),
];

if (own.build) {
  console.log('正在构建… / building…');
  const { quietBuild } = await import('./build.mjs');
  await quietBuild(dist);
}

// Read electron's own path.txt rather than require('electron'): since Electron 42 requiring it
// downloads the binary on the spot, which must not happen behind the user's back.
function electronBinary() {
  const dir = join('node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function startWeb(reason) {
  if (reason) console.log(reason);
  const child = spawn(process.execPath, [join(dist, 'electron', 'web-cli.mjs'), ...webArgs], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const electron = forceWeb ? null : electronBinary();
if (forceWeb) {
  startWeb(null);
} else if (!electron) {
  startWeb(
    'Electron 的运行程序未安装（npx install-electron 可下载）：改用网页模式。\n' +
      'Electron binary not installed (npx install-electron fetches it); serving the web mode instead.',
  );
} else {
  const started = Date.now();
  const child = spawn(electron, ['.'], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => {
    // An Electron that dies at once (no display, missing libraries) leaves the hall without a
    // terminal; the web mode still gives them one.
    if (code !== 0 && Date.now() - started < 10_000) {
      startWeb(
        `Electron 无法运行（退出码 ${code}）：改用网页模式。 Electron could not run; serving the web mode instead.`,
      );
    } else process.exit(code ?? 0);
  });
}
