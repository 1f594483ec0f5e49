import type { PrinterSeen, PrintOutcome, PrintRequest } from '../../../shared/print/routing';

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting the DOM's Window needs an interface
  interface Window {
    /** the desktop app's printing (electron/preload.ts, electron/print/); absent in web mode */
    hallPrint?: {
      toPdf: (name: string) => Promise<{ ok: boolean; path?: string; error?: string }>;
      /** the page on screen to the printer the settings chose for its kind */
      print: (request: PrintRequest) => Promise<PrintOutcome>;
      printers: () => Promise<PrinterSeen[]>;
    };
  }
}

/** What the toolbar tells the user after 打印: where it went, or why the dialog opened instead. */
export type PaperResult = { printed: true; printer: string; copies: number } | { note: string };

/**
 * Prints the page on screen. The desktop app sends it straight to the chosen printer; when main
 * answers the PDF path (no printer chosen, missing, offline, the job refused) or in web mode, the
 * print dialog opens as before — there the user picks a printer or 另存为 PDF.
 */
export async function printOnPaper(request: PrintRequest): Promise<PaperResult | null> {
  if (!window.hallPrint) {
    window.print();
    return null;
  }
  const outcome = await window.hallPrint.print(request);
  if (outcome.printed) return outcome;
  window.print();
  return { note: outcome.message };
}

/** The printers this PC has (desktop app), or null in web mode where a page cannot list them. */
export async function listPrinters(): Promise<PrinterSeen[] | null> {
  return window.hallPrint ? window.hallPrint.printers() : null;
}
