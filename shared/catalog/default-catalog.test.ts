import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from './parse';
import { searchItems } from './search';

// The shipped default catalog (resources/catalog). Read here only: shared/ code never loads files.
const file = new URL('../../resources/catalog/default-catalog.json', import.meta.url);
const catalog = parseCatalog(JSON.parse(readFileSync(file, 'utf8')));

describe('default catalog', () => {
  it('parses, with version 2026.1, at least 14 items and 5 departments', () => {
    expect(catalog.version).toBe('2026.1');
    expect(catalog.items.length).toBeGreaterThanOrEqual(14);
    expect(catalog.departments.length).toBeGreaterThanOrEqual(5);
  });

  it('gives every department at least one item', () => {
    for (const d of catalog.departments) {
      expect(
        catalog.items.some((i) => i.departmentCode === d.code),
        d.code,
      ).toBe(true);
    }
  });

  it('has one initial per character of each all-Chinese name', () => {
    for (const item of catalog.items) {
      if (/^\p{Script=Han}+$/u.test(item.name)) {
        expect(item.initials.length, item.name).toBe([...item.name].length);
      }
    }
  });

  // Checked by hand against the pinyin of each character, polyphones included:
  // 行业 hang, 乐 le (娱乐), 场 chang, 单 dan, 发 fa, 挖掘 wa jue.
  it.each([
    ['个体工商户设立登记', 'gtgshsldj'],
    ['旅馆业特种行业许可证核发', 'lgytzhyxkzhf'],
    ['娱乐场所经营活动审批', 'ylcsjyhdsp'],
    ['民办非企业单位成立登记', 'mbfqydwcldj'],
    ['建筑工程施工许可证核发', 'jzgcsgxkzhf'],
    ['占用挖掘城市道路审批', 'zywjcsdlsp'],
  ])('spells the initials of %s as %s', (name, initials) => {
    const item = catalog.items.find((i) => i.name === name);
    expect(item?.initials).toBe(initials);
  });

  it('finds 个体工商户设立登记 by "gtgsh"', () => {
    expect(searchItems(catalog, 'gtgsh').map((i) => i.name)).toEqual(['个体工商户设立登记']);
  });

  it('covers the shapes the windows must handle: on-the-spot, joint, and two-person review', () => {
    expect(catalog.items.filter((i) => i.promisedDays === 0).length).toBeGreaterThanOrEqual(1);
    expect(
      catalog.items.filter((i) => i.joint && i.extensionDays === 15).length,
    ).toBeGreaterThanOrEqual(1);
    expect(catalog.items.filter((i) => i.reviewMode === 'twoPerson').length).toBeGreaterThanOrEqual(
      2,
    );
  });

  it('publishes the seven disclosures (七公开) for every item', () => {
    for (const item of catalog.items) {
      expect(
        item.legalBasis.some((basis) => /《.+》第.+条/.test(basis)),
        item.code,
      ).toBe(true);
      expect(item.conditions.length, item.code).toBeGreaterThan(0);
      expect(
        item.materials.some((m) => m.required),
        item.code,
      ).toBe(true);
      expect(item.procedure.length, item.code).toBeGreaterThan(0);
      expect(item.fee.standard.length * item.fee.basis.length, item.code).toBeGreaterThan(0);
      expect(item.contact.address, item.code).toMatch(/^区政务服务中心 \d+楼 \d+号窗口$/);
      expect(item.certificate, item.code).toBeTruthy();
    }
  });
});
