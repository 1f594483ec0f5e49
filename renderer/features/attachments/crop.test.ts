import { describe, expect, it } from 'vitest';
import { findPage, quadProblem, type Quad } from '../../../shared/scan/geometry';
import { greyRaster, nudgeCorner, placeCorner, startingQuad } from './crop';

/** A dark 200×150 RGBA frame with a white page between (40,30) and (160,120). */
function frame(): Uint8ClampedArray {
  const w = 200;
  const h = 150;
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      const page = x >= 40 && x < 160 && y >= 30 && y < 120;
      rgba[o] = page ? 250 : 40;
      rgba[o + 1] = page ? 248 : 50;
      rgba[o + 2] = page ? 240 : 60;
      rgba[o + 3] = 255;
    }
  }
  return rgba;
}

describe('the crop step', () => {
  it('reads a canvas frame as grey and finds the page on it', () => {
    const grey = greyRaster(frame(), 200, 150);
    expect(grey.channels).toBe(1);
    expect(grey.data[0]).toBe(48);
    const q = findPage(grey)!;
    expect(q[0].x).toBeCloseTo(40.5, 0);
    expect(q[2].y).toBeCloseTo(119.5, 0);
  });

  it('starts from the inset frame when no page was found', () => {
    const q = startingQuad(null, 200, 100);
    expect(q).toEqual([
      { x: 10, y: 5 },
      { x: 190, y: 5 },
      { x: 190, y: 95 },
      { x: 10, y: 95 },
    ]);
    expect(quadProblem(q, 200, 100)).toBeNull();
  });

  it('moves a corner by arrow keys, ten times as far with Shift, never out of the frame', () => {
    const q = startingQuad(null, 200, 100);
    expect(nudgeCorner(q, 0, 'ArrowRight', false, 200, 100)![0]).toEqual({ x: 11, y: 5 });
    expect(nudgeCorner(q, 2, 'ArrowDown', true, 200, 100)![2]).toEqual({ x: 190, y: 100 });
    expect(nudgeCorner(q, 0, 'Enter', false, 200, 100)).toBeNull();
    const dragged: Quad = placeCorner(q, 1, { x: 500, y: -3 }, 200, 100);
    expect(dragged[1]).toEqual({ x: 200, y: 0 });
    expect(dragged[0]).toEqual(q[0]);
  });
});
