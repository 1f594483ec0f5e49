import { readFileSync, writeFileSync } from 'node:fs';
import * as mupdf from 'mupdf';

// What the e2e specs read from a printed PDF, with MuPDF's WebAssembly build from npm instead of
// poppler's command-line tools (pdftoppm, pdftotext, pdffonts, pdfinfo), which a machine with only
// Node does not have.

export type PdfFont = { name: string; type: string; embedded: boolean };

export type PdfReading = {
  pages: number;
  /** every page's text, in reading order, pages separated by a form feed as pdftotext does */
  text: string;
  /** the fonts the pages use, one line each: `name type yes|no` (embedded), as pdffonts lists them */
  fonts: string;
  fontList: PdfFont[];
  /** the first page's height and how far down its lowest line of text ends, in points */
  pageHeight: number;
  textBottom: number;
};

/** Reads a PDF file: page count, text, fonts, where the first page's text ends. */
export function readPdf(path: string): PdfReading {
  const doc = openPdf(path);
  const pages = doc.countPages();
  const texts: string[] = [];
  const fonts = new Map<string, PdfFont>();
  for (let i = 0; i < pages; i += 1) {
    const page = doc.loadPage(i);
    texts.push(page.toStructuredText('preserve-whitespace').asText());
    collectFonts(page.getObject().getInheritable('Resources'), fonts, new Set());
  }
  const fontList = [...fonts.values()];
  const first = doc.loadPage(0);
  const blocks = (
    JSON.parse(first.toStructuredText('preserve-whitespace').asJSON()) as {
      blocks: { type: string; bbox: { y: number; h: number } }[];
    }
  ).blocks.filter((b) => b.type === 'text');
  return {
    pages,
    text: texts.join('\f'),
    fonts: fontList.map((f) => `${f.name} ${f.type} ${f.embedded ? 'yes' : 'no'}`).join('\n'),
    fontList,
    pageHeight: first.getBounds()[3],
    textBottom: Math.max(0, ...blocks.map((b) => b.bbox.y + b.bbox.h)),
  };
}

/** Renders page `index` (0-based) to a PNG at `dpi`, as `pdftoppm -r dpi -png` does. */
export function renderPdfPage(path: string, png: string, dpi: number, index = 0): void {
  const doc = openPdf(path);
  const scale = dpi / 72; // PDF units are points
  const pixmap = doc
    .loadPage(index)
    .toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
  writeFileSync(png, pixmap.asPNG());
}

function openPdf(path: string): mupdf.PDFDocument {
  const doc = mupdf.Document.openDocument(readFileSync(path), 'application/pdf').asPDF();
  if (!doc) throw new Error(`${path} is not a PDF`);
  return doc;
}

/** The fonts of a resource dictionary and of the form XObjects it draws, each font once. */
function collectFonts(
  resources: mupdf.PDFObject,
  into: Map<string, PdfFont>,
  seen: Set<number>,
): void {
  if (!resources.isDictionary()) return;
  resources.get('Font').forEach((font) => {
    const key = font.isIndirect() ? `#${font.asIndirect()}` : font.toString();
    if (into.has(key)) return;
    const type = font.get('Subtype').isName() ? font.get('Subtype').asName() : '?';
    // a composite (Type0) font describes its glyphs in its one descendant
    const described = type === 'Type0' ? font.get('DescendantFonts').get(0) : font;
    const descriptor = described.get('FontDescriptor');
    const embedded =
      type === 'Type3' ||
      ['FontFile', 'FontFile2', 'FontFile3'].some((file) => !descriptor.get(file).isNull());
    const name = font.get('BaseFont').isName() ? font.get('BaseFont').asName() : '[none]';
    const glyphs = described.get('Subtype');
    into.set(key, {
      name,
      type: type === 'Type0' && glyphs.isName() ? `Type0/${glyphs.asName()}` : type,
      embedded,
    });
  });
  resources.get('XObject').forEach((xobject) => {
    if (xobject.isIndirect()) {
      if (seen.has(xobject.asIndirect())) return;
      seen.add(xobject.asIndirect());
    }
    if (xobject.get('Subtype').isName() && xobject.get('Subtype').asName() === 'Form')
      collectFonts(xobject.get('Resources'), into, seen);
  });
}
