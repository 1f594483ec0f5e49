import type { IpcMain } from 'electron';
import { defaultPrintSettings, type PrinterSeen } from '../../shared/print/routing';
import { readWindowPrintSettings } from '../services/print-settings';
import type { Terminal } from '../services/context';
import { printDirect } from './direct';

/**
 * The desktop app's straight-to-printer path: the page on screen goes to the printer the
 * window's settings chose for its kind; main lists the printers itself (the renderer is never
 * trusted with a device name for a document). Wiring only: the choice is in printDirect.
 */
export function bindDirectPrint(
  ipcMain: IpcMain,
  appUrl: string,
  current: () => Terminal | null,
): void {
  const fromApp = (url: string | undefined) => url?.split('#')[0] === appUrl;
  const seen = (list: Electron.PrinterInfo[]): PrinterSeen[] =>
    list.map((p) => ({
      name: p.name,
      displayName: p.displayName,
      options: Object.fromEntries(
        Object.entries(p.options as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
      ),
    }));
  ipcMain.handle('hall-printers', async (event) => {
    if (!fromApp(event.senderFrame?.url)) return [];
    return seen(await event.sender.getPrintersAsync());
  });
  ipcMain.handle('hall-print', async (event, request: unknown) => {
    if (!fromApp(event.senderFrame?.url)) throw new Error('forbidden');
    const contents = event.sender;
    return printDirect(
      {
        // while the database is lost (recovery screen) every kind goes to the dialog
        settings: () => {
          const terminal = current();
          return terminal ? readWindowPrintSettings(terminal) : defaultPrintSettings;
        },
        printers: async () => seen(await contents.getPrintersAsync()),
        print: (options) =>
          new Promise((resolve) =>
            contents.print(options, (success, failureReason) =>
              resolve({ success, failureReason }),
            ),
          ),
      },
      request,
    );
  });
}
