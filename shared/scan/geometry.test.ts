import { describe, expect, it } from 'vitest';
import {
  findPage,
  quadProblem,
  quadSize,
  scaleQuad,
  warpQuad,
  type Point,
  type Quad,
} from './geometry';

/** Whether p lies inside the convex quad q (corners clockwise on screen). */
function inside(q: Quad, p: Point): boolean {
  return q.every((a, i) => {
    const b = q[(i + 1) % 4] as Point;
    return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) >= 0;
  });
}

/** A desk (grey 40) with a slanted page (grey 235) on it, and a dark mark on the page. */
function photographedPage(width: number, height: number, page: Quad, mark: Quad) {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = { x: x + 0.5, y: y + 0.5 };
      data[y * width + x] = inside(mark, p) ? 20 : inside(page, p) ? 235 : 40;
    }
  }
  return { data, width, height, channels: 1 };
}

const page: Quad = [
  { x: 60, y: 40 },
  { x: 330, y: 70 },
  { x: 310, y: 420 },
  { x: 40, y: 390 },
];

describe('the page on the desk', () => {
  // the mark sits in the page's top-left corner region
  const mark: Quad = [
    { x: 90, y: 75 },
    { x: 130, y: 80 },
    { x: 128, y: 110 },
    { x: 88, y: 105 },
  ];
  const frame = photographedPage(400, 460, page, mark);

  it('finds the page’s four corners within two pixels', () => {
    const found = findPage(frame);
    expect(found).not.toBeNull();
    found?.forEach((corner, i) => {
      expect(Math.abs(corner.x - (page[i] as Point).x)).toBeLessThan(2.5);
      expect(Math.abs(corner.y - (page[i] as Point).y)).toBeLessThan(2.5);
    });
  });

  it('straightens the page: the desk is gone and the mark stays in its corner', () => {
    const { width, height } = quadSize(page);
    const flat = warpQuad(frame, page, width, height);
    // no desk grey survives along the edges (a pixel in from each)
    for (const [x, y] of [
      [2, 2],
      [width - 3, 2],
      [width - 3, height - 3],
      [2, height - 3],
    ] as const) {
      expect(flat.data[y * width + x]).toBeGreaterThan(200);
    }
    // the mark: dark near (15%, 12%) of the straightened page, white at its centre
    expect(flat.data[Math.round(height * 0.14) * width + Math.round(width * 0.18)]).toBeLessThan(
      60,
    );
    expect(flat.data[Math.round(height / 2) * width + Math.round(width / 2)]).toBeGreaterThan(200);
  });

  it('finds nothing on an empty desk, and nothing when the page fills the frame', () => {
    const desk = { data: new Uint8Array(100 * 100).fill(40), width: 100, height: 100, channels: 1 };
    expect(findPage(desk)).toBeNull();
    const full = {
      data: new Uint8Array(100 * 100).fill(235),
      width: 100,
      height: 100,
      channels: 1,
    };
    expect(findPage(full)).toBeNull();
  });

  it('refuses corners out of order, outside the frame or a sliver', () => {
    expect(quadProblem(page, 400, 460)).toBeNull();
    const crossed: Quad = [page[0], page[2], page[1], page[3]];
    expect(quadProblem(crossed, 400, 460)).toMatch(/左上、右上、右下、左下/);
    expect(quadProblem(scaleQuad(page, 2), 400, 460)).toMatch(/超出/);
    const sliver: Quad = [
      { x: 10, y: 10 },
      { x: 300, y: 10 },
      { x: 300, y: 20 },
      { x: 10, y: 20 },
    ];
    expect(quadProblem(sliver, 400, 460)).toMatch(/太小/);
  });
});
