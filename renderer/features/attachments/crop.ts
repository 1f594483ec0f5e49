import { quadProblem, type Point, type Quad, type Raster } from '../../../shared/scan/geometry';

// The crop step's arithmetic, apart from the DOM so it is tested as it is: the grey frame
// findPage reads, the corners a clerk starts from, and a corner moved by a key or a drag.

/** RGBA pixels (a canvas's ImageData) as the grey raster findPage reads. */
export function greyRaster(rgba: Uint8ClampedArray, width: number, height: number): Raster {
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) {
    const o = i * 4;
    // Rec. 601 luma: white paper on a dark desk stays the brightest whatever the tint
    data[i] = Math.round(
      0.299 * (rgba[o] as number) +
        0.587 * (rgba[o + 1] as number) +
        0.114 * (rgba[o + 2] as number),
    );
  }
  return { data, width, height, channels: 1 };
}

/** The corners found, or a frame inset by a twentieth when no page was found. */
export function startingQuad(found: Quad | null, width: number, height: number): Quad {
  if (found && !quadProblem(found, width, height)) return found;
  const dx = width / 20;
  const dy = height / 20;
  return [
    { x: dx, y: dy },
    { x: width - dx, y: dy },
    { x: width - dx, y: height - dy },
    { x: dx, y: height - dy },
  ];
}

/** Corner `index` put at `to`, kept inside the frame. */
export function placeCorner(
  q: Quad,
  index: number,
  to: Point,
  width: number,
  height: number,
): Quad {
  const clamped = {
    x: Math.min(width, Math.max(0, to.x)),
    y: Math.min(height, Math.max(0, to.y)),
  };
  return q.map((p, i) => (i === index ? clamped : p)) as unknown as Quad;
}

const arrows: Record<string, Point> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

/**
 * A corner moved by an arrow key: a step of 1/200 of the frame's width, ten with Shift, so a
 * clerk without a mouse crosses the frame in a few seconds and still lands on the paper's edge.
 * Null for any other key.
 */
export function nudgeCorner(
  q: Quad,
  index: number,
  key: string,
  fast: boolean,
  width: number,
  height: number,
): Quad | null {
  const d = arrows[key];
  if (!d) return null;
  const step = (width / 200) * (fast ? 10 : 1);
  const p = q[index] as Point;
  return placeCorner(q, index, { x: p.x + d.x * step, y: p.y + d.y * step }, width, height);
}
