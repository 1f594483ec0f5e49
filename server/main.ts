import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from './app';
import { fileLogger } from '../node-shared/logs/logger';
import { startSupervision, supervisionIntervalMs } from './supervision/engine';
import { isPostgresUrl, openServerDb } from './db/open';
import { adoptShippedCatalogLaw, seedCenter } from './seed';

// The center server: `npm run server -- --port 7600 --data ./.data/center`, or with
// DATABASE_URL=postgresql://… for PostgreSQL (several processes may share it).

const { values } = parseArgs({
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

const databaseUrl = process.env.DATABASE_URL;
const postgres = isPostgresUrl(databaseUrl);
// SQLite needs a folder; with PostgreSQL the folder only receives the first admin password.
const dataDir = values.data ?? (postgres ? undefined : '.data/center');
const handle = await openServerDb({
  ...(postgres ? { databaseUrl } : {}),
  ...(dataDir ? { dataDir: resolve(dataDir) } : {}),
});
const admin = await seedCenter(handle.db, {
  ...(dataDir ? { dataDir: resolve(dataDir) } : {}),
  now: now(),
});
if (admin) {
  console.log(
    `初始管理员 / first manager: ${admin.username}  密码 / password: ${admin.password}${admin.file ? `  (${admin.file})` : ''}`,
  );
}

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

const app = buildApp({
  db: handle.db,
  dialect: handle.dialect,
  now,
  ...(values['log-dir']
    ? { loggerInstance: fileLogger({ dir: resolve(values['log-dir']), name: 'center.log' }).log }
    : { logger: { level: 'info' } }),
  ...(dataDir ? { dataDir: resolve(dataDir) } : {}),
  ...(values['trust-proxy'] ? { trustProxy: values['trust-proxy'] } : {}),
});
await app.listen({ port, host: values.host });
const address = app.server.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
console.log(`OneWindow center listening on http://${values.host}:${actualPort}`);
// the supervision rules on a timer: a deadline passes whether or not a window syncs
const stopSupervision = startSupervision(handle.db, now, supervisionIntervalMs, (error) =>
  app.log.error({ err: error }, 'supervision round failed'),
);

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  stopSupervision();
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

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
