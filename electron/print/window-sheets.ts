import { BrowserWindow } from 'electron';
import { notReady, sheetPdfOptions, sheetReadyScript, type SheetPrinter } from './sheet-printer';

// The archive's printer inside Electron: each sheet in a hidden window on the app's own page
// (the same sandbox and preload as the main window), printed with Chromium's printToPDF as 保存PDF
// does. Not run by the tests (they have no Electron); web mode's headless-sheets.ts is.

export function windowSheets(appIndexUrl: string, preload: string): SheetPrinter {
  return async (routes) => {
    const pdfs: Uint8Array[] = [];
    for (const route of routes) {
      const win = new BrowserWindow({
        show: false,
        webPreferences: { preload, contextIsolation: true, sandbox: true, nodeIntegration: false },
      });
      // the sheet is the app's own page and stays on it, like the main window
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      win.webContents.on('will-navigate', (event) => event.preventDefault());
      try {
        await win.loadURL(`${appIndexUrl}${route}`);
        const failure = notReady(await win.webContents.executeJavaScript(sheetReadyScript));
        if (failure) throw failure;
        pdfs.push(await win.webContents.printToPDF({ pageSize: 'A4', ...sheetPdfOptions }));
      } finally {
        win.destroy();
      }
    }
    return pdfs;
  };
}
