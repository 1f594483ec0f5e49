import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import sharp from 'sharp';

// A document camera for Chromium's fake capture device (`--use-file-for-fake-video-capture`):
// one Y4M frame of an A4 application form photographed from above — slanted, in perspective, on
// a dark desk. Chromium draws the page (the shipped Noto Sans SC, so the Chinese is real text,
// not boxes: this machine has no CJK font for an SVG library to find), sharp gives the pixels,
// and the frame is written as I420, the only format the fake device reads.

export const frameWidth = 1280;
export const frameHeight = 960;

const fontDir = join(process.cwd(), 'node_modules/@fontsource/noto-sans-sc');
const origin = 'http://camera-desk.test';

const desk = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/400.css">
<style>
  html, body { margin: 0; width: ${frameWidth}px; height: ${frameHeight}px; overflow: hidden;
    background: radial-gradient(circle at 40% 40%, #4a4038, #221d19); }
  .page { position: absolute; left: 380px; top: 90px; width: 540px; height: 764px;
    background: #fbfaf6; box-sizing: border-box; padding: 54px 48px;
    font-family: 'Noto Sans SC'; color: #1c1c1c; font-size: 17px; line-height: 1.9;
    transform: perspective(1400px) rotateX(9deg) rotate(-7deg); }
  h1 { font-size: 27px; text-align: center; margin: 0 0 24px; letter-spacing: 4px; }
  .row { border-bottom: 1px solid #555; padding: 4px 0; }
  .seal { position: absolute; right: 60px; bottom: 90px; width: 120px; height: 120px;
    border: 4px solid #c8161d; border-radius: 50%; color: #c8161d; font-size: 15px;
    display: flex; align-items: center; justify-content: center; }
</style></head><body><div class="page">
  <h1>个体工商户开业登记申请书</h1>
  <div class="row">经营者姓名：王建国</div>
  <div class="row">公民身份号码：610102198506150031</div>
  <div class="row">经营场所：西安市新城区解放路168号</div>
  <div class="row">经营范围：日用百货、文具用品零售</div>
  <div class="row">组成形式：个人经营</div>
  <div class="row">联系电话：13800000031</div>
  <p>本人承诺所提交的材料真实有效，并对其真实性负责。</p>
  <p style="text-align:right;margin-top:60px">申请人签字：王建国<br>二〇二六年十二月六日</p>
  <div class="seal">西安市新城区</div>
</div></body></html>`;

/** The desk with the page, as Chromium draws it: RGB pixels of one frame. */
async function photographPage(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: frameWidth, height: frameHeight } });
  try {
    await page.route(`${origin}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/desk.html') return route.fulfill({ contentType: 'text/html', body: desk });
      if (path === '/400.css')
        return route.fulfill({
          contentType: 'text/css',
          body: readFileSync(join(fontDir, '400.css')),
        });
      if (path.startsWith('/files/'))
        return route.fulfill({
          contentType: 'font/woff2',
          body: readFileSync(join(fontDir, path)),
        });
      return route.abort();
    });
    await page.goto(`${origin}/desk.html`);
    await page.evaluate(() => document.fonts.ready);
    const png = await page.screenshot();
    return await sharp(png).removeAlpha().raw().toBuffer();
  } finally {
    await page.close();
  }
}

/** RGB → I420 (BT.601, studio range), chroma averaged over each 2×2 block. */
function i420(rgb: Buffer, w: number, h: number): Buffer {
  const out = Buffer.alloc(w * h + 2 * (w / 2) * (h / 2));
  const uAt = w * h;
  const vAt = uAt + (w / 2) * (h / 2);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 3;
      const [r, g, b] = [rgb[o]!, rgb[o + 1]!, rgb[o + 2]!];
      out[y * w + x] = Math.round(16 + 0.257 * r + 0.504 * g + 0.098 * b);
    }
  }
  for (let y = 0; y < h; y += 2) {
    for (let x = 0; x < w; x += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const o = ((y + dy) * w + x + dx) * 3;
        r += rgb[o]!;
        g += rgb[o + 1]!;
        b += rgb[o + 2]!;
      }
      [r, g, b] = [r / 4, g / 4, b / 4];
      const c = (y / 2) * (w / 2) + x / 2;
      out[uAt + c] = Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b);
      out[vAt + c] = Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b);
    }
  }
  return out;
}

/** Writes the photographed page as a one-frame Y4M at `file`; the PNG beside it to look at. */
export async function writeFakeCameraFile(browser: Browser, file: string, png?: string) {
  const rgb = await photographPage(browser);
  if (png) {
    await sharp(rgb, { raw: { width: frameWidth, height: frameHeight, channels: 3 } })
      .png()
      .toFile(png);
  }
  const header = `YUV4MPEG2 W${frameWidth} H${frameHeight} F30:1 Ip A1:1 C420jpeg\nFRAME\n`;
  writeFileSync(file, Buffer.concat([Buffer.from(header), i420(rgb, frameWidth, frameHeight)]));
}
