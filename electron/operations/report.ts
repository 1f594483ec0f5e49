import { deviceReportHeader, encodeDeviceReport, type DeviceReport } from '../../shared/sync';
import type { Terminal } from '../services/context';
import { boundWindow, getSetting } from '../store/reference';
import { queueCounts, syncKeys } from '../store/sync-state';
import { quickCheck } from './integrity';

// What the terminal tells the center of itself on every request (issue 15 point 5): the center's
// dashboard of PCs shows it. The integrity check runs once per process (it reads the whole
// file); the rest is read fresh for each request.

const integrityOf = new WeakMap<Terminal, string>();

export function integrityOnce(t: Terminal): string {
  let result = integrityOf.get(t);
  if (result === undefined) {
    result = quickCheck(t.db);
    integrityOf.set(t, result);
  }
  return result;
}

export function deviceReport(t: Terminal): DeviceReport {
  const window = boundWindow(t.db);
  return {
    appVersion: t.appVersion,
    pending: queueCounts(t.db, t.device.id, window?.department_code ?? null).pending,
    lastError: getSetting<string | null>(t.db, syncKeys.lastError) ?? null,
    integrity: integrityOnce(t),
  };
}

export function reportHeaders(t: Terminal): () => Record<string, string> {
  return () => ({ [deviceReportHeader]: encodeDeviceReport(deviceReport(t)) });
}
