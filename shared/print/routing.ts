import { z } from 'zod';
import { caseDocumentKinds, documentTitles } from '../documents';

// Which printer a document goes to, or why it goes to the PDF path instead. Pure, so the choice
// is tested in Node; electron/print only lists the printers and sends the job.

/** Every kind of paper a window prints: the case documents, the guide, reports and the test page. */
export const printKinds = [...caseDocumentKinds, 'guide', 'report'] as const;
export type PrintKind = (typeof printKinds)[number];

export const printKindLabels: Readonly<Record<PrintKind, string>> = {
  ...documentTitles,
  notice: `${documentTitles.notice}（一次性告知）`,
  guide: '办事指南',
  report: '报表',
};

export const maxCopies = 9;

// A printer name as the OS knows it: Windows allows almost anything up to 220 characters
// (\\server\share names included); no control characters, they never name a real printer.
const printerName = z
  .string()
  .trim()
  .max(220, '打印机名称不能超过220个字符')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), '打印机名称含有不可见的控制字符');

export const printTargetSchema = z.object({
  /** '' = no printer chosen: the document goes to the PDF path */
  printer: printerName,
  copies: z
    .number()
    .int('份数须为整数')
    .min(1, '份数至少为1')
    .max(maxCopies, `份数不能超过${maxCopies}`),
});
export type PrintTarget = z.infer<typeof printTargetSchema>;

export const printSettingsSchema = z.object({
  targets: z.object(
    Object.fromEntries(printKinds.map((k) => [k, printTargetSchema])) as Record<
      PrintKind,
      typeof printTargetSchema
    >,
  ),
});
export type PrintSettings = z.infer<typeof printSettingsSchema>;

export const defaultPrintSettings: PrintSettings = {
  targets: Object.fromEntries(printKinds.map((k) => [k, { printer: '', copies: 1 }])) as Record<
    PrintKind,
    PrintTarget
  >,
};

/**
 * Settings as stored, read leniently: a kind added in a later version (or a damaged entry) falls
 * back to "no printer, one copy" for that kind alone, never to losing the others.
 */
export function readPrintSettings(stored: unknown): PrintSettings {
  const targets = { ...defaultPrintSettings.targets };
  const raw = stored && typeof stored === 'object' && 'targets' in stored ? stored.targets : null;
  if (raw && typeof raw === 'object') {
    for (const k of printKinds) {
      const parsed = printTargetSchema.safeParse((raw as Record<string, unknown>)[k]);
      if (parsed.success) targets[k] = parsed.data;
    }
  }
  return { targets };
}

/** A printer as main lists it (Electron's PrinterInfo, reduced to what the choice needs). */
export type PrinterSeen = {
  name: string;
  displayName: string;
  /** platform-specific facts: CUPS gives printer-state, printer-is-accepting-jobs, …-reasons */
  options: Readonly<Record<string, string>>;
};

/**
 * Offline as far as the OS says: CUPS marks a stopped queue printer-state 5, a paused one not
 * accepting jobs, an unplugged one with an `offline` reason. Windows gives no such options: a
 * printer it lists counts as available, and a job that then fails still falls back to PDF.
 */
export function printerOffline(p: PrinterSeen): boolean {
  const o = p.options;
  if (o['printer-state'] === '5') return true;
  if (o['printer-is-accepting-jobs'] === 'false') return true;
  return (o['printer-state-reasons'] ?? '')
    .split(',')
    .some((r) => /^offline(-report)?$/.test(r.trim()) || r.trim() === 'paused');
}

export type PrintRoute =
  | { route: 'printer'; deviceName: string; copies: number }
  | { route: 'pdf'; reason: PdfReason; printer: string };

export type PdfReason =
  'webMode' | 'noPrinterChosen' | 'printerMissing' | 'printerOffline' | 'printFailed';

/** The sentence the window shows when a document goes to the PDF path instead of paper. */
export const pdfReasonMessages: Readonly<Record<PdfReason, (printer: string) => string>> = {
  webMode: () => '网页模式不能直接打印：请用浏览器的打印对话框，或另存为 PDF。',
  noPrinterChosen: () => '本类文书未指定打印机（设置 → 打印机）：已改为打印对话框 / 另存为 PDF。',
  printerMissing: (p) =>
    `找不到打印机“${p}”：已改为打印对话框 / 另存为 PDF。请检查连接或在设置中另选。`,
  printerOffline: (p) => `打印机“${p}”脱机或已暂停：已改为打印对话框 / 另存为 PDF。`,
  printFailed: (p) => `打印机“${p}”未能接收打印任务：已改为打印对话框 / 另存为 PDF。`,
};

/**
 * Where a document of this kind goes. `printers` is null in web mode (a browser cannot print
 * silently). A chosen printer is matched by its OS name, then by its display name, because an
 * IT person types what the control panel shows.
 */
export function choosePrintRoute(
  settings: PrintSettings,
  kind: PrintKind,
  printers: readonly PrinterSeen[] | null,
): PrintRoute {
  const target = settings.targets[kind];
  const chosen = target.printer;
  if (printers === null) return { route: 'pdf', reason: 'webMode', printer: chosen };
  if (chosen === '') return { route: 'pdf', reason: 'noPrinterChosen', printer: chosen };
  const found =
    printers.find((p) => p.name === chosen) ?? printers.find((p) => p.displayName === chosen);
  if (!found) return { route: 'pdf', reason: 'printerMissing', printer: chosen };
  if (printerOffline(found)) return { route: 'pdf', reason: 'printerOffline', printer: chosen };
  return { route: 'printer', deviceName: found.name, copies: target.copies };
}

/** A test page goes to the printer it names, if that printer is there: copies are always one. */
export function chooseTestPageRoute(
  printer: string,
  printers: readonly PrinterSeen[] | null,
): PrintRoute {
  const settings: PrintSettings = {
    targets: { ...defaultPrintSettings.targets, report: { printer, copies: 1 } },
  };
  return choosePrintRoute(settings, 'report', printers);
}

/** What the renderer asks main to print: the page on screen as a kind, or a printer's test page. */
export const printRequestSchema = z.union([
  z.object({ kind: z.enum(printKinds) }),
  z.object({ testPage: printerName.refine((s) => s !== '', '请选择打印机') }),
]);
export type PrintRequest = z.infer<typeof printRequestSchema>;

/** What the renderer hears back: printed (to which printer, how many), or the PDF path and why. */
export type PrintOutcome =
  | { printed: true; printer: string; copies: number }
  | { printed: false; reason: PdfReason; message: string };
