import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { commandLine } from '../node-shared/cli/command-line';
import { handlers } from './api/handlers';
import { defaultBackupCheckMs } from './services/backups';
import { startTerminalHost } from './services/host';
import { openTerminal } from './services/terminal';
import { startWebServer } from './web';
import { headlessSheets } from './print/headless-sheets';

// Web mode: the terminal without Electron, for browsers on this PC and for the end-to-end tests.

const usage = `一窗通终端（网页模式）/ OneWindow terminal in web mode

用法 / usage: npx tsx electron/web-cli.ts [options]   (npm start runs it with the demo)

  --port <n>                  HTTP port on 127.0.0.1 (default 4310)
  --data <dir>                the terminal's data folder (default .data/terminal)
  --resources <dir>           catalog, fonts, holiday tables (default resources)
  --static <dir>              the built renderer (default dist/renderer)
  --now <iso>                 a fixed business clock, with offset: 2026-03-02T09:00:00+08:00
  --server <url>              the center's address, replacing the one enrollment stored
  --clock-control             let tests move the clock through POST /__test/clock
  --report-check-seconds <s>  how often the scheduled daily report is looked at (default 30)
  --backup-check-seconds <s>  how often the rolling backup looks for a new day (default 3600;
                              0: no backups)
  --chromium <path>           the Chromium that prints a case archive's documents (default
                              $CHROMIUM_PATH, else /usr/bin/chromium)
  --lock-after-ms <ms>        TESTS ONLY: the screen lock's idle time
  -h, --help                  this text`;

const { values } = commandLine(usage, {
  options: {
    port: { type: 'string', default: '4310' },
    data: { type: 'string', default: '.data/terminal' },
    resources: { type: 'string', default: 'resources' },
    static: { type: 'string', default: 'dist/renderer' },
    now: { type: 'string' },
    // the center's address (enrollment stores it; this replaces it, e.g. a test server's port)
    server: { type: 'string' },
    // end-to-end tests move the business clock through POST /__test/clock
    'clock-control': { type: 'boolean', default: false },
    // how often the scheduled daily report is looked at (default 30); tests look more often
    'report-check-seconds': { type: 'string' },
    // how often the rolling backup looks whether a day has passed (default 3600); 0: no backups
    'backup-check-seconds': { type: 'string' },
    // TESTS ONLY: the screen lock's idle time in milliseconds, so a spec need not wait the
    // product's minimum minute; the manager sets 1–60 minutes in 终端设置
    'lock-after-ms': { type: 'string' },
    chromium: { type: 'string' },
  },
  // a bare 4311 meant as the port must not start a terminal on 4310
  allowPositionals: false,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(2);
}
// A fixed clock for demonstrations and tests of deadlines: --now 2026-03-02T09:00:00+08:00
// The offset is required: a bare local time would be read in this machine's zone.
const fixedNow = values.now ? new Date(values.now) : null;
if (values.now && (!/(Z|[+-]\d{2}:\d{2})$/.test(values.now) || Number.isNaN(fixedNow?.getTime()))) {
  console.error(`--now must be an ISO date-time with an offset (e.g. +08:00), got ${values.now}`);
  process.exit(2);
}

const reportCheckSeconds = values['report-check-seconds'];
const reportCheckMs = reportCheckSeconds ? Number(reportCheckSeconds) * 1000 : null;
if (reportCheckMs !== null && !(reportCheckMs >= 100 && reportCheckMs <= 86_400_000)) {
  console.error(`--report-check-seconds must be 0.1 to 86400, got ${reportCheckSeconds}`);
  process.exit(2);
}

const backupCheck = values['backup-check-seconds'];
const backupCheckMs = backupCheck ? Number(backupCheck) * 1000 : defaultBackupCheckMs;
if (!(backupCheckMs === 0 || (backupCheckMs >= 100 && backupCheckMs <= 86_400_000))) {
  console.error(`--backup-check-seconds must be 0 or 0.1 to 86400, got ${backupCheck}`);
  process.exit(2);
}

const lockAfter = values['lock-after-ms'];
const lockAfterMs = lockAfter === undefined ? null : Number(lockAfter);
if (lockAfterMs !== null && !(Number.isInteger(lockAfterMs) && lockAfterMs >= 1000)) {
  console.error(
    `--lock-after-ms must be a whole number of milliseconds, at least 1000, got ${lockAfter}`,
  );
  process.exit(2);
}

const staticDir = resolve(values.static);
let clock: Date | null = fixedNow;
const host = startTerminalHost(
  {
    dataDir: resolve(values.data),
    resourcesDir: resolve(values.resources),
    backups: backupCheckMs === 0 ? false : { intervalMs: backupCheckMs },
    ...(values.server ? { serverUrl: values.server } : {}),
    ...(reportCheckMs ? { reportCheck: { intervalMs: reportCheckMs } } : {}),
    ...(lockAfterMs !== null ? { lockAfterMs } : {}),
    ...(clock ? { now: () => new Date((clock ?? new Date()).getTime()) } : {}),
    // the archive's PDFs: this server's own print page in a headless Chromium (issue 18 part 4)
    sheetPrinter: headlessSheets(
      values.chromium ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      () => server.url,
    ),
  },
  openTerminal,
);
const server = await startWebServer({
  host,
  handlers,
  staticDir: existsSync(staticDir) ? staticDir : null,
  port,
  ...(values['clock-control'] && clock ? { setClock: (now: Date) => (clock = now) } : {}),
});

console.log(`一窗通 web mode: ${server.url}  (data: ${host.dataDir})`);
const problem = host.problem();
if (problem) {
  // the page shows the recovery screen; the console says the same for whoever started it
  console.error(
    `数据库不可用 / database unavailable: ${problem.explanation}\n  文件 / file: ${problem.file}\n  备份 / backups: ${problem.backupsDir}\n  在浏览器中打开上面的地址以恢复备份 / open the address above to restore a backup`,
  );
}
// The last lines a user reads after `npm start`: the accounts to sign in with and how to stop.
// (tests/support/web-terminal.ts reads the address and the accounts in this shape.)
const demoAccounts = host.terminal()?.demoAccounts ?? [];
if (demoAccounts.length > 0) console.log('演示账号 / demo accounts:');
for (const a of demoAccounts) {
  console.log(
    `  demo ${a.role.padEnd(10)} ${a.name}  username: ${a.username}  password: ${a.password}${a.sealPin ? `  seal PIN: ${a.sealPin}` : ''}`,
  );
}
console.log(`在浏览器中打开 ${server.url} ，按 Ctrl+C 停止 / open it in a browser; Ctrl+C stops`);

const shutdown = () => {
  void server.close().then(() => {
    host.close();
    process.exit(0);
  });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
