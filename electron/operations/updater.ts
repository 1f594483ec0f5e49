import { crashTokenField } from '../../shared/sync';
import type { Terminal } from '../services/context';
import { openSecret } from '../store/device';
import { getSetting } from '../store/reference';
import { isEnrolled, syncKeys } from '../store/sync-state';

// What main.ts hands electron-updater and Electron's crashReporter (issue 15 points 4, 5): built
// here, in plain Node, so it is tested without Electron. Both speak to the center this terminal
// is enrolled with, identified by its device token; before enrollment there is nobody to ask.

/** electron-updater's generic provider at the center, with the device's credentials. */
export type UpdaterConfig = {
  feed: { provider: 'generic'; url: string };
  requestHeaders: Record<string, string>;
};

function enrolledCenter(t: Terminal): { url: string; token: string } | null {
  const url = getSetting<string>(t.db, syncKeys.server);
  const sealed = getSetting<string>(t.db, syncKeys.deviceToken);
  if (!isEnrolled(t.db) || !url || !sealed) return null;
  return { url: url.replace(/\/+$/, ''), token: openSecret(sealed, t.keyProtector) };
}

export function updaterConfig(t: Terminal): UpdaterConfig | null {
  const center = enrolledCenter(t);
  if (!center) return null;
  return {
    feed: { provider: 'generic', url: `${center.url}/updates/` },
    requestHeaders: { authorization: `Bearer ${center.token}` },
  };
}

/** Electron's crashReporter.start options: uploads to the center, the token as an extra field. */
export type CrashReporterConfig = {
  submitURL: string;
  productName: string;
  companyName: string;
  uploadToServer: true;
  compress: true;
  globalExtra: Record<string, string>;
};

export function crashReporterConfig(t: Terminal): CrashReporterConfig | null {
  const center = enrolledCenter(t);
  if (!center) return null;
  return {
    submitURL: `${center.url}/crash-reports`,
    productName: 'OneWindow',
    companyName: 'OneWindow',
    uploadToServer: true,
    compress: true,
    globalExtra: { [crashTokenField]: center.token, appVersion: t.appVersion },
  };
}
