import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commandLine } from '../node-shared/cli/command-line';
import { buildApp } from './app';
import { s3Backend, s3ConfigFromEnv, type S3Config } from './files/backend';
import { tmpdir } from 'node:os';
import { consolePath } from './console/routes';
import { isValidPasswordCost, passwordCost } from '../node-shared/passwords';
import { fileLogger } from '../node-shared/logs/logger';
import { backupsDirOf, centerTarget, parseKeep, runBackupCommand } from './backup-cli';
import { backupCenter } from './db/backup';
import { checkPostgresBeforeSeed, checkSqliteBeforeOpen, recordCenterStart } from './db/durability';
import { integrityReport, rememberIntegrity } from './db/integrity';
import { startSupervision, supervisionIntervalMs } from './supervision/engine';
import { startRatingPush } from './rating/push';
import { isPostgresUrl, openServerDb } from './db/open';
import { adoptShippedCatalogLaw, seedCenter } from './seed';
import { startSmsSender } from './sms/sender';

// The center server: `npm run server -- --port 7600 --data ./.data/center`, or with
// DATABASE_URL=postgresql://… for PostgreSQL (several processes may share it).
// `npm run server -- backup …` and `npm run server -- restore <file>`: server/backup-cli.ts.

const subcommand = process.argv[2];
if (subcommand === 'backup' || subcommand === 'restore') {
  process.exit(await runBackupCommand(subcommand, process.argv.slice(3)));
}

const usage = `一窗通中心服务 / OneWindow center server

用法 / usage: npm run server -- [options]
              npm run server -- backup [--data <dir>] [--out <dir>] [--keep <n>] [--format export]
              npm run server -- restore <backup file> [--data <dir>]
Database: SQLite in --data, or PostgreSQL when DATABASE_URL=postgresql://… is set.
Material files: <data>/files, or an S3-compatible store when ONEWINDOW_S3_ENDPOINT, _BUCKET,
_ACCESS_KEY and _SECRET_KEY are set (_REGION default us-east-1, _PREFIX default onewindow/files/).

  --port <n>               HTTP port (default 7600)
  --host <addr>            address to listen on (default 127.0.0.1)
  --data <dir>             the center's data folder (default .data/center)
  --now <iso>              a fixed business clock, with offset: 2026-03-02T09:00:00+08:00
  --trust-proxy <addrs>    a reverse proxy's addresses (IPs or CIDR, comma-separated)
  --log-dir <dir>          rotating log files (5 × 5 MB) instead of stdout
  --backup-every <hours>   a backup every so many hours into --backup-out
  --backup-out <dir>       where backups go (default <data>/backups)
  --backup-keep <n>        how many backups are kept (default 7)
  --password-cost <N>      scrypt N for new hashes: tests and demonstrations only
  --console <dir>          the built renderer served at /console/ (default dist/renderer)
  -h, --help               this text`;

const { values } = commandLine(usage, {
  options: {
    port: { type: 'string', default: '7600' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string' },
    // a fixed business clock for demonstrations and tests: --now 2026-03-02T09:00:00+08:00
    now: { type: 'string' },
    // behind a reverse proxy: its address(es), comma-separated (IPs or CIDR), so sign-in
    // failures are counted per client and not all per proxy: --trust-proxy 10.0.0.5
    'trust-proxy': { type: 'string' },
    // part C (issue 15): rotating log files (5 × 5 MB) in this folder instead of stdout
    'log-dir': { type: 'string' },
    // a backup every so many hours (e.g. 24) into --backup-out (default <data>/backups), keeping
    // the newest --backup-keep (default 7)
    'backup-every': { type: 'string' },
    'backup-out': { type: 'string' },
    'backup-keep': { type: 'string' },
    // scrypt's N for the password hashes this center makes (default 2^17, OWASP's minimum). Only
    // the test suites and demonstrations on slow machines lower it; the center says so loudly.
    'password-cost': { type: 'string' },
    // part U (issue 16): the built renderer the browser console at /console/ serves
    console: { type: 'string', default: 'dist/renderer' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a port number, got ${values.port}`);
// The offset is required: a bare local time would be read in this machine's zone.
const fixedNow = values.now ? new Date(values.now) : null;
if (values.now && (!/(Z|[+-]\d{2}:\d{2})$/.test(values.now) || Number.isNaN(fixedNow?.getTime()))) {
  fail(`--now must be an ISO date-time with an offset (e.g. +08:00), got ${values.now}`);
}
const now = fixedNow ? () => new Date(fixedNow.getTime()) : () => new Date();

const passwordCostArg = values['password-cost'];
const chosenCost = passwordCostArg === undefined ? null : Number(passwordCostArg);
if (chosenCost !== null && !isValidPasswordCost(chosenCost))
  fail(`--password-cost must be a power of two from 1024 to 1048576, got ${passwordCostArg}`);
if (chosenCost !== null && chosenCost < passwordCost)
  console.warn(
    `警告：口令散列强度已调低（N=${chosenCost}，默认 ${passwordCost}），仅供测试和演示 / weak password hashing: tests and demonstrations only`,
  );

const databaseUrl = process.env.DATABASE_URL;
const postgres = isPostgresUrl(databaseUrl);
// SQLite needs a folder; with PostgreSQL the folder only receives the first admin password.
const dataDir = values.data ?? (postgres ? undefined : '.data/center');
const backupEveryMs = values['backup-every'] ? Number(values['backup-every']) * 3_600_000 : null;
if (backupEveryMs !== null && !(backupEveryMs >= 1000 && backupEveryMs <= 30 * 86_400_000))
  fail(`--backup-every must be hours between 0.0003 and 720, got ${values['backup-every']}`);

const backupPlan = backupEveryMs ? planBackups() : null;
function planBackups() {
  try {
    const target = centerTarget(dataDir);
    return {
      target,
      outDir: backupsDirOf(target, values['backup-out']),
      keep: parseKeep(values['backup-keep']),
    };
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

// A lost database is never a first start: nothing may open, migrate or seed it (issue 15).
if (!postgres && dataDir) {
  const refused = checkSqliteBeforeOpen(resolve(dataDir));
  if (refused) fail(refused, 3);
}
if (postgres) {
  const probe = await openServerDb({ databaseUrl, migrate: false });
  const refused = await checkPostgresBeforeSeed(
    probe.db,
    dataDir ? resolve(dataDir) : undefined,
  ).finally(() => probe.close());
  if (refused) fail(refused, 3);
}
const handle = await openServerDb({
  ...(postgres ? { databaseUrl } : {}),
  ...(dataDir ? { dataDir: resolve(dataDir) } : {}),
});
const admin = await seedCenter(handle.db, {
  ...(dataDir ? { dataDir: resolve(dataDir) } : {}),
  ...(chosenCost !== null ? { passwordCost: chosenCost } : {}),
  now: now(),
});
if (admin) {
  console.log(
    `初始管理员 / first manager: ${admin.username}  密码 / password: ${admin.password}${admin.file ? `  (${admin.file})` : ''}`,
  );
}

const started = await integrityReport(handle.db, handle.dialect, 'quick', new Date());
rememberIntegrity(handle.db, started);
if (!started.ok) {
  await handle.close();
  fail(`中心数据库已损坏，中心不启动：${started.problems.slice(0, 3).join('；')}`, 3);
}
if (dataDir)
  recordCenterStart(resolve(dataDir), postgres ? 'postgresql' : 'center.sqlite', new Date());

const upgrade = await adoptShippedCatalogLaw(handle.db, { now: now() });
if (upgrade.adopted.length > 0) {
  console.log(
    `事项法律依据已按随程序发布的目录补齐 / item law adopted: ${upgrade.adopted.join(', ')}`,
  );
}
if (upgrade.legacy.length > 0) {
  console.log(
    `请在事项目录中核对以下事项的法定时限单位、依据和有效期 / check the law of: ${upgrade.legacy.join(', ')}`,
  );
}

// issue 18: the materials' files in an S3-compatible store when ONEWINDOW_S3_* say so (secrets in
// the environment, never on the command line); else in <data>/files; else nowhere (PostgreSQL
// without --data), and the files calls say so
let s3: S3Config | null = null;
try {
  s3 = s3ConfigFromEnv(process.env);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const files = s3
  ? s3Backend(s3, dataDir ? join(resolve(dataDir), 'uploads') : join(tmpdir(), 'onewindow-uploads'))
  : undefined;
if (!files && !dataDir) {
  console.warn(
    '警告：未配置材料文件存储（--data 或 ONEWINDOW_S3_*），中心不能接收扫描件 / no place for material files: uploads are refused',
  );
}

const app = buildApp({
  db: handle.db,
  ...(files ? { files } : {}),
  dialect: handle.dialect,
  now,
  ...(values['log-dir']
    ? { loggerInstance: fileLogger({ dir: resolve(values['log-dir']), name: 'center.log' }).log }
    : { logger: { level: 'info' } }),
  ...(dataDir ? { dataDir: resolve(dataDir) } : {}),
  ...(chosenCost !== null ? { passwordCost: chosenCost } : {}),
  ...(values['trust-proxy'] ? { trustProxy: values['trust-proxy'] } : {}),
  consoleDir: resolve(values.console),
});
await app.listen({ port, host: values.host });
const address = app.server.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
console.log(`OneWindow center listening on http://${values.host}:${actualPort}`);
// the address a manager types into a browser (part U, issue 16)
console.log(
  `中心控制台 / center console: http://${values.host}:${actualPort}${consolePath}${existsSync(join(resolve(values.console), 'index.html')) ? '' : '（界面未构建，请先运行 npm run build / not built: run npm run build）'}`,
);
// the supervision rules on a timer: a deadline passes whether or not a window syncs
const stopSupervision = startSupervision(handle.db, now, supervisionIntervalMs, (error) =>
  app.log.error({ err: error }, 'supervision round failed'),
);
// issue 17 part 4: the SMS outbox, emptied by every center process (claims keep them apart)
const stopSmsSender = startSmsSender(handle.db, handle.dialect, now, 15_000, (error) =>
  app.log.error(
    { err: error instanceof Error ? error.message : 'sms round failed' },
    'sms round failed',
  ),
);
// issue 17 part 2: ratings up to the provincial 好差评 system, when the manager configured it
const stopRatingPush = startRatingPush(handle.db, now, 60_000, (error) =>
  app.log.error({ err: error }, 'rating push round failed'),
);
const backupTimer = backupEveryMs && backupPlan ? scheduleBackups(backupEveryMs, backupPlan) : null;

function scheduleBackups(
  everyMs: number,
  { target, outDir, keep }: NonNullable<typeof backupPlan>,
): NodeJS.Timeout {
  const timer = setInterval(() => {
    backupCenter(target, outDir, keep).then(
      (taken) => app.log.info({ file: taken.file }, 'backup written'),
      (error: unknown) => app.log.error({ err: error }, 'backup failed'),
    );
  }, everyMs);
  timer.unref();
  return timer;
}

// /health reports the integrity of the file as it is now, not as it was at start: a disk that
// goes bad under a running center shows within the hour (a quick check reads the whole file,
// so not more often on a large hall's database)
const integrityEveryMs = 60 * 60_000;
const integrityTimer = setInterval(() => {
  integrityReport(handle.db, handle.dialect, 'quick', new Date()).then(
    (report) => {
      rememberIntegrity(handle.db, report);
      if (!report.ok)
        app.log.error({ problems: report.problems }, 'database integrity check failed');
    },
    (error: unknown) => app.log.error({ err: error }, 'database integrity check could not run'),
  );
}, integrityEveryMs);
integrityTimer.unref();

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  stopSupervision();
  stopSmsSender();
  stopRatingPush();
  if (backupTimer) clearInterval(backupTimer);
  clearInterval(integrityTimer);
  // in-flight requests finish (their transactions commit) before the pool closes
  void app
    .close()
    .then(() => handle.close())
    .then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}
