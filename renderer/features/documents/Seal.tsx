/// <reference types="vite/client" />
import type { SealMark } from '../../../shared/documents';
import { sealSvg } from '../../../shared/documents';

// The seal images of resources/seals, bundled into the page at build time: the terminal prints
// offline, and the renderer reads no files.
const files = import.meta.glob<string>('../../../resources/seals/*.svg', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const byDepartment: ReadonlyMap<string, string> = new Map(
  Object.entries(files).map(([path, svg]) => [/([^/]+)\.svg$/.exec(path)?.[1] ?? path, svg]),
);

const entities: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

/** The name a drawn seal (scripts/seals.ts) was drawn for; null for a real seal's image. */
function drawnFor(svg: string): string | null {
  const label = /aria-label="([^"]*)行政审批专用章"/.exec(svg)?.[1];
  if (label === undefined) return null;
  const name = label.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => entities[e] ?? e);
  return svg.trimEnd() === sealSvg(name) ? name : null;
}

/**
 * The department's seal as SVG markup: its file when the center put one in resources/seals, else
 * the drawn seal. A drawn seal always carries the name the document prints, even after the
 * department was renamed in the catalog.
 */
export function sealMarkup(seal: SealMark): string {
  // resources/seals holds the approval seals: the 受理专用章 is always drawn, with the name the
  // notice prints (a center wanting its registered image there adds it under its own purpose)
  if (seal.purpose === 'intake') return sealSvg(seal.departmentName, 'intake');
  const file = byDepartment.get(seal.departmentCode);
  if (file === undefined) return sealSvg(seal.departmentName);
  const drawn = drawnFor(file);
  return drawn === null || drawn === seal.departmentName.trim()
    ? file
    : sealSvg(seal.departmentName);
}

/**
 * The seal stamped over the department's name and date, about 40 mm across: the 行政审批专用章,
 * or on intake notices the 受理专用章. Inline SVG (not an
 * <img>): the page's embedded Noto Sans SC sets its characters, on screen and in the PDF. The
 * markup is our own bundled file or our own drawing, never user input.
 */
export function Seal({ seal }: { seal: SealMark }) {
  return (
    <div
      className="a4-seal"
      data-testid="document-seal"
      data-department={seal.departmentCode}
      data-purpose={seal.purpose ?? 'approval'}
      dangerouslySetInnerHTML={{ __html: sealMarkup(seal) }}
    />
  );
}
