// The department's dedicated approval seal (行政审批专用章) as a drawing: a red ring, a five-pointed
// star in the centre, the department's name along the upper arc and 行政审批专用章 below the star.
// resources/seals holds one per department of the default catalog (scripts/seals.ts); a center
// replaces a file with the department's registered seal. Pure: no DOM, no files.

const red = '#d7000f';
const fontFamily = `'Noto Sans SC', 'WenQuanYi Micro Hei', sans-serif`;

const centre = 100;
/** the ring's centre line; with its 6-unit stroke the inner edge sits at 91 */
const ringRadius = 94;
const ringWidth = 6;
const innerEdge = ringRadius - ringWidth / 2;
/** between the ring and the top of the name's characters */
const nameGap = 3.5;
/** a CJK glyph stands about 0.88 em above its baseline */
const ascent = 0.88;

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** Two decimals: the file stays readable and the same on every platform. */
function n(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** The point at `degrees` clockwise from twelve o'clock, `radius` from the centre. */
function polar(radius: number, degrees: number): [number, number] {
  const a = (degrees * Math.PI) / 180;
  return [centre + radius * Math.sin(a), centre - radius * Math.cos(a)];
}

/** FNV-1a: an id of the name, so two different seals inlined on one page keep their own arcs. */
function idOf(name: string): string {
  let h = 0x811c9dc5;
  for (const ch of name) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `seal-arc-${h.toString(16).padStart(8, '0')}`;
}

/**
 * How the name sits on the arc: the longer the name, the wider the arc and the smaller the
 * characters; a short name keeps large characters spread wide, as on a cut seal. Each character
 * gets an equal share of the arc and is centred in it (no reliance on the font's advances).
 */
function nameLayout(count: number): { span: number; fontSize: number; baseline: number } {
  const span = Math.min(228, 120 + count * 15);
  let fontSize = 30;
  let baseline = innerEdge - nameGap - ascent * fontSize;
  // the baseline moves out as the characters shrink: settle both together
  for (let i = 0; i < 4; i++) {
    const pitch = (baseline * span * Math.PI) / 180 / Math.max(count, 1);
    fontSize = Math.min(30, pitch * 0.86);
    baseline = innerEdge - nameGap - ascent * fontSize;
  }
  return { span, fontSize, baseline };
}

function star(cx: number, cy: number, outer: number): string {
  const inner = outer * 0.382; // a regular five-pointed star
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const [x, y] = polar(i % 2 === 0 ? outer : inner, i * 36);
    points.push(`${n(x - centre + cx)},${n(y - centre + cy)}`);
  }
  return `<polygon points="${points.join(' ')}" fill="${red}"/>`;
}

/**
 * What a seal says below its star: the 行政审批专用章 on decisions and certificates, the
 * 受理专用章 (Art. 32) on acceptance, refusal and one-time notices.
 */
export const sealPurposes = { approval: '行政审批专用章', intake: '受理专用章' } as const;
export type SealPurpose = keyof typeof sealPurposes;

/** The seal of `departmentName` as a self-contained SVG document (viewBox 0 0 200 200). */
export function sealSvg(departmentName: string, purpose: SealPurpose = 'approval'): string {
  const label = sealPurposes[purpose];
  const name = departmentName.trim();
  const chars = [...name];
  const { span, fontSize, baseline } = nameLayout(chars.length);
  const [x0, y0] = polar(baseline, -span / 2);
  const [x1, y1] = polar(baseline, span / 2);
  const id = idOf(name);
  // clockwise over the top: the characters stand with their tops to the ring
  const arc =
    `M ${n(x0)} ${n(y0)} ` +
    `A ${n(baseline)} ${n(baseline)} 0 ${span > 180 ? 1 : 0} 1 ${n(x1)} ${n(y1)}`;
  const pitch = (baseline * span * Math.PI) / 180 / Math.max(chars.length, 1);
  const font = `font-family="${fontFamily}" font-weight="700" fill="${red}"`;
  // one text a character, each centred on its share of the arc: even whatever the font
  const nameText = chars
    .map(
      (ch, i) =>
        `<text ${font} font-size="${n(fontSize)}" text-anchor="middle">` +
        `<textPath href="#${id}" startOffset="${n(pitch * (i + 0.5))}">${escapeXml(ch)}</textPath></text>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="40mm" height="40mm" role="img" aria-label="${escapeXml(name)}${label}">`,
    `<defs><path id="${id}" d="${arc}"/></defs>`,
    `<circle cx="${centre}" cy="${centre}" r="${ringRadius}" fill="none" stroke="${red}" stroke-width="${ringWidth}"/>`,
    star(centre, 96, 30),
    `<g>${nameText}</g>`,
    `<text ${font} font-size="18" x="${centre}" y="158" text-anchor="middle">${label}</text>`,
    `</svg>`,
  ].join('\n');
}
