import { describe, expect, it } from 'vitest';
import {
  choosePrintRoute,
  chooseTestPageRoute,
  defaultPrintSettings,
  printerOffline,
  printKinds,
  printRequestSchema,
  printSettingsSchema,
  readPrintSettings,
  type PrinterSeen,
  type PrintSettings,
} from './routing';

const printer = (name: string, options: Record<string, string> = {}, displayName = name) => ({
  name,
  displayName,
  options,
});

const settings = (targets: Partial<PrintSettings['targets']>): PrintSettings => ({
  targets: { ...defaultPrintSettings.targets, ...targets },
});

describe('choosePrintRoute', () => {
  const hall: PrinterSeen[] = [
    printer('HP_LaserJet_M404', { 'printer-state': '3', 'printer-is-accepting-jobs': 'true' }),
    printer('Kyocera_Notices', {}, '窗口2 京瓷'),
    printer('Stopped', { 'printer-state': '5' }),
  ];

  it('sends a kind straight to its chosen printer with its copies', () => {
    const s = settings({ acceptance: { printer: 'HP_LaserJet_M404', copies: 2 } });
    expect(choosePrintRoute(s, 'acceptance', hall)).toEqual({
      route: 'printer',
      deviceName: 'HP_LaserJet_M404',
      copies: 2,
    });
  });

  it('matches the name the control panel shows, and prints to the OS name', () => {
    const s = settings({ notice: { printer: '窗口2 京瓷', copies: 1 } });
    expect(choosePrintRoute(s, 'notice', hall)).toMatchObject({ deviceName: 'Kyocera_Notices' });
  });

  it('falls back to the PDF path, saying why, in each other case', () => {
    const s = settings({
      decision: { printer: 'Gone', copies: 1 },
      certificate: { printer: 'Stopped', copies: 1 },
      acceptance: { printer: 'HP_LaserJet_M404', copies: 1 },
    });
    expect(choosePrintRoute(s, 'refusal', hall)).toMatchObject({ reason: 'noPrinterChosen' });
    expect(choosePrintRoute(s, 'decision', hall)).toMatchObject({ reason: 'printerMissing' });
    expect(choosePrintRoute(s, 'certificate', hall)).toMatchObject({ reason: 'printerOffline' });
    // web mode: a browser cannot print silently, whatever the settings say
    expect(choosePrintRoute(s, 'acceptance', null)).toMatchObject({ reason: 'webMode' });
  });

  it('reads CUPS offline marks; a Windows printer without them counts as there', () => {
    expect(printerOffline(printer('a', { 'printer-is-accepting-jobs': 'false' }))).toBe(true);
    expect(printerOffline(printer('a', { 'printer-state-reasons': 'none,offline-report' }))).toBe(
      true,
    );
    expect(printerOffline(printer('a', { 'printer-state-reasons': 'paused' }))).toBe(true);
    expect(printerOffline(printer('a', { 'printer-state-reasons': 'toner-low' }))).toBe(false);
    expect(printerOffline(printer('a'))).toBe(false);
  });

  it('prints a test page to the printer it names, one copy', () => {
    expect(chooseTestPageRoute('Kyocera_Notices', hall)).toEqual({
      route: 'printer',
      deviceName: 'Kyocera_Notices',
      copies: 1,
    });
    expect(chooseTestPageRoute('Gone', hall)).toMatchObject({ reason: 'printerMissing' });
  });
});

describe('print settings', () => {
  it('refuses copies out of 1..9, fractions and control characters in a name', () => {
    const bad = (target: unknown) =>
      printSettingsSchema.safeParse({
        targets: { ...defaultPrintSettings.targets, acceptance: target },
      }).success;
    expect(bad({ printer: 'HP', copies: 0 })).toBe(false);
    expect(bad({ printer: 'HP', copies: 10 })).toBe(false);
    expect(bad({ printer: 'HP', copies: 1.5 })).toBe(false);
    expect(bad({ printer: 'HP\u0007', copies: 1 })).toBe(false);
    expect(bad({ printer: '\\\\print-srv\\窗口打印机', copies: 3 })).toBe(true);
  });

  it('reads stored settings leniently: a damaged or unknown entry costs that kind alone', () => {
    const stored = {
      targets: { acceptance: { printer: 'HP', copies: 2 }, notice: { copies: 'x' }, other: 1 },
    };
    const read = readPrintSettings(stored);
    expect(read.targets.acceptance).toEqual({ printer: 'HP', copies: 2 });
    expect(read.targets.notice).toEqual({ printer: '', copies: 1 });
    expect(Object.keys(read.targets)).toEqual([...printKinds]);
    expect(readPrintSettings(undefined)).toEqual(defaultPrintSettings);
    expect(readPrintSettings('garbage')).toEqual(defaultPrintSettings);
  });

  it('takes a print request naming a kind or a printer for the test page, nothing else', () => {
    expect(printRequestSchema.safeParse({ kind: 'acceptance' }).success).toBe(true);
    expect(printRequestSchema.safeParse({ testPage: 'HP' }).success).toBe(true);
    expect(printRequestSchema.safeParse({ testPage: '' }).success).toBe(false);
    expect(printRequestSchema.safeParse({ kind: 'rm -rf' }).success).toBe(false);
    expect(printRequestSchema.safeParse('acceptance').success).toBe(false);
  });
});
