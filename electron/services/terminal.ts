import { dropUnattachedFiles } from './attachments';
import { join } from 'node:path';
import { privateDir } from '../../node-shared/durability/file-modes';
import {
  createCalendar,
  defaultThresholds,
  officialCalendarData,
  type Calendar,
  type OfficialYear,
  type Thresholds,
} from '../../shared/calendar';
import { refreshProjectionVersion } from '../projections/cases';
import { openDatabase, openDatabaseReadOnly, type Db } from '../store/db';
import {
  assessDatabase,
  backupsDir,
  databaseFile,
  DatabaseUnavailable,
  recordStart,
} from '../store/durability';
import { startBackups, type BackupOptions } from './backups';
import { loadOrCreateDevice, type KeyProtector } from '../store/device';
import {
  getSetting,
  loadCalendarVersion,
  saveCalendarVersion,
  setSetting,
} from '../store/reference';
import { isEnrolled, syncKeys } from '../store/sync-state';
import { defaultSyncIntervalMs, SyncEngine, type SyncOptions } from '../sync/engine';
import { adoptShippedLawInDemo, adoptShippedPhrasesInDemo, seedDemo } from './demo';
import {
  defaultReportCheckMs,
  startReportChecks,
  type ReportCheckOptions,
} from './scheduled-report';
import type { Terminal } from './context';
import type { SheetPrinter } from '../print/sheet-printer';
import { LoginThrottle, Sessions } from './sessions';
import { idleMinutes } from './screen-lock';
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
  /**
   * rolling local backups (a day apart, the last 7); web mode and Electron turn them on, tests
   * that do not test them leave them off (default false)
   */
  backups?: BackupOptions;
  /**
   * part S of issue 16: the screen lock's idle time in milliseconds, replacing the manager's
   * minutes. For end-to-end tests only (web mode --lock-after-ms): the product sets 1–60 minutes.
   */
  lockAfterMs?: number;
  /** issue 18 part 4: how the case archive prints its documents (Electron: hidden windows) */
  sheetPrinter?: SheetPrinter;
};

/**
 * Opens the terminal on its data folder. Throws DatabaseUnavailable when the database of a PC
 * that started before is gone, empty, truncated or unreadable (the caller shows the recovery
 * screen); a damaged but readable one opens read-only (`damage` says what quick_check found).
 */
export function openTerminal(opts: TerminalOptions): Terminal {
  privateDir(opts.dataDir);
  const start = assessDatabase(opts.dataDir);
  if (start.mode === 'readOnly') return openReadOnly(opts, start.problems);
  const db = openDatabase(databaseFile(opts.dataDir));
  const keyProtector = opts.keyProtector ?? null;
  let device = loadOrCreateDevice(db, keyProtector);
  recordStart(opts.dataDir, db, device.id, new Date());

  // The official tables ship inside the program; when an update brings a new year's table the
  // content hash changes, a new version is stored, and only cases received from now on use it.
  const official = officialCalendar(db);
  saveCalendarVersion(db, official.version, official.data);

  if (opts.serverUrl) setSetting(db, syncKeys.server, opts.serverUrl);

  // An enrolled terminal gets its staff from the center: an empty staff table means the first
  // pull has not come yet, not a fresh demo.
  let demoAccounts =
    opts.demo === false || isEnrolled(db)
      ? []
      : seedDemo(db, opts.resourcesDir, opts.dataDir, keyProtector);
  // an enrolled PC takes the items' law from the center's catalog at its next pull
  if (!isEnrolled(db)) {
    adoptShippedLawInDemo(db, opts.resourcesDir);
    adoptShippedPhrasesInDemo(db, opts.resourcesDir);
  }

  const { shared, logFile } = openedOn(opts, db, 'terminal started');
  // issue 18: a scan no case named within a week does not stay on the PC
  dropUnattachedFiles(db, opts.dataDir, shared.now());

  const terminal: Terminal = {
    ...shared,
    damage: null,
    get device() {
      return device;
    },
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
    ...settingsOf(db, official, () => terminal),
    calendar: calendarsOf(db, official),
    close() {
      // a second close (a test's cleanup after a restore closed it) has nothing left to do
      if (!db.open) return;
      backups.close();
      reportChecks.close();
      engine.close();
      // a clean close records how much the database held, for the recovery screen to compare
      recordStart(opts.dataDir, db, device.id, new Date());
      db.close();
      shared.log.info('terminal closed');
      logFile.close();
    },
    backupsIdle: () => backups.idle(),
  };
  refreshProjectionVersion(terminal);
  const engine = new SyncEngine(terminal, opts.sync ?? { intervalMs: defaultSyncIntervalMs });
  engine.start();
  const reportChecks = startReportChecks(
    terminal,
    opts.reportCheck ?? { intervalMs: defaultReportCheckMs },
  );
  const backups = startBackups(terminal, opts.backups ?? false);
  return terminal;
}

/**
 * What a writable and a read-only terminal share: the folder, the database, the program's version,
 * the size-capped rotating logs in <dataDir>/logs/ (opened with the database, `event` their first
 * line), sign-in state and the business clock. Security timers (sessions, sign-in throttle) run on
 * the real clock even when the business clock is fixed (--now).
 */
function openedOn(opts: TerminalOptions, db: Db, event: string) {
  const appVersion = opts.appVersion ?? readAppVersion(opts.resourcesDir);
  const logs = fileLogger({ dir: join(opts.dataDir, 'logs'), name: terminalLogName });
  logs.log.info({ appVersion, node: process.versions.node }, event);
  return {
    logFile: logs.file,
    shared: {
      dataDir: opts.dataDir,
      db,
      appVersion,
      log: logs.log,
      keyProtector: opts.keyProtector ?? null,
      sessions: new Sessions(Date.now, () => opts.lockAfterMs ?? idleMinutes(db) * 60_000),
      logins: new LoginThrottle(),
      now: opts.now ?? (() => new Date()),
      sheetPrinter: opts.sheetPrinter ?? null,
    },
  };
}

/**
 * A damaged database that can be read: cases can be looked up and printed, nothing is written —
 * no seed, no migration, no sync (a pull would write), no scheduled report, no backup (a backup
 * of a damaged file is no backup).
 */
function openReadOnly(opts: TerminalOptions, problems: string[]): Terminal {
  const file = databaseFile(opts.dataDir);
  const db = openDatabaseReadOnly(file);
  const keyProtector = opts.keyProtector ?? null;
  let device;
  let official;
  try {
    device = loadOrCreateDevice(db, keyProtector);
    official = officialCalendar(db);
  } catch (error) {
    db.close();
    // not even the device or the settings can be read: nothing to show read-only
    throw new DatabaseUnavailable({
      kind: 'unreadable',
      explanation: `数据库文件已损坏，无法读取：${error instanceof Error ? error.message : String(error)}`,
      file,
      backupsDir: backupsDir(opts.dataDir),
      firstStartedAt: null,
      deviceId: null,
    });
  }
  const refuse = (): never => {
    throw Object.assign(new Error('read-only database'), { code: 'SQLITE_READONLY' });
  };
  const { shared, logFile } = openedOn(opts, db, 'terminal started read-only: database damaged');
  const terminal: Terminal = {
    ...shared,
    damage: problems,
    device,
    demoAccounts: [],
    sync: {
      syncNow: () => Promise.resolve(refuse()),
      status: () => engine.status(),
      background: false,
    },
    enrolledAs: refuse,
    ...settingsOf(db, official, () => terminal),
    calendar: calendarsOf(db, official),
    close() {
      if (!db.open) return;
      engine.close();
      db.close();
      logFile.close();
    },
    backupsIdle: () => Promise.resolve(),
  };
  // never started: only its status() is asked for
  const engine = new SyncEngine(terminal, false);
  return terminal;
}

function officialCalendar(db: Db): Calendar {
  const closures = getSetting<{ date: string; reason: string }[]>(db, 'calendar.closures') ?? [];
  // the years' tables the center's manager entered, as the last pull brought them (issue 14)
  const published = getSetting<Record<string, OfficialYear>>(db, 'calendar.published') ?? {};
  return createCalendar(officialCalendarData(closures, published));
}

/** The calendars cases pinned, read once each from the database. */
function calendarsOf(db: Db, official: Calendar): (version: string) => Calendar {
  const calendars = new Map<string, Calendar>([[official.version, official]]);
  return (version) => {
    let cal = calendars.get(version);
    if (!cal) {
      const data = loadCalendarVersion(db, version);
      if (!data) throw new Error(`日历版本 ${version} 不在本机：请与中心同步`);
      cal = createCalendar(data);
      calendars.set(version, cal);
    }
    return cal;
  };
}

function settingsOf(
  db: Db,
  official: Calendar,
  terminal: () => Terminal,
): Pick<Terminal, 'centerName' | 'thresholds' | 'currentCalendar'> {
  return {
    centerName: () => getSetting<string>(db, 'center.name') ?? '行政服务中心',
    thresholds: () => getSetting<Thresholds>(db, 'clock.thresholds') ?? defaultThresholds,
    // a pulled calendar becomes current for new cases without a restart
    currentCalendar: () =>
      terminal().calendar(getSetting<string>(db, 'calendar.current') ?? official.version),
  };
}
