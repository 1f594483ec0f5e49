import { lawFields, withItemLaw } from './law';
// A small valid catalog for tests, as plain JSON (what a file or the server would hand over).
// A fresh copy per call: tests break it in place.

export type CatalogJson = {
  version: string;
  departments: { code: string; name: string }[];
  items: ItemJson[];
};
export type ItemJson = Record<string, unknown> & {
  code: string;
  name: string;
  initials: string;
  departmentCode: string;
  materials: Record<string, unknown>[];
};

export function itemJson(overrides: Partial<ItemJson> = {}): ItemJson {
  return {
    code: 'SJ-001',
    name: '个体工商户设立登记',
    initials: 'gtgshsldj',
    departmentCode: 'SJ',
    legalBasis: ['《中华人民共和国市场主体登记管理条例》第十九条'],
    conditions: ['有合法、真实的经营场所'],
    materials: [
      { id: 'm1', name: '申请书', required: true, form: 'original', count: 1 },
      {
        id: 'm2',
        name: '经营者居民身份证',
        required: true,
        form: 'copy',
        count: 1,
        note: '核验原件',
      },
    ],
    procedure: ['受理', '登记', '发照'],
    promisedDays: 0,
    statutoryDays: 3,
    statutoryUnit: 'workingDays',
    statutoryBasis: '《中华人民共和国市场主体登记管理条例》第十九条',
    extensionDays: 3,
    extensionBasis: '《中华人民共和国市场主体登记管理条例》第十九条',
    extensionApprover: 'agencyHead',
    publicationPausesStatutory: false,
    validity: {
      kind: 'permanent',
      basis: '《促进个体工商户发展条例》：个体工商户营业执照不载明营业期限',
    },
    sampleForm: '《个体工商户登记（备案）申请书》示范文本：窗口免费提供',
    quantityLimit: '无数量限制',
    joint: false,
    reviewMode: 'single',
    fee: { standard: '不收费', basis: '未设立收费项目' },
    contact: { phone: '029-86010101', address: '区政务服务中心 1楼 1号窗口' },
    certificate: '营业执照',
    ...overrides,
  };
}

export function catalogJson(): CatalogJson {
  return {
    version: 'test.1',
    departments: [
      { code: 'SJ', name: '市场监督管理局' },
      { code: 'ZJ', name: '住房和城乡建设局' },
    ],
    items: [
      itemJson(),
      itemJson({
        code: 'ZJ-001',
        name: '建筑工程施工许可证核发',
        initials: 'jzgcsgxkzhf',
        departmentCode: 'ZJ',
        promisedDays: 5,
        statutoryDays: 7,
        statutoryUnit: 'calendarDays',
        statutoryBasis: '《中华人民共和国建筑法》第八条',
        extensionDays: 0,
        extensionBasis: undefined,
        extensionApprover: undefined,
        validity: { kind: 'decided' },
        reviewMode: 'twoPerson',
        certificate: '建筑工程施工许可证',
      }),
      itemJson({
        code: 'ZJ-002',
        name: '占用挖掘城市道路审批',
        initials: 'zywjcsdlsp',
        departmentCode: 'ZJ',
        promisedDays: 10,
        statutoryDays: 45,
        statutoryBasis: '《中华人民共和国行政许可法》第四十二条第二款',
        extensionDays: 15,
        extensionBasis: '《中华人民共和国行政许可法》第四十二条第二款',
        extensionApprover: 'governmentHead',
        validity: { kind: 'decided' },
        joint: true,
      }),
    ],
  };
}

/**
 * An item as a migration leaves one stored before the catalog carried each item's law: its law
 * and guide fields gone, then given the legacy reading (JSON text, as stored).
 */
export function legacyStored(item: object): string {
  const bare = Object.fromEntries(
    Object.entries(item).filter(([key]) => !(lawFields as readonly string[]).includes(key)),
  );
  return withItemLaw(JSON.stringify(bare));
}
