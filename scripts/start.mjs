// `npm start`: the terminal in Electron; where Electron's binary is missing (or with --web) the
// same UI in web mode on http://127.0.0.1:4310.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const forceWeb = args.includes('--web');
const rest = args.filter((a) => a !== '--web');

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = forceWeb ? null : electronBinary();
if (!forceWeb && !electron) {
  console.log(
    'Electron 的运行程序在本机不可用（未下载）：改用网页模式。 Electron binary not available here; serving the web mode instead.',
  );
}
const [command, commandArgs] = electron
  ? [electron, ['.', ...rest]]
  : [process.execPath, ['dist/electron/web-cli.mjs', ...rest]];
const child = spawn(command, commandArgs, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
