import { BrowserWindow, dialog, type IpcMain } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safePdfName } from './pdf-name';

/**
 * The page on screen — a notice laid out on A4 — saved as PDF with Chromium's own printing, the
 * fonts embedded. The user picks where; nothing is written without that choice.
 */
export function bindPrintToPdf(ipcMain: IpcMain, appUrl: string, documentsDir: string): void {
  ipcMain.handle('hall-print-pdf', async (event, proposedName: unknown) => {
    if (event.senderFrame?.url.split('#')[0] !== appUrl) return { ok: false, error: 'forbidden' };
    const win = BrowserWindow.fromWebContents(event.sender);
    const pdf = await event.sender.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
    const options = {
      defaultPath: join(documentsDir, safePdfName(proposedName)),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    };
    const choice = win
      ? await dialog.showSaveDialog(win, options)
      : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: false, error: 'cancelled' };
    await writeFile(choice.filePath, pdf);
    return { ok: true, path: choice.filePath };
  });
}
