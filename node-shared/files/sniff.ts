// Issue 18: a file is what its bytes say, never what its name says — a .jpg that is a Word file,
// or an .exe renamed, is refused by its first bytes. The names of what is refused let the clerk
// tell the applicant what to bring instead.

export type SniffedType = 'image/jpeg' | 'image/png' | 'image/tiff' | 'application/pdf';

const known: readonly { type: string; magic: readonly number[]; at?: number }[] = [
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/tiff', magic: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', magic: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // refused, but by name
  { type: 'GIF 图片', magic: [0x47, 0x49, 0x46, 0x38] },
  { type: 'BMP 图片', magic: [0x42, 0x4d] },
  { type: 'WebP 图片', magic: [0x57, 0x45, 0x42, 0x50], at: 8 },
  { type: 'HEIC 照片（苹果手机）', magic: [0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69], at: 4 },
  { type: 'Word/Excel 文档或压缩包', magic: [0x50, 0x4b, 0x03, 0x04] },
  { type: '旧版 Word/Excel 文档', magic: [0xd0, 0xcf, 0x11, 0xe0] },
  { type: '可执行程序', magic: [0x4d, 0x5a] },
];

const accepted = new Set<string>(['image/jpeg', 'image/png', 'image/tiff', 'application/pdf']);

export type Sniffed = { ok: true; type: SniffedType } | { ok: false; message: string };

export function sniff(bytes: Uint8Array): Sniffed {
  const match = known.find(({ magic, at = 0 }) => magic.every((b, i) => bytes[at + i] === b));
  if (match && accepted.has(match.type)) return { ok: true, type: match.type as SniffedType };
  const what = match ? `这是${match.type}` : '无法识别文件内容';
  return { ok: false, message: `不支持的文件类型：${what}。只能附 PDF、JPEG、PNG、TIFF 文件` };
}

/**
 * A PDF's frame, checked: a version header, and a last `startxref` whose offset lands on a cross-
 * reference table or stream — so a download cut short, or other bytes wrapped between `%PDF-`
 * and `%%EOF`, are refused rather than archived as an original. Not a full parse: a PDF built
 * to deceive a parser can still pass (the page is seen by whoever opens it).
 */
export function pdfComplete(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (!/^%PDF-(1\.[0-7]|2\.0)[\r\n]/.test(buffer.subarray(0, 16).toString('latin1'))) return false;
  const tail = buffer.subarray(Math.max(0, buffer.length - 1024)).toString('latin1');
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!end) return false;
  const offset = Number(end[1]);
  if (!Number.isSafeInteger(offset) || offset <= 8 || offset >= buffer.length) return false;
  const at = buffer.subarray(offset, offset + 32).toString('latin1');
  return /^(xref\b|\d+\s+\d+\s+obj\b)/.test(at);
}
