// Issue 18 part 4: the port through which the case archive prints its notices and decisions.
// The PDF must be the very page the window prints — the same React sheet, laid out by Chromium —
// so there is no second layout engine: Electron prints it in a hidden window
// (window-sheets.ts), web mode and the tests in a headless Chromium process (headless-sheets.ts).

/**
 * Prints each of the app's routes (`#/archive-sheet/<token>`) to an A4 PDF, in order. Rejects
 * with a message for people when a sheet cannot be printed.
 */
export type SheetPrinter = (routes: readonly string[]) => Promise<Uint8Array[]>;

/** How long one sheet may take to load its document and fonts before the export gives up. */
export const sheetTimeoutMs = 30_000;

/**
 * Evaluated in the sheet's page: resolves with 'ready' once the desk says its document and
 * fonts are in (Desk's data-ready), or with the error the page shows. The page is the product's
 * own; it is asked, not trusted, to be ready.
 */
export const sheetReadyScript = `new Promise((resolve) => {
  const started = Date.now();
  const look = () => {
    const desk = document.querySelector('.a4-desk');
    const error = document.querySelector('.ant-alert-error');
    if (desk && desk.getAttribute('data-ready') === 'true') resolve('ready');
    else if (error) resolve('error: ' + error.textContent);
    else if (Date.now() - started > ${sheetTimeoutMs}) resolve('timeout');
    else setTimeout(look, 50);
  };
  look();
})`;

/** What printToPDF is asked for, in both printers: the page's own A4 size, its backgrounds. */
export const sheetPdfOptions = { printBackground: true, preferCSSPageSize: true } as const;

export class SheetFailure extends Error {}

/** The answer of sheetReadyScript as the failure to raise, or null when the sheet is ready. */
export function notReady(answer: unknown): SheetFailure | null {
  if (answer === 'ready') return null;
  if (answer === 'timeout') return new SheetFailure('文书页面在30秒内未能加载完成');
  return new SheetFailure(`文书页面未能显示：${String(answer).replace(/^error: /, '')}`);
}
