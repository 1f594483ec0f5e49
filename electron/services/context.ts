import type { SyncStatus } from '../../shared/api';
import type { Calendar, Thresholds } from '../../shared/calendar';
import type { Db } from '../store/db';
import type { Device, KeyProtector } from '../store/device';
import type { DemoAccount } from './demo';
import type { LoginThrottle, Sessions } from './sessions';
import type { Logger } from '../../node-shared/logs/logger';
import type { SheetPrinter } from '../print/sheet-printer';

// The context every service, handler and sync step is given. Its own file, apart from
// openTerminal (terminal.ts), which imports the sync engine and the services that take this
// context: were the type there, every service would sit in one import cycle with all of them.

/** What the API and the tests ask of the sync engine (electron/sync/engine.ts). */
export type SyncControl = {
  /** One round now (or right after the running one); resolves with the status after it. */
  syncNow(): Promise<SyncStatus>;
  status(): SyncStatus;
  /**
   * Whether this terminal talks to the center of its own accord; false: only when asked (tests,
   * a read-only database), and then nothing else here calls the center in the background either.
   */
  readonly background: boolean;
};

/** Everything behind the API, opened once per process: main.ts, web mode and tests share it. */
export type Terminal = {
  readonly dataDir: string;
  readonly db: Db;
  /**
   * null, or what quick_check found in a damaged database that opened read-only: every write
   * is refused, reads still answer (issue 15 point 2)
   */
  readonly damage: readonly string[] | null;
  /** the key every new event is signed with; replaced once, by enrollment */
  readonly device: Device;
  /** seals secrets at rest (device key, sync token); null in web mode and tests */
  readonly keyProtector: KeyProtector | null;
  readonly sessions: Sessions;
  readonly logins: LoginThrottle;
  readonly now: () => Date;
  readonly demoAccounts: readonly DemoAccount[];
  readonly sync: SyncControl;
  /** part C (issue 15): the program's version, and the rotating log in <dataDir>/logs/ */
  readonly appVersion: string;
  readonly log: Logger;
  /** issue 18 part 4: prints the archive's notices and decisions; null where no Chromium is at hand */
  readonly sheetPrinter: SheetPrinter | null;
  /**
   * After an enrollment committed: sign as the device the center registered, offer no demo
   * accounts, and start syncing.
   */
  enrolledAs(device: Device): void;
  centerName(): string;
  thresholds(): Thresholds;
  /** The calendar new cases pin. */
  currentCalendar(): Calendar;
  /** The calendar a case pinned at receipt: a later calendar change never moves its deadlines. */
  calendar(version: string): Calendar;
  close(): void;
  /** resolves when the backup under way (if any) has ended: tests, and a restore */
  backupsIdle(): Promise<void>;
};
