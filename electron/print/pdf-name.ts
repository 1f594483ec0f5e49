/** Only letters, digits, CJK and dashes: the renderer proposes the name, main decides the path. */
export function safePdfName(proposed: unknown): string {
  const cleaned = (typeof proposed === 'string' ? proposed : '')
    .replace(/[^\p{L}\p{N}-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${cleaned || '文书'}.pdf`;
}
