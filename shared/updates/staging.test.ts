import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVersions, isSemver, releaseFor, stagedFor, stagingDraw } from './staging';

const device = (id: string, windowId = 'w-1') => ({ id, windowId });
const release = (version: string, percent: number, windowIds: string[] = []) => ({
  version,
  percent,
  windowIds,
});

describe('the staging rule of terminal releases', () => {
  it('orders versions as semver does, pre-releases below their release', () => {
    const ordered = [
      '0.9.0',
      '0.10.0',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.2.0',
      '10.0.0',
    ];
    for (let i = 0; i + 1 < ordered.length; i += 1) {
      expect(compareVersions(ordered[i] ?? '', ordered[i + 1] ?? '')).toBeLessThan(0);
      expect(compareVersions(ordered[i + 1] ?? '', ordered[i] ?? '')).toBeGreaterThan(0);
    }
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
  });

  it('accepts only plain semantic versions', () => {
    for (const ok of ['0.1.0', '1.2.3', '1.0.0-rc.1']) expect(isSemver(ok)).toBe(true);
    for (const bad of ['1.2', 'v1.2.3', '01.2.3', '1.2.3+build', '1.2.3/../x', '', '1.2.3-'])
      expect(isSemver(bad)).toBe(false);
    expect(() => compareVersions('1.2', '1.2.3')).toThrow('not a version');
  });

  it('draws each device once per release: stable, 0–99, and different per release', () => {
    expect(stagingDraw('dev-a', '1.1.0')).toBe(stagingDraw('dev-a', '1.1.0'));
    fc.assert(
      fc.property(fc.string(), fc.string(), (id, version) => {
        const draw = stagingDraw(id, version);
        return Number.isInteger(draw) && draw >= 0 && draw < 100;
      }),
    );
    const ids = Array.from({ length: 200 }, (_, i) => `device-${i}`);
    const same = ids.filter((id) => stagingDraw(id, '1.1.0') === stagingDraw(id, '1.2.0'));
    expect(same.length).toBeLessThan(20);
  });

  it('offers a percentage to about that share of devices, growing without dropping anyone', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `device-${i}`);
    const at = (pct: number) => ids.filter((id) => stagedFor(release('2.0.0', pct), device(id)));
    expect(at(0)).toHaveLength(0);
    expect(at(100)).toHaveLength(ids.length);
    const ten = at(10);
    expect(ten.length).toBeGreaterThan(140);
    expect(ten.length).toBeLessThan(260);
    const thirty = new Set(at(30));
    expect(ten.every((id) => thirty.has(id))).toBe(true);
  });

  it('offers a release to the windows named whatever their draw', () => {
    const r = release('2.0.0', 0, ['w-pilot']);
    expect(stagedFor(r, device('x', 'w-pilot'))).toBe(true);
    expect(stagedFor(r, device('x', 'w-other'))).toBe(false);
  });

  it('picks the newest release the device is staged for', () => {
    const releases = [
      release('1.0.0', 100),
      release('1.1.0', 0, ['w-pilot']),
      release('1.0.1', 100),
    ];
    expect(releaseFor(releases, device('a', 'w-pilot'))?.version).toBe('1.1.0');
    expect(releaseFor(releases, device('a', 'w-1'))?.version).toBe('1.0.1');
    expect(releaseFor([release('1.1.0', 0)], device('a'))).toBeNull();
  });
});
