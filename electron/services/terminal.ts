import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  createCalendar,
  defaultThresholds,
  officialCalendarData,
  type Calendar,
  type Thresholds,
} from '../../shared/calendar';
import { openDatabase, type Db } from '../store/db';
import { loadOrCreateDevice, type Device, type KeyProtector } from '../store/device';
import { getSetting, loadCalendarVersion, saveCalendarVersion } from '../store/reference';
import { seedDemo, type DemoAccount } from './demo';
import { LoginThrottle, Sessions } from './sessions';

/** Everything behind the API, opened once per process: main.ts, web mode and tests share it. */
export type Terminal = {
  readonly dataDir: string;
  readonly db: Db;
  readonly device: Device;
  readonly sessions: Sessions;
  readonly logins: LoginThrottle;
  readonly now: () => Date;
  readonly demoAccounts: DemoAccount[];
  centerName(): string;
  thresholds(): Thresholds;
  /** The calendar new cases pin. */
  currentCalendar(): Calendar;
  /** The calendar a case pinned at receipt: a later calendar change never moves its deadlines. */
  calendar(version: string): Calendar;
  close(): void;
};

export type TerminalOptions = {
  dataDir: string;
  resourcesDir: string;
  now?: () => Date;
  /** false for a terminal that gets its reference data from the center */
  demo?: boolean;
  /** seals the device key at rest (Electron's safeStorage); web mode and tests have none */
  keyProtector?: KeyProtector;
};

export function openTerminal(opts: TerminalOptions): Terminal {
  mkdirSync(opts.dataDir, { recursive: true });
  const db = openDatabase(join(opts.dataDir, 'terminal.sqlite'));
  const device = loadOrCreateDevice(db, opts.keyProtector ?? null);
  const now = opts.now ?? (() => new Date());

  // The official tables ship inside the program; when an update brings a new year's table the
  // content hash changes, a new version is stored, and only cases received from now on use it.
  const closures = getSetting<{ date: string; reason: string }[]>(db, 'calendar.closures') ?? [];
  const official = createCalendar(officialCalendarData(closures));
  saveCalendarVersion(db, official.version, official.data);

  const demoAccounts = opts.demo === false ? [] : seedDemo(db, opts.resourcesDir, opts.dataDir);
  const calendars = new Map<string, Calendar>([[official.version, official]]);

  return {
    dataDir: opts.dataDir,
    db,
    device,
    // Security timers run on the real clock even when the business clock is fixed (--now).
    sessions: new Sessions(),
    logins: new LoginThrottle(),
    now,
    demoAccounts,
    centerName: () => getSetting<string>(db, 'center.name') ?? '行政服务中心',
    thresholds: () => getSetting<Thresholds>(db, 'clock.thresholds') ?? defaultThresholds,
    currentCalendar: () => official,
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
    close: () => db.close(),
  };
}
