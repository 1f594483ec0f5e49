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

/** A PDF that ends where a PDF ends: a download cut short is refused, not archived half. */
export function pdfComplete(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  return tail.includes('%%EOF');
}
