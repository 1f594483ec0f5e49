import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { materialTerms, timeLimitWords, validityWords } from './guide-words';
import { parseCatalog } from './parse';

// Issue 17 part 3: the words the window's guide, its printed 办事指南 and the public /guide/ all
// take for an item's limits and materials, on the shipped catalog's own items.
const file = new URL('../../resources/catalog/default-catalog.json', import.meta.url);
const items = parseCatalog(JSON.parse(readFileSync(file, 'utf8'))).items;
const item = (code: string) => items.find((i) => i.code === code)!;

describe('the guide’s words', () => {
  it('state a limit in the unit its law counts in, with its article and its extension', () => {
    expect(timeLimitWords(item('SJ-002'))).toMatch(
      /^承诺5个工作日内办结；法定时限10个工作日（《[^》]+》[^）]+）；经本机关负责人批准可延长5个工作日（/,
    );
    // a regulation's 60日 is calendar days: never printed as 60 working days
    const society = timeLimitWords(item('MZ-001'));
    expect(society).toContain('法定时限60日（');
    expect(society).not.toContain('60个工作日');
    expect(society).toContain('；法律未规定延长办理期限。');
    expect(timeLimitWords(item('SJ-001'))).toMatch(/^即办（当场办结）；/);
  });

  it('state a material’s requirement, form and count; a conditional one is not "optional"', () => {
    const [form, , , conditional] = item('SJ-001').materials;
    expect(materialTerms(form!)).toBe('必需 · 原件 · 1份');
    expect(materialTerms(conditional!)).toBe('视情形 · 复印件 · 1份');
  });

  it('state the validity as its law sets it, or as the decision will', () => {
    expect(validityWords(item('SJ-001').validity)).toMatch(/^长期（《促进个体工商户发展条例》/);
    expect(validityWords(item('SJ-002').validity)).toMatch(/^5年（《食品经营许可和备案管理办法》/);
    expect(validityWords(item('MZ-001').validity)).toBe('以许可决定载明的期限为准');
  });
});
