import { app, BrowserWindow, crashReporter, ipcMain, safeStorage, session } from 'electron';
import { autoUpdater } from 'electron-updater';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { handlers } from './api/handlers';
import { bindIpc } from './ipc';
import { bindPrintToPdf } from './print/pdf';
import { contentSecurityPolicy } from './security';
import { openTerminal } from './services/terminal';
import { crashReporterConfig, updaterConfig } from './operations/updater';
import type { Terminal } from './services/context';

// Kept thin on purpose: everything behind the window is plain Node, tested without Electron.

// resources/ is packed inside the app archive (read-only data), so it sits beside dist/ both in
// development and when packaged.
const appRoot = app.getAppPath();
const resourcesDir = join(appRoot, 'resources');
const rendererIndex = join(appRoot, 'dist', 'renderer', 'index.html');

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: '一窗通 OneWindow',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  // The window shows the app and nothing else: no pop-ups, no navigation away from index.html.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const appUrl = pathToFileURL(rendererIndex).href;
  const stayHome = (event: Electron.Event, url: string) => {
    if (url.split('#')[0] !== appUrl) event.preventDefault();
  };
  win.webContents.on('will-navigate', stayHome);
  win.webContents.on('will-redirect', stayHome);
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex);
}

/**
 * Part C (issue 15): updates from the center this PC is enrolled with (electron-updater's generic
 * provider, the device token in each request), downloaded in the background and installed when
 * the program quits. Looked up again each hour: the PC may enroll, or the center move, meanwhile.
 */
function watchUpdates(terminal: Terminal): void {
  autoUpdater.logger = terminal.log;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  const check = () => {
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
  // file:// pages carry their CSP in a <meta> tag (added by the build); this header covers
  // anything else the session might load.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  const terminal = openTerminal({
    dataDir: app.getPath('userData'),
    resourcesDir,
    appVersion: app.getVersion(),
    ...(safeStorage.isEncryptionAvailable()
      ? {
          keyProtector: {
            scheme: 'safeStorage',
            seal: (plain: string) => safeStorage.encryptString(plain).toString('base64'),
            open: (sealed: string) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
          },
        }
      : {}),
  });
  // crashes of the main and renderer processes go to the center (once enrolled: it needs the token)
  const crashes = crashReporterConfig(terminal);
  if (crashes) crashReporter.start(crashes);
  if (app.isPackaged) watchUpdates(terminal);
  for (const a of terminal.demoAccounts)
    console.log(`demo ${a.role}: ${a.username} / ${a.password}`);
  bindIpc(ipcMain, terminal, handlers, pathToFileURL(rendererIndex).href);
  bindPrintToPdf(ipcMain, pathToFileURL(rendererIndex).href, app.getPath('documents'));
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  createWindow();
  app.on('window-all-closed', () => {
    terminal.close();
    app.quit();
  });
});
