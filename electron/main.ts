import {
  app,
  BrowserWindow,
  crashReporter,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
} from 'electron';
import { autoUpdater } from 'electron-updater';
import { join } from 'node:path';
import { handlers } from './api/handlers';
import { appIndexUrl, appOrigin, appScheme, isAppPage, serveAppRequest } from './app-protocol';
import { bindIpc } from './ipc';
import { keyProtection } from './key-protection';
import { bindDirectPrint } from './print/bind-direct';
import { bindPrintToPdf } from './print/pdf';
import { windowSheets } from './print/window-sheets';
import { openRatingDisplay } from './rating-display';
import { cameraCheckAllowed, cameraRequestAllowed, contentSecurityPolicy } from './security';
import { defaultBackupCheckMs } from './services/backups';
import { startTerminalHost } from './services/host';
import { openTerminal } from './services/terminal';
import { ratingDeviceUrl } from './services/rating-device';
import { crashReporterConfig, updaterConfig } from './operations/updater';
import type { Terminal } from './services/context';

// Kept thin on purpose: everything behind the window is plain Node, tested without Electron.

// resources/ is packed inside the app archive (read-only data), so it sits beside dist/ both in
// development and when packaged.
const appRoot = app.getAppPath();
const resourcesDir = join(appRoot, 'resources');
const rendererRoot = join(appRoot, 'dist', 'renderer');

// app:// must be privileged before ready: standard (real origin, relative URLs), secure (so
// 'self' and secure-context APIs hold), fetch for the page's own files. No CORS, no service worker.
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: '一窗通 OneWindow',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // a hall PC is used by the public's side of the counter too: no inspector in production
      devTools: !app.isPackaged,
    },
  });
  // The window shows the app and nothing else: no pop-ups, no navigation away from index.html.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayHome = (event: Electron.Event, url: string) => {
    if (!isAppPage(url)) event.preventDefault();
  };
  win.webContents.on('will-navigate', stayHome);
  win.webContents.on('will-redirect', stayHome);
  if (app.isPackaged) win.webContents.on('devtools-opened', () => win.webContents.closeDevTools());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appIndexUrl);
}

/**
 * Part C (issue 15): updates from the center this PC is enrolled with (electron-updater's generic
 * provider, the device token in each request), downloaded in the background and installed when
 * the program quits. Looked up again each hour: the PC may enroll, or the center move, meanwhile.
 */
function watchUpdates(current: () => Terminal | null): void {
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  const check = () => {
    // none while the database is lost (the recovery screen): nothing to update from
    const terminal = current();
    if (!terminal) return;
    autoUpdater.logger = terminal.log;
    const config = updaterConfig(terminal);
    if (!config) return;
    autoUpdater.setFeedURL(config.feed);
    autoUpdater.requestHeaders = config.requestHeaders;
    autoUpdater.checkForUpdates().catch((error: unknown) => {
      terminal.log.warn({ err: error }, 'update check failed');
    });
  };
  check();
  setInterval(check, 60 * 60_000).unref();
}

// One terminal process per PC: two would fight over the same database and demo seed.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();
app.on('second-instance', () => {
  const [win] = BrowserWindow.getAllWindows();
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

void app.whenReady().then(() => {
  if (!firstInstance) return;
  // No default menu: its Reload would drop the in-memory session mid-intake, its View menu
  // opens devtools; the app's own toolbar has every action.
  Menu.setApplicationMenu(null);
  protocol.handle(appScheme, async (request) => {
    const r = await serveAppRequest(rendererRoot, request.url, contentSecurityPolicy);
    return new Response(r.body ? new Uint8Array(r.body) : null, {
      status: r.status,
      headers: r.headers,
    });
  });
  // app:// answers carry the CSP themselves; this covers anything else the session might load.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    });
  });
  // Nothing but the document camera is granted, and nothing else reports as granted: the check
  // handler answers the queries (navigator.permissions, clipboard, device labels…) the request
  // handler never sees.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(cameraRequestAllowed(permission, details, appOrigin)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission, origin, details) =>
    cameraCheckAllowed(permission, origin, details, appOrigin),
  );
  const protection = keyProtection({
    platform: process.platform,
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    backend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  });
  if (protection.warning) console.warn(protection.warning);
  // a lost database starts the recovery screen instead of the terminal (issue 15 part B)
  const host = startTerminalHost(
    {
      dataDir: app.getPath('userData'),
      resourcesDir,
      appVersion: app.getVersion(),
      backups: { intervalMs: defaultBackupCheckMs },
      ...(protection.protector ? { keyProtector: protection.protector } : {}),
      sheetPrinter: windowSheets(appIndexUrl, join(__dirname, 'preload.cjs')),
    },
    openTerminal,
  );
  // crashes of the main and renderer processes go to the center (once enrolled: it needs the token)
  const started = host.terminal();
  const crashes = started ? crashReporterConfig(started) : null;
  if (crashes) crashReporter.start(crashes);
  if (app.isPackaged) watchUpdates(() => host.terminal());
  for (const a of started?.demoAccounts ?? [])
    console.log(`demo ${a.role}: ${a.username} / ${a.password}`);
  bindIpc(ipcMain, host, handlers, appIndexUrl);
  bindPrintToPdf(ipcMain, appIndexUrl, app.getPath('documents'));
  bindDirectPrint(ipcMain, appIndexUrl, () => host.terminal());
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  createWindow();
  // issue 17 part 2: the applicant's rating device on a second display, when there is one
  const rating = started ? ratingDeviceUrl(started) : null;
  if (rating) openRatingDisplay(rating);
  app.on('window-all-closed', () => {
    host.close();
    app.quit();
  });
});
