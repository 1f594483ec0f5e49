import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  createCalendar,
  defaultThresholds,
  officialCalendarData,
  type Calendar,
  type OfficialYear,
  type Thresholds,
} from '../../shared/calendar';
import { refreshProjectionVersion } from '../projections/cases';
import { openDatabase } from '../store/db';
import { loadOrCreateDevice, type KeyProtector } from '../store/device';
import {
  getSetting,
  loadCalendarVersion,
  saveCalendarVersion,
  setSetting,
} from '../store/reference';
import { isEnrolled, syncKeys } from '../store/sync-state';
import { defaultSyncIntervalMs, SyncEngine, type SyncOptions } from '../sync/engine';
import { adoptShippedLawInDemo, seedDemo } from './demo';
import {
  defaultReportCheckMs,
  startReportChecks,
  type ReportCheckOptions,
} from './scheduled-report';
import type { Terminal } from './context';
import { LoginThrottle, Sessions } from './sessions';
import { fileLogger } from '../../node-shared/logs/logger';
import { readAppVersion } from '../operations/app-version';
import { terminalLogName } from '../operations/logs';

export type TerminalOptions = {
  dataDir: string;
  resourcesDir: string;
  now?: () => Date;
  /** false for a terminal that gets its reference data from the center */
  demo?: boolean;
  /** seals the device key at rest (Electron's safeStorage); web mode and tests have none */
  keyProtector?: KeyProtector;
  /** background sync with the center once enrolled; false: only on demand (tests) */
  sync?: SyncOptions;
  /** the center's address, replacing the stored one (web mode --server) */
  serverUrl?: string;
  /** how often the scheduled daily report is looked at; false: only when a test asks */
  reportCheck?: ReportCheckOptions;
  /** part C (issue 15): the program's version (Electron: app.getVersion()); else package.json's */
  appVersion?: string;
};

export function openTerminal(opts: TerminalOptions): Terminal {
  mkdirSync(opts.dataDir, { recursive: true });
  const db = openDatabase(join(opts.dataDir, 'terminal.sqlite'));
  const keyProtector = opts.keyProtector ?? null;
  let device = loadOrCreateDevice(db, keyProtector);
  const now = opts.now ?? (() => new Date());

  // The official tables ship inside the program; when an update brings a new year's table the
  // content hash changes, a new version is stored, and only cases received from now on use it.
  const closures = getSetting<{ date: string; reason: string }[]>(db, 'calendar.closures') ?? [];
  // the years' tables the center's manager entered, as the last pull brought them (issue 14)
  const published = getSetting<Record<string, OfficialYear>>(db, 'calendar.published') ?? {};
  const official = createCalendar(officialCalendarData(closures, published));
  saveCalendarVersion(db, official.version, official.data);

  if (opts.serverUrl) setSetting(db, syncKeys.server, opts.serverUrl);

  // An enrolled terminal gets its staff from the center: an empty staff table means the first
  // pull has not come yet, not a fresh demo.
  let demoAccounts =
    opts.demo === false || isEnrolled(db)
      ? []
      : seedDemo(db, opts.resourcesDir, opts.dataDir, keyProtector);
  // an enrolled PC takes the items' law from the center's catalog at its next pull
  if (!isEnrolled(db)) adoptShippedLawInDemo(db, opts.resourcesDir);
  const calendars = new Map<string, Calendar>([[official.version, official]]);

  // part C (issue 15): size-capped rotating logs in <dataDir>/logs/
  const appVersion = opts.appVersion ?? readAppVersion(opts.resourcesDir);
  const logs = fileLogger({ dir: join(opts.dataDir, 'logs'), name: terminalLogName });
  logs.log.info({ appVersion, node: process.versions.node }, 'terminal started');

  const terminal: Terminal = {
    dataDir: opts.dataDir,
    db,
    appVersion,
    log: logs.log,
    get device() {
      return device;
    },
    keyProtector,
    // Security timers run on the real clock even when the business clock is fixed (--now).
    sessions: new Sessions(),
    logins: new LoginThrottle(),
    now,
    get demoAccounts() {
      return demoAccounts;
    },
    get sync() {
      return engine;
    },
    enrolledAs(enrolled) {
      device = enrolled;
      demoAccounts = [];
      engine.start();
    },
    centerName: () => getSetting<string>(db, 'center.name') ?? '行政服务中心',
    thresholds: () => getSetting<Thresholds>(db, 'clock.thresholds') ?? defaultThresholds,
    // a pulled calendar becomes current for new cases without a restart
    currentCalendar: () =>
      terminal.calendar(getSetting<string>(db, 'calendar.current') ?? official.version),
    calendar(version) {
      let cal = calendars.get(version);
      if (!cal) {
        const data = loadCalendarVersion(db, version);
        if (!data) throw new Error(`日历版本 ${version} 不在本机：请与中心同步`);
        cal = createCalendar(data);
        calendars.set(version, cal);
      }
      return cal;
    },
    close() {
      reportChecks.close();
      engine.close();
      db.close();
      logs.log.info('terminal closed');
      logs.file.close();
    },
  };
  refreshProjectionVersion(terminal);
  const engine = new SyncEngine(terminal, opts.sync ?? { intervalMs: defaultSyncIntervalMs });
  engine.start();
  const reportChecks = startReportChecks(
    terminal,
    opts.reportCheck ?? { intervalMs: defaultReportCheckMs },
  );
  return terminal;
}
