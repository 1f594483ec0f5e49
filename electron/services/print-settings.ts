import type { CallOutput, ParsedInput } from '../../shared/api';
import { readPrintSettings, type PrintSettings } from '../../shared/print/routing';
import { getSetting, setSetting } from '../store/reference';
import type { Terminal } from './context';

// The window's printers per document kind live in the terminal's settings table under one key:
// a key/value is all it needs, so no migration.
const printSettingsKey = 'print.settings';

export function readWindowPrintSettings(t: Terminal): PrintSettings {
  return readPrintSettings(getSetting<unknown>(t.db, printSettingsKey));
}

export function getPrintSettings(t: Terminal): CallOutput<'print.settings.get'> {
  return readWindowPrintSettings(t);
}

export function setPrintSettings(
  t: Terminal,
  input: ParsedInput<'print.settings.set'>,
): CallOutput<'print.settings.set'> {
  setSetting(t.db, printSettingsKey, input);
  return readWindowPrintSettings(t);
}
