import { describe, expect, it } from 'vitest';
import { catalogJson, itemJson } from './catalog.fixture';
import { parseCatalog } from './parse';

function problemsOf(json: unknown): string[] {
  try {
    parseCatalog(json);
  } catch (error) {
    return (error as Error).message.split('\n').filter((line) => line.startsWith('- '));
  }
  throw new Error('expected the catalog to be rejected');
}

describe('parseCatalog', () => {
  it('accepts a valid catalog and keeps its content', () => {
    const catalog = parseCatalog(catalogJson());
    expect(catalog.version).toBe('test.1');
    expect(catalog.items.map((i) => i.code)).toEqual(['SJ-001', 'ZJ-001', 'ZJ-002']);
    expect(catalog.items[0]?.materials[1]?.note).toBe('核验原件');
  });

  it('lists every problem of a bad catalog at once, each with its path and item code', () => {
    const json = catalogJson();
    json.items.push(
      itemJson({ code: 'SJ-002', name: '个体工商户设立登记' }), // duplicate name
      itemJson({ code: 'XX-001', departmentCode: 'XX', name: '未知部门事项', initials: 'wzbmsx' }),
      itemJson({
        code: 'SJ-003',
        name: '食品经营许可',
        initials: 'spjyxk',
        promisedDays: 15,
        statutoryDays: 10,
      }),
      itemJson({
        code: 'SJ-004',
        name: '药品零售企业经营许可',
        initials: 'yplsqyjyxk',
        materials: [
          { id: 'm1', name: '申请表', required: true, form: 'original', count: 1 },
          { id: 'm1', name: '营业执照', required: true, form: 'copy', count: 1 },
        ],
      }),
    );

    const problems = problemsOf(json);

    expect(problems).toHaveLength(4);
    expect(problems).toContainEqual(
      expect.stringMatching(/^- items\[3\]\(SJ-002\)\.name: 事项名称重复/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^- items\[4\]\(XX-001\)\.departmentCode: 未知部门: XX/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^- items\[5\]\(SJ-003\)\.promisedDays: 承诺时限\(15\)不能长于法定时限\(10\)/,
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^- items\[6\]\(SJ-004\)\.materials\[1\]\.id: 材料编号重复: m1/),
    );
  });

  it('still checks names, codes and departments across items when one item is malformed', () => {
    const json = catalogJson();
    json.items.push(
      itemJson({ code: 'SJ-002', name: '个体工商户设立登记', statutoryDays: '三' }),
      itemJson({ code: 'XX-001', departmentCode: 'XX', name: '未知部门事项', initials: 'wzbmsx' }),
    );
    const problems = problemsOf(json);
    expect(problems).toContainEqual(
      expect.stringMatching(/^- items\[3\]\(SJ-002\)\.statutoryDays: /),
    );
    expect(problems).toContainEqual(expect.stringContaining('items[3](SJ-002).name: 事项名称重复'));
    expect(problems).toContainEqual(
      expect.stringContaining('items[4](XX-001).departmentCode: 未知部门: XX'),
    );
  });

  it('says how many problems there are in the first line', () => {
    const json = catalogJson();
    json.items[1]!.code = 'SJ-001';
    expect(() => parseCatalog(json)).toThrow(/^事项目录无效（2 处）：/);
  });

  it('rejects duplicate item codes and department codes', () => {
    const json = catalogJson();
    json.departments.push({ code: 'SJ', name: '另一个市场监督管理局' });
    json.items.push(itemJson({ name: '另一事项', initials: 'lysx' }));
    const problems = problemsOf(json);
    expect(problems).toContainEqual(
      expect.stringContaining('departments[2].code: 部门编码重复: SJ'),
    );
    expect(problems).toContainEqual(
      expect.stringContaining('items[3](SJ-001).code: 事项编码重复: SJ-001'),
    );
  });

  it('enforces Art. 42 extensions: 15 days exactly for joint items, at most 10 otherwise', () => {
    const json = catalogJson();
    json.items[2]!.extensionDays = 10; // joint
    json.items[0]!.extensionDays = 15; // not joint
    const problems = problemsOf(json);
    expect(problems).toContainEqual(
      expect.stringContaining('items[2](ZJ-002).extensionDays: 联办事项延期为15日'),
    );
    expect(problems).toContainEqual(
      expect.stringContaining('items[0](SJ-001).extensionDays: 非联办事项延期不超过10日'),
    );
  });

  it('requires the item code to carry its department code', () => {
    const json = catalogJson();
    json.items[1]!.code = 'SJ-009';
    expect(problemsOf(json)).toContainEqual(
      expect.stringContaining('items[1](SJ-009).code: 事项编码须以部门编码 ZJ- 开头'),
    );
  });

  it('requires one initial per character of an all-Chinese name', () => {
    const json = catalogJson();
    json.items[0]!.initials = 'gtgshsld';
    expect(problemsOf(json)).toContainEqual(
      expect.stringContaining('拼音首字母个数(8)与名称字数(9)不符'),
    );
  });

  // Part R of issue 16
  it('keeps aliases, and checks their initials, that they differ from the name and each other', () => {
    const good = catalogJson();
    good.items[0]!.aliases = [{ name: '营业执照', initials: 'yyzz' }];
    expect(parseCatalog(good).items[0]?.aliases).toEqual([{ name: '营业执照', initials: 'yyzz' }]);
    const json = catalogJson();
    json.items[0]!.aliases = [
      { name: '营业执照', initials: 'yyz' },
      { name: '个体工商户设立登记', initials: 'gtgshsldj' },
      { name: '开业', initials: 'ky' },
      { name: '开业', initials: 'ky' },
      { name: '执照', initials: 'ZZ' },
    ];
    const problems = problemsOf(json);
    expect(problems).toContainEqual(
      expect.stringContaining('aliases[0].initials: 拼音首字母个数(3)与名称字数(4)不符'),
    );
    expect(problems).toContainEqual(
      expect.stringContaining('aliases[1].name: 别名不能与事项名称相同'),
    );
    expect(problems).toContainEqual(expect.stringContaining('aliases[3].name: 别名重复: 开业'));
    expect(problems).toContainEqual(
      expect.stringContaining('aliases[4].initials: 拼音首字母须为小写字母或数字'),
    );
  });

  // Issue 17 part 3: the public guide groups items by life event
  it('keeps life events, and refuses a repeated, overlong or blank one at its index', () => {
    const good = catalogJson();
    good.items[0]!.lifeEvents = ['开办企业', '开餐馆'];
    expect(parseCatalog(good).items[0]?.lifeEvents).toEqual(['开办企业', '开餐馆']);
    const json = catalogJson();
    json.items[0]!.lifeEvents = ['开办企业', '开办企业', '一二三四五六七八九十一二三', ' '];
    const problems = problemsOf(json);
    expect(problems).toContainEqual(expect.stringContaining('lifeEvents[1]: 主题重复: 开办企业'));
    expect(problems).toContainEqual(expect.stringContaining('lifeEvents[2]: 主题不超过12个字'));
    expect(problems).toContainEqual(expect.stringContaining('lifeEvents[3]: 不能为空'));
  });

  it('reports structural errors in Chinese with their path', () => {
    const json = catalogJson();
    json.items[0]!.statutoryDays = '三';
    json.items[0]!.materials[0]!.count = 0;
    json.items[1]!.contact = { phone: '12345', address: '区政务服务中心' };
    const problems = problemsOf(json);
    expect(problems).toContainEqual(
      expect.stringMatching(/^- items\[0\]\(SJ-001\)\.statutoryDays: .*期望 数字/),
    );
    expect(problems).toContainEqual(
      expect.stringContaining('items[0](SJ-001).materials[0].count: 份数至少为1'),
    );
    expect(problems).toContainEqual(
      expect.stringContaining('items[1](ZJ-001).contact.phone: 电话须形如'),
    );
  });

  it('rejects unknown keys, so a misspelt optional field is not silently dropped', () => {
    const json = catalogJson();
    json.items[0]!.certficate = '营业执照';
    expect(problemsOf(json)).toContainEqual(
      expect.stringMatching(/^- items\[0\]\(SJ-001\): .*certficate/),
    );
  });

  it('rejects blank text that would print as an empty line in the public guide', () => {
    const json = catalogJson();
    json.items[0]!.procedure = ['受理', '   '];
    expect(problemsOf(json)).toContainEqual(
      expect.stringContaining('items[0](SJ-001).procedure[1]: 不能为空'),
    );
  });

  it('rejects input that is not a catalog at all', () => {
    expect(problemsOf(null)).toEqual([expect.stringMatching(/^- \(root\): /)]);
    expect(problemsOf({ version: '1', departments: [], items: [] })).toContainEqual(
      expect.stringContaining('departments: 至少一个部门'),
    );
  });
});
