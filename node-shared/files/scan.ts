import sharp, { type Sharp } from 'sharp';
import { maxAttachmentBytes, maxFilesPerMaterial } from '../../shared/case/attachments';
import { quadProblem, quadSize, warpQuad, type Quad } from '../../shared/scan/geometry';
import { pdfComplete, sniff } from './sniff';

// Issue 18: a page as it is kept. A document camera's frame (5–16 MP) or a 300 dpi scan is far
// more than a decision or an archive needs; an A4 page at 200 dpi in colour (seals are red) is
// what the hall prints and reads, at a few hundred kilobytes. libvips (sharp) decodes, turns by
// the EXIF orientation, scales and encodes with mozjpeg; metadata is not carried over (a phone
// photo's GPS position is not the case's business). A PDF is kept as it came: it may be an
// electronically signed original, and re-encoding would break the signature.

/** A4 at 200 dpi: the long and the short edge, in pixels. */
export const pageLongEdge = 2339;
export const pageShortEdge = 1654;
const jpegQuality = 72;
/** A frame larger than this is not a photograph of a page: refused before it is decoded. */
const maxInputPixels = 120_000_000;
const maxCropPixels = 40_000_000;
/** all pages of one file together: 60 A4 pages at 600 dpi (35 MP each) fit */
const maxFilePixels = 2_200_000_000;

const maxAttachmentMb = maxAttachmentBytes / (1024 * 1024);

export class ScanRefusal extends Error {}

export type PreparedFile = {
  bytes: Buffer;
  mediaType: 'image/jpeg' | 'application/pdf';
  width: number | null;
  height: number | null;
};

/** The size a page of `width`×`height` is kept at: within A4 at 200 dpi, never enlarged. */
export function keptSize(width: number, height: number): { width: number; height: number } {
  const [long, short] = width >= height ? [width, height] : [height, width];
  const scale = Math.min(1, pageLongEdge / long, pageShortEdge / short);
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

async function encode(image: Sharp): Promise<PreparedFile> {
  const { data, info } = await image
    // mozjpeg's trellis quantisation keeps a page about a sixth smaller than libjpeg at the same
    // quality, for two to three times its CPU; baseline, not progressive: optimising progressive
    // scans doubles that again for a few per cent, and archives' viewers read baseline best
    .jpeg({
      quality: jpegQuality,
      mozjpeg: true,
      progressive: false,
      optimiseScans: false,
      chromaSubsampling: '4:2:0',
    })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, mediaType: 'image/jpeg', width: info.width, height: info.height };
}

async function preparePage(
  input: Buffer,
  page: number,
  quad: Quad | undefined,
): Promise<PreparedFile> {
  const frame = sharp(input, { page, limitInputPixels: maxInputPixels }).autoOrient();
  if (!quad) {
    // the size as the page stands, after the EXIF turn (read from the header, not decoded)
    const { autoOrient, hasAlpha } = await sharp(input, {
      page,
      limitInputPixels: maxInputPixels,
    }).metadata();
    const scaled = frame.resize(keptSize(autoOrient.width, autoOrient.height));
    // a transparent PNG lies on white paper, not on JPEG's black
    return encode(hasAlpha ? scaled.flatten({ background: '#ffffff' }) : scaled);
  }
  const { data, info } = await frame
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const problem = quadProblem(quad, info.width, info.height);
  if (problem) throw new ScanRefusal(problem);
  const measured = quadSize(quad);
  const size = keptSize(measured.width, measured.height);
  const flat = warpQuad(
    { data, width: info.width, height: info.height, channels: info.channels },
    quad,
    size.width,
    size.height,
  );
  return encode(
    sharp(flat.data, {
      raw: { width: flat.width, height: flat.height, channels: info.channels as 3 },
    }),
  );
}

/**
 * The files to keep for what the clerk captured or imported: a PDF as it is; a JPEG or PNG as one
 * page; a multi-page TIFF (a scanner's usual output) as one page per image. `quad` crops a single
 * camera frame to the page. Throws ScanRefusal with a sentence for the clerk.
 */
export async function prepareFiles(input: Buffer, quad?: Quad): Promise<PreparedFile[]> {
  if (input.length === 0) throw new ScanRefusal('文件是空的');
  if (input.length > maxAttachmentBytes) {
    throw new ScanRefusal(`文件超过 ${maxAttachmentMb} MB，请分成几个文件或降低扫描分辨率`);
  }
  const sniffed = sniff(input);
  if (!sniffed.ok) throw new ScanRefusal(sniffed.message);
  if (sniffed.type === 'application/pdf') {
    if (quad) throw new ScanRefusal('PDF 文件不能裁切');
    if (!pdfComplete(input))
      throw new ScanRefusal('PDF 文件不完整或不是有效的 PDF（可能下载或拷贝未完成）');
    return [{ bytes: input, mediaType: 'application/pdf', width: null, height: null }];
  }
  let pages: number;
  let pixels: number;
  try {
    const meta = await sharp(input, { limitInputPixels: maxInputPixels }).metadata();
    pages = meta.pages ?? 1;
    pixels = meta.width * (meta.pageHeight ?? meta.height);
  } catch (error) {
    throw new ScanRefusal(`图片无法读取（文件可能已损坏）：${(error as Error).message}`);
  }
  if (quad && pages > 1) throw new ScanRefusal('多页文件不能裁切');
  // a crop decodes the whole frame into memory (3 bytes a pixel): a document camera gives at
  // most some 24 MP; a poster-sized picture is imported uncropped instead
  if (quad && pixels > maxCropPixels) {
    throw new ScanRefusal('画面过大（超过4000万像素），不能裁切；请不裁切直接导入');
  }
  if (pages * pixels > maxFilePixels) {
    throw new ScanRefusal(
      '文件的总像素过大（各页合计超过22亿像素），请降低扫描分辨率或分成几个文件',
    );
  }
  if (pages > maxFilesPerMaterial) {
    throw new ScanRefusal(`文件有 ${pages} 页，一项材料最多 ${maxFilesPerMaterial} 页`);
  }
  const out: PreparedFile[] = [];
  for (let page = 0; page < pages; page++) {
    try {
      out.push(await preparePage(input, page, quad));
    } catch (error) {
      if (error instanceof ScanRefusal) throw error;
      throw new ScanRefusal(`图片无法读取（文件可能已损坏）：${(error as Error).message}`);
    }
  }
  return out;
}

/** A small JPEG of a page for the thumbnail strip: decoded here, not in the renderer. */
export async function thumbnailOf(bytes: Buffer, width: number): Promise<Buffer> {
  return sharp(bytes, { limitInputPixels: maxInputPixels })
    .resize({ width, withoutEnlargement: true })
    .jpeg({ quality: 70 })
    .toBuffer();
}
