import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../catalog';
import { sealSvg } from './seal';

const resources = new URL('../../resources/', import.meta.url);
const catalog = parseCatalog(
  JSON.parse(readFileSync(new URL('catalog/default-catalog.json', resources), 'utf8')),
);
const sealsDir = new URL('seals/', resources);

/** What a reader of the drawing sees as text, in document order. */
function textOf(svg: string): string {
  return svg.replace(/<[^>]*>/g, '').replace(/\s+/g, '');
}

describe('sealSvg', () => {
  it('is one red ring with a star, the name and 行政审批专用章', () => {
    const svg = sealSvg('市场监督管理局');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200"')).toBe(
      true,
    );
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('#d7000f');
    expect(svg).toContain('<polygon');
    expect(svg).toContain('<textPath');
    expect(svg).toContain('市场监督管理局行政审批专用章');
    expect(textOf(svg)).toBe('市场监督管理局行政审批专用章');
  });

  it('escapes what XML would read as markup', () => {
    const svg = sealSvg('A<B&"C\'局');
    expect(svg).not.toContain('A<B');
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    expect(svg).toContain('A&lt;B&amp;&quot;C&apos;局');
    expect(textOf(svg)).toBe('A&lt;B&amp;&quot;C&apos;局行政审批专用章');
  });

  it('gives two names two arcs, so two seals on one page keep their own', () => {
    const id = (svg: string) => /<path id="([^"]+)"/.exec(svg)?.[1];
    expect(id(sealSvg('民政局'))).not.toBe(id(sealSvg('公安分局')));
    expect(sealSvg('民政局')).toBe(sealSvg('民政局'));
  });
});

describe('resources/seals', () => {
  it('holds the drawn seal of every department of the default catalog, and no other', () => {
    const files = readdirSync(sealsDir).filter((f) => f.endsWith('.svg'));
    expect(files.sort()).toEqual(catalog.departments.map((d) => `${d.code}.svg`).sort());
    for (const d of catalog.departments) {
      const file = readFileSync(new URL(`${d.code}.svg`, sealsDir), 'utf8');
      // regenerate with `npx tsx scripts/seals.ts`
      expect(file, d.code).toBe(`${sealSvg(d.name)}\n`);
    }
  });
});
