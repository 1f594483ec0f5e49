import { describe, expect, it } from 'vitest';
import { catalogJson } from './catalog.fixture';
import { parseCatalog } from './parse';
import { toItemSnapshot } from './snapshot';

describe('toItemSnapshot', () => {
  const catalog = parseCatalog(catalogJson());
  const item = catalog.items[0]!;

  it('keeps exactly what decides a case', () => {
    expect(toItemSnapshot(item)).toEqual({
      code: 'SJ-001',
      name: '个体工商户设立登记',
      departmentCode: 'SJ',
      reviewMode: 'single',
      promisedDays: 0,
      statutoryDays: 3,
      extensionDays: 3,
      joint: false,
      // the law the clocks and notices read (issue 14), kept with the case
      statutoryUnit: 'workingDays',
      statutoryBasis: '《中华人民共和国市场主体登记管理条例》第十九条',
      extensionBasis: '《中华人民共和国市场主体登记管理条例》第十九条',
      extensionApprover: 'agencyHead',
      publicationPausesStatutory: false,
      validity: {
        kind: 'permanent',
        basis: '《促进个体工商户发展条例》：个体工商户营业执照不载明营业期限',
      },
      certificate: '营业执照',
      materials: [
        { id: 'm1', name: '申请书', required: true, form: 'original', count: 1 },
        { id: 'm2', name: '经营者居民身份证', required: true, form: 'copy', count: 1 },
      ],
    });
  });

  it('shares no object with the catalog, so a later edit cannot move the case', () => {
    const snapshot = toItemSnapshot(item);
    item.materials[0]!.count = 9;
    item.materials.push({ id: 'm9', name: '新增材料', required: true, form: 'original', count: 1 });
    expect(snapshot.materials).toHaveLength(2);
    expect(snapshot.materials[0]?.count).toBe(1);
  });
});
