import { app, BrowserWindow, ipcMain, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { handlers } from './api/handlers';
import { bindIpc } from './ipc';
import { bindPrintToPdf } from './print/pdf';
import { contentSecurityPolicy } from './security';
import { defaultBackupCheckMs } from './services/backups';
import { startTerminalHost } from './services/host';
import { openTerminal } from './services/terminal';

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
  // a lost database starts the recovery screen instead of the terminal (issue 15 part B)
  const host = startTerminalHost(
    {
      dataDir: app.getPath('userData'),
      resourcesDir,
      backups: { intervalMs: defaultBackupCheckMs },
      ...(safeStorage.isEncryptionAvailable()
        ? {
            keyProtector: {
              scheme: 'safeStorage',
              seal: (plain: string) => safeStorage.encryptString(plain).toString('base64'),
              open: (sealed: string) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
            },
          }
        : {}),
    },
    openTerminal,
  );
  for (const a of host.terminal()?.demoAccounts ?? [])
    console.log(`demo ${a.role}: ${a.username} / ${a.password}`);
  bindIpc(ipcMain, host, handlers, pathToFileURL(rendererIndex).href);
  bindPrintToPdf(ipcMain, pathToFileURL(rendererIndex).href, app.getPath('documents'));
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  createWindow();
  app.on('window-all-closed', () => {
    host.close();
    app.quit();
  });
});
