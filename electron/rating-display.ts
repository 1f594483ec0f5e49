import { BrowserWindow, screen, session } from 'electron';

// Issue 17 part 2: the window's rating device (评价器) on the PC's second display, when it has one:
// the center's /hall/?rate=<window> page, which the applicant faces. Its own session partition
// keeps the page's pairing token apart from the app and outside the app's CSP; nothing of the
// terminal (no preload, no API) reaches it.

export function openRatingDisplay(url: string): void {
  const primary = screen.getPrimaryDisplay();
  const second = screen.getAllDisplays().find((d) => d.id !== primary.id);
  if (!second) return;
  const partition = session.fromPartition('persist:rating-device');
  partition.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const win = new BrowserWindow({
    ...second.bounds,
    fullscreen: true,
    autoHideMenuBar: true,
    title: '服务评价',
    webPreferences: { partition: 'persist:rating-device', sandbox: true, contextIsolation: true },
  });
  const origin = new URL(url).origin;
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, to) => {
    if (new URL(to).origin !== origin) event.preventDefault();
  });
  void win.loadURL(url);
}
