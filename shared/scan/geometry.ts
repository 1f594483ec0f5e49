// Issue 18: the document camera sees the page from above at a slant, on a desk. The page is cut
// out and straightened here, in pure code both sides share: the renderer finds the page to place
// the four handles on the preview, main warps the full-resolution frame with the corners the
// clerk confirmed. No DOM, no Node: a frame is bytes and a size.

export type Point = { x: number; y: number };
/** The page's corners in the frame's pixels: top-left, top-right, bottom-right, bottom-left. */
export type Quad = readonly [Point, Point, Point, Point];

/** Pixels as rows of `channels` bytes each (1: grey, 3: RGB, 4: RGBA). */
export type Raster = {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  channels: number;
};

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** The page's size in frame pixels, read off its longer opposite edges. */
export function quadSize(q: Quad): { width: number; height: number } {
  const [tl, tr, br, bl] = q;
  return {
    width: Math.max(1, Math.round(Math.max(distance(tl, tr), distance(bl, br)))),
    height: Math.max(1, Math.round(Math.max(distance(tl, bl), distance(tr, br)))),
  };
}

/** Whether the corners make a page: inside the frame, convex, in order, not a sliver. */
export function quadProblem(q: Quad, width: number, height: number): string | null {
  if (q.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y))) return '裁切角点无效';
  if (q.some((p) => p.x < -1 || p.y < -1 || p.x > width + 1 || p.y > height + 1)) {
    return '裁切角点超出了画面';
  }
  // each turn of the outline in the same direction: a convex page, corners in order
  const turns = q.map((p, i) => {
    const a = q[(i + 1) % 4] as Point;
    const b = q[(i + 2) % 4] as Point;
    return (a.x - p.x) * (b.y - a.y) - (a.y - p.y) * (b.x - a.x);
  });
  if (!turns.every((t) => t > 0)) return '四个裁切角须按左上、右上、右下、左下围成一页';
  const { width: w, height: h } = quadSize(q);
  if (w < 32 || h < 32) return '裁切区域太小';
  return null;
}

/** Solves the 8×8 system for the projective map taking the rectangle (0,0)–(w,h) onto `q`. */
function rectToQuad(q: Quad, w: number, h: number): number[] {
  const from: Point[] = [
    { x: 0, y: 0 },
    { x: w, y: 0 },
    { x: w, y: h },
    { x: 0, y: h },
  ];
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i] as Point;
    const { x: u, y: v } = q[i] as Point;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  // Gaussian elimination with partial pivoting
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++) {
      if (
        Math.abs((rows[r] as number[])[col] as number) >
        Math.abs((rows[pivot] as number[])[col] as number)
      )
        pivot = r;
    }
    [rows[col], rows[pivot]] = [rows[pivot] as number[], rows[col] as number[]];
    const p = rows[col] as number[];
    const d = p[col] as number;
    if (Math.abs(d) < 1e-12) throw new Error('degenerate quad');
    for (let k = col; k < 9; k++) p[k] = (p[k] as number) / d;
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const row = rows[r] as number[];
      const f = row[col] as number;
      if (f === 0) continue;
      for (let k = col; k < 9; k++) row[k] = (row[k] as number) - f * (p[k] as number);
    }
  }
  return [...rows.map((r) => r[8] as number), 1];
}

/**
 * The page inside `q` straightened onto a `width`×`height` raster, sampled bilinearly. Warping
 * straight to the stored size (not the frame's) keeps the work to the pixels that are kept.
 */
export function warpQuad(src: Raster, q: Quad, width: number, height: number): Raster {
  const [a, b, c, d, e, f, g, h] = rectToQuad(q, width, height) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ch = src.channels;
  const out = new Uint8Array(width * height * ch);
  const maxX = src.width - 1;
  const maxY = src.height - 1;
  for (let y = 0; y < height; y++) {
    const yc = y + 0.5;
    for (let x = 0; x < width; x++) {
      const xc = x + 0.5;
      const w = g * xc + h * yc + 1;
      const sx = Math.min(maxX, Math.max(0, (a * xc + b * yc + c) / w - 0.5));
      const sy = Math.min(maxY, Math.max(0, (d * xc + e * yc + f) / w - 0.5));
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const x1 = Math.min(maxX, x0 + 1);
      const y1 = Math.min(maxY, y0 + 1);
      const fx = sx - x0;
      const fy = sy - y0;
      const i00 = (y0 * src.width + x0) * ch;
      const i10 = (y0 * src.width + x1) * ch;
      const i01 = (y1 * src.width + x0) * ch;
      const i11 = (y1 * src.width + x1) * ch;
      const o = (y * width + x) * ch;
      for (let k = 0; k < ch; k++) {
        const top = (src.data[i00 + k] as number) * (1 - fx) + (src.data[i10 + k] as number) * fx;
        const bottom =
          (src.data[i01 + k] as number) * (1 - fx) + (src.data[i11 + k] as number) * fx;
        out[o + k] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return { data: out, width, height, channels: ch };
}

/** Otsu's threshold: the grey level that best splits the frame into page and desk. */
function otsu(grey: Uint8Array | Uint8ClampedArray): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of grey) hist[v] = (hist[v] as number) + 1;
  const total = grey.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * (hist[i] as number);
  let sumB = 0;
  let weightB = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    weightB += hist[t] as number;
    if (weightB === 0) continue;
    const weightF = total - weightB;
    if (weightF === 0) break;
    sumB += t * (hist[t] as number);
    const meanB = sumB / weightB;
    const meanF = (sum - sumB) / weightF;
    const between = weightB * weightF * (meanB - meanF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/**
 * Where the page is in a grey frame (best at a few hundred pixels across): the largest bright
 * region, its corners the extremes of x+y and x−y. Null when no region is page-like (less than
 * a sixth of the frame, or the whole frame): then the clerk places the corners, or keeps all.
 */
export function findPage(grey: Raster): Quad | null {
  if (grey.channels !== 1) throw new Error('findPage reads a grey raster');
  const { width, height, data } = grey;
  const t = otsu(data);
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  let best: { size: number; q: Quad } | null = null;
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || (data[start] as number) <= t) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let size = 0;
    let tl = start;
    let br = start;
    let tr = start;
    let bl = start;
    const sum = (i: number) => (i % width) + Math.floor(i / width);
    const diff = (i: number) => (i % width) - Math.floor(i / width);
    while (top > 0) {
      const i = stack[--top] as number;
      size++;
      if (sum(i) < sum(tl)) tl = i;
      if (sum(i) > sum(br)) br = i;
      if (diff(i) > diff(tr)) tr = i;
      if (diff(i) < diff(bl)) bl = i;
      const x = i % width;
      const neighbours = [
        x > 0 ? i - 1 : -1,
        x < width - 1 ? i + 1 : -1,
        i >= width ? i - width : -1,
        i + width < data.length ? i + width : -1,
      ];
      for (const n of neighbours) {
        if (n < 0 || seen[n] || (data[n] as number) <= t) continue;
        seen[n] = 1;
        stack[top++] = n;
      }
    }
    if (!best || size > best.size) {
      const at = (i: number): Point => ({ x: (i % width) + 0.5, y: Math.floor(i / width) + 0.5 });
      best = { size, q: [at(tl), at(tr), at(br), at(bl)] };
    }
  }
  if (!best) return null;
  const share = best.size / (width * height);
  if (share < 1 / 6 || share > 0.97) return null;
  return quadProblem(best.q, width, height) ? null : best.q;
}

/** Corners found on a scaled-down frame, in the full frame's pixels. */
export function scaleQuad(q: Quad, factor: number): Quad {
  return q.map((p) => ({ x: p.x * factor, y: p.y * factor })) as unknown as Quad;
}
