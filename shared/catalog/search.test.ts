import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogJson, itemJson } from './catalog.fixture';
import { parseCatalog } from './parse';
import { matchedAlias, searchItems } from './search';

const json = catalogJson();
json.departments.push({ code: 'WJ', name: '卫生健康局' }, { code: 'GA', name: '公安分局' });
json.items.push(
  itemJson({
    code: 'WJ-001',
    name: '公共场所卫生许可',
    initials: 'ggcswsxk',
    departmentCode: 'WJ',
  }),
  itemJson({
    code: 'GA-001',
    name: '旅馆业特种行业许可证核发',
    initials: 'lgytzhyxkzhf',
    departmentCode: 'GA',
  }),
  itemJson({ code: 'SJ-002', name: '食品经营许可', initials: 'spjyxk' }),
);
const catalog = parseCatalog(json);
const codes = (items: { code: string }[]) => items.map((i) => i.code);

describe('searchItems', () => {
  it('finds 个体工商户设立登记 by a prefix of its pinyin initials', () => {
    expect(codes(searchItems(catalog, 'gtgsh'))).toEqual(['SJ-001']);
  });

  it('is case-insensitive and ignores surrounding and inner spaces for codes and initials', () => {
    expect(codes(searchItems(catalog, '  GTG SH '))).toEqual(['SJ-001']);
    expect(codes(searchItems(catalog, 'zj-001'))).toEqual(['ZJ-001']);
  });

  it('finds by a substring of the name', () => {
    expect(codes(searchItems(catalog, '许可'))).toEqual(['ZJ-001', 'WJ-001', 'GA-001', 'SJ-002']);
    expect(codes(searchItems(catalog, '特种行业'))).toEqual(['GA-001']);
  });

  it('finds by a substring of the initials after better matches', () => {
    // "xk" (许可) starts no initials, appears inside four.
    expect(codes(searchItems(catalog, 'xk'))).toEqual(['ZJ-001', 'WJ-001', 'GA-001', 'SJ-002']);
  });

  it('ranks exact code, then initials prefix, then name, then code prefix, then initials substring', () => {
    const json2 = catalogJson();
    json2.items = [
      itemJson({ code: 'SJ-001', name: '甲事项sp', initials: 'jsxsp' }), // "sp" inside name and initials
      itemJson({ code: 'SJ-002', name: '食品经营许可', initials: 'spjyxk' }), // initials prefix
      itemJson({ code: 'SJ-003', name: '乙事项', initials: 'ysx' }), // no match
    ];
    expect(codes(searchItems(parseCatalog(json2), 'sp'))).toEqual(['SJ-002', 'SJ-001']);
    expect(codes(searchItems(parseCatalog(json2), 'sj-003'))).toEqual(['SJ-003']);
    // "sj" is a code prefix of all three and no initials start with it.
    expect(codes(searchItems(parseCatalog(json2), 'sj'))).toEqual(['SJ-001', 'SJ-002', 'SJ-003']);
  });

  it('puts the exact code first even when other items match it loosely', () => {
    const json3 = catalogJson();
    json3.items = [
      itemJson({ code: 'SJ-002', name: '说明SJ-001的事项', initials: 'smsjdsx' }),
      itemJson({ code: 'SJ-001', name: '个体工商户设立登记', initials: 'gtgshsldj' }),
    ];
    expect(codes(searchItems(parseCatalog(json3), 'SJ-001'))).toEqual(['SJ-001', 'SJ-002']);
  });

  it('limits results to one department when asked', () => {
    expect(codes(searchItems(catalog, '许可', 'ZJ'))).toEqual(['ZJ-001']);
    expect(codes(searchItems(catalog, '', 'SJ'))).toEqual(['SJ-001', 'SJ-002']);
    expect(searchItems(catalog, 'gtgsh', 'ZJ')).toEqual([]);
  });

  it('lists every item for an empty query, and nothing for a query that matches nothing', () => {
    expect(codes(searchItems(catalog, '   '))).toEqual(codes(catalog.items));
    expect(searchItems(catalog, 'qqqq')).toEqual([]);
  });

  it('always finds an item first by its own code, and among the hits by any prefix of its initials', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...catalog.items),
        fc.integer({ min: 1, max: 20 }),
        (item, length) => {
          expect(searchItems(catalog, item.code)[0]).toBe(item);
          const prefix = item.initials.slice(0, length);
          const hits = searchItems(catalog, prefix.toUpperCase());
          expect(hits).toContain(item);
          // Every item the prefix does not start comes after every item it does start.
          const starts = hits.map((h) => h.initials.startsWith(prefix));
          expect(starts).toEqual([...starts].sort((a, b) => Number(b) - Number(a)));
        },
      ),
    );
  });

  // Part R of issue 16: applicants ask for the licence, not the registration
  it('finds an item by its alias and by the alias initials, after items matching by their own name', () => {
    const aliased = catalogJson();
    aliased.items[0]!.aliases = [{ name: '营业执照', initials: 'yyzz' }];
    aliased.items.push(
      itemJson({
        code: 'SJ-002',
        name: '食品经营许可',
        initials: 'spjyxk',
        aliases: [{ name: '食品经营许可证办理', initials: 'spjyxkzbl' }],
      }),
      itemJson({
        code: 'SJ-003',
        name: '个体工商户变更登记',
        initials: 'gtgshbgdj',
        aliases: [{ name: '营业执照变更', initials: 'yyzzbg' }],
      }),
    );
    const catalog = parseCatalog(aliased);
    expect(codes(searchItems(catalog, '营业执照'))).toEqual(['SJ-001', 'SJ-003']);
    expect(codes(searchItems(catalog, 'YYZZ'))).toEqual(['SJ-001', 'SJ-003']);
    expect(codes(searchItems(catalog, 'yyzzbg'))).toEqual(['SJ-003']);
    // the item's own name ranks before an alias that contains the same words
    expect(codes(searchItems(catalog, '食品经营许可'))).toEqual(['SJ-002']);
    expect(codes(searchItems(catalog, '执照', 'ZJ'))).toEqual([]);
    const [registration] = searchItems(catalog, 'yyz');
    expect(matchedAlias(registration!, 'yyz')).toBe('营业执照');
    // found by its own initials: no alias to explain it
    expect(matchedAlias(registration!, 'gtg')).toBeUndefined();
  });

  it('never returns an item that does not match, nor one outside the department', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 4 }),
        fc.constantFrom(undefined, 'SJ', 'ZJ', 'WJ'),
        (query, dept) => {
          const q = query.trim().toLowerCase();
          for (const hit of searchItems(catalog, query, dept)) {
            if (dept !== undefined) expect(hit.departmentCode).toBe(dept);
            if (q === '') continue;
            const compact = q.replace(/\s+/g, '');
            const matches =
              hit.name.toLowerCase().includes(q) ||
              hit.initials.includes(compact) ||
              hit.code.toLowerCase().startsWith(compact) ||
              (hit.aliases ?? []).some(
                (a) => a.name.toLowerCase().includes(q) || a.initials.startsWith(compact),
              );
            expect(matches).toBe(true);
          }
        },
      ),
    );
  });
});
