import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { prepareFiles, pageLongEdge, pageShortEdge, ScanRefusal } from './scan';
import { sniff } from './sniff';
import { pdfFrame } from '../../tests/support/pdf-frame';

/** A page of text as a 300 dpi scanner gives it: A4, 2480×3508, lines of dark text on white. */
async function scannedA4(format: 'png' | 'jpeg' | 'tiff'): Promise<Buffer> {
  const lines = Array.from(
    { length: 40 },
    (_, i) =>
      `<rect x="200" y="${300 + i * 75}" width="${1500 + (i % 5) * 120}" height="28" fill="#222"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2480" height="3508">
    <rect width="2480" height="3508" fill="#fdfdfb"/>${lines}
    <circle cx="1900" cy="3100" r="220" fill="none" stroke="#d22" stroke-width="18"/></svg>`;
  const image = sharp(Buffer.from(svg));
  return format === 'png'
    ? image.png().toBuffer()
    : format === 'jpeg'
      ? image.jpeg({ quality: 95 }).toBuffer()
      : image.tiff().toBuffer();
}

describe('a page as it is kept', () => {
  it('keeps a 300 dpi A4 scan at A4 200 dpi as a JPEG of a few hundred kilobytes', async () => {
    for (const format of ['png', 'jpeg', 'tiff'] as const) {
      const [page, ...rest] = await prepareFiles(await scannedA4(format));
      expect(rest).toEqual([]);
      expect(page?.mediaType).toBe('image/jpeg');
      expect(sniff(page!.bytes)).toEqual({ ok: true, type: 'image/jpeg' });
      expect([page?.width, page?.height]).toEqual([pageShortEdge, pageLongEdge]);
      expect(page!.bytes.length).toBeLessThan(700_000);
    }
  });

  it('turns a photo by its EXIF orientation and drops its metadata (a phone’s GPS position)', async () => {
    const photo = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: '#eeeeee' },
    })
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'Phone', Copyright: 'GPS-TEST' } } })
      .toBuffer();
    const [page] = await prepareFiles(photo);
    const meta = await sharp(page!.bytes).metadata();
    // orientation 6: the 1200×800 frame stands as 800×1200
    expect([meta.width, meta.height]).toEqual([800, 1200]);
    expect(meta.exif).toBeUndefined();
    expect(page!.bytes.includes(Buffer.from('GPS-TEST'))).toBe(false);
  });

  it('crops a camera frame to the page by its four corners', async () => {
    const frame = await sharp({
      create: { width: 1600, height: 1200, channels: 3, background: '#303030' },
    })
      .composite([
        {
          input: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200"><polygon points="420,100 1180,140 1150,1120 380,1080" fill="#f5f5f5"/></svg>',
          ),
        },
      ])
      .png()
      .toBuffer();
    const [page] = await prepareFiles(frame, [
      { x: 420, y: 100 },
      { x: 1180, y: 140 },
      { x: 1150, y: 1120 },
      { x: 380, y: 1080 },
    ]);
    const { data, info } = await sharp(page!.bytes)
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    // the page fills the crop: no desk left at the corners
    for (const [x, y] of [
      [4, 4],
      [info.width - 5, 4],
      [4, info.height - 5],
      [info.width - 5, info.height - 5],
    ] as const) {
      expect(data[y * info.width + x]).toBeGreaterThan(200);
    }
    expect(info.height).toBeGreaterThan(info.width);
  });

  it('keeps a PDF as it came, byte for byte', async () => {
    const pdf = pdfFrame('1 0 obj<<>>endobj');
    const [file] = await prepareFiles(pdf);
    expect(file?.mediaType).toBe('application/pdf');
    expect(file?.bytes.equals(pdf)).toBe(true);
  });

  it('refuses by the bytes, with a sentence for the clerk', async () => {
    const refused = async (bytes: Buffer) =>
      prepareFiles(bytes).then(
        () => 'accepted',
        (e: unknown) => (e instanceof ScanRefusal ? e.message : `crashed: ${String(e)}`),
      );
    expect(await refused(Buffer.from('MZ\x90\x00 renamed to scan.jpg'))).toMatch(/可执行程序/);
    expect(await refused(Buffer.from('GIF89a......'))).toMatch(/GIF/);
    expect(await refused(Buffer.from('PK\x03\x04 word document'))).toMatch(/Word/);
    expect(await refused(Buffer.alloc(0))).toMatch(/空/);
    expect(await refused(Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\n'))).toMatch(/不完整/);
    // other bytes wrapped between a PDF header and %%EOF: no cross-reference where it points
    const wrapped = Buffer.from('%PDF-1.7\nMZ<script>alert(1)</script>\nstartxref\n9\n%%EOF\n');
    expect(await refused(wrapped)).toMatch(/不是有效的 PDF/);
    const jpeg = await scannedA4('jpeg');
    expect(await refused(jpeg.subarray(0, 2000))).toMatch(/无法读取|损坏/);
    expect(await refused(Buffer.alloc(41 * 1024 * 1024, 0xff))).toMatch(/超过/);
    // a small PNG of a huge picture: imported uncropped, never decoded whole for a crop
    const poster = await sharp({
      create: { width: 8000, height: 6000, channels: 3, background: '#fff' },
    })
      .png()
      .toBuffer();
    const corners = [
      { x: 10, y: 10 },
      { x: 7990, y: 10 },
      { x: 7990, y: 5990 },
      { x: 10, y: 5990 },
    ] as const;
    await expect(prepareFiles(poster, corners)).rejects.toThrow(/画面过大/);
  });
});
