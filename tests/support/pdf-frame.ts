// A PDF's frame around `body` (objects, or filler standing for a scan's page images): the header,
// a cross-reference table, and the `startxref` that points at it — what main checks of a PDF
// (node-shared/files/sniff.ts pdfComplete).
export function pdfFrame(body: Buffer | string): Buffer {
  const head = Buffer.from('%PDF-1.4\n');
  const content = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
  const xrefAt = head.length + content.length + 1;
  return Buffer.concat([
    head,
    content,
    Buffer.from(`\nxref\n0 1\n0000000000 65535 f \ntrailer<<>>\nstartxref\n${xrefAt}\n%%EOF\n`),
  ]);
}
