import {
  chooseTestPageRoute,
  choosePrintRoute,
  pdfReasonMessages,
  printRequestSchema,
  type PrinterSeen,
  type PrintOutcome,
  type PrintSettings,
} from '../../shared/print/routing';

/**
 * Electron's silent print of the page on screen, as this module needs it. `margins: default`
 * makes Chromium honour the page's own `@page { margin }` (the same 18 mm the PDF path prints),
 * and pageSize A4 keeps a printer whose default is Letter from shrinking the sheet.
 */
export type SilentPrint = (options: {
  silent: true;
  printBackground: true;
  deviceName: string;
  copies: number;
  pageSize: 'A4';
  margins: { marginType: 'default' };
}) => Promise<{ success: boolean; failureReason: string }>;

export type DirectPrintDeps = {
  settings: () => PrintSettings;
  printers: () => Promise<PrinterSeen[]>;
  print: SilentPrint;
};

/**
 * One print request from the renderer: parsed (the renderer is untrusted), routed by the
 * window's settings, printed silently when the printer is there and online. Anything else answers
 * the PDF path with the reason, and the renderer opens the print dialog / PDF export as before.
 */
export async function printDirect(deps: DirectPrintDeps, request: unknown): Promise<PrintOutcome> {
  const parsed = printRequestSchema.safeParse(request);
  if (!parsed.success) throw new Error('打印请求格式错误');
  const printers = await deps.printers();
  const route =
    'kind' in parsed.data
      ? choosePrintRoute(deps.settings(), parsed.data.kind, printers)
      : chooseTestPageRoute(parsed.data.testPage, printers);
  if (route.route === 'pdf')
    return {
      printed: false,
      reason: route.reason,
      message: pdfReasonMessages[route.reason](route.printer),
    };
  const result = await deps.print({
    silent: true,
    printBackground: true,
    deviceName: route.deviceName,
    copies: route.copies,
    pageSize: 'A4',
    margins: { marginType: 'default' },
  });
  if (!result.success)
    return {
      printed: false,
      reason: 'printFailed',
      message: `${pdfReasonMessages.printFailed(route.deviceName)}（${result.failureReason || '未知原因'}）`,
    };
  return { printed: true, printer: route.deviceName, copies: route.copies };
}
