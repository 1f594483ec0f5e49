import { describe, expect, it } from 'vitest';
import { itemJson, type ItemJson } from './catalog.fixture';
import { article42Paragraph, serviceItemSchema } from './schema';

// The reviewer's cases (issue 14): each legal field that misstates the law is refused at that
// field, in Chinese, while the catalog's real items still pass.

const art42 = {
  one: '《中华人民共和国行政许可法》第四十二条第一款',
  two: '《中华人民共和国行政许可法》第四十二条第二款',
};

/** An ordinary item under Art. 42 ¶1 (20 working days, +10 by the agency's head). */
const ordinary = (overrides: Partial<ItemJson> = {}) =>
  itemJson({
    code: 'SJ-003',
    name: '药品零售企业经营许可',
    initials: 'yplsqyjyxk',
    statutoryDays: 20,
    statutoryBasis: art42.one,
    extensionDays: 10,
    extensionBasis: art42.one,
    extensionApprover: 'agencyHead',
    ...overrides,
  });

/** The joint item under Art. 42 ¶2 (45 working days, +15 by the government's head). */
const joint = (overrides: Partial<ItemJson> = {}) =>
  ordinary({
    joint: true,
    statutoryDays: 45,
    statutoryBasis: art42.two,
    extensionDays: 15,
    extensionBasis: art42.two,
    extensionApprover: 'governmentHead',
    ...overrides,
  });

/** An item whose own regulation sets 7日 and allows no extension (GA-002). */
const ownLaw = (overrides: Partial<ItemJson> = {}) =>
  itemJson({
    statutoryDays: 7,
    statutoryUnit: 'calendarDays',
    statutoryBasis: '《大型群众性活动安全管理条例》第十二条',
    extensionDays: 0,
    extensionBasis: undefined,
    extensionApprover: undefined,
    ...overrides,
  });

function problems(json: ItemJson): { path: string; message: string }[] {
  const parsed = serviceItemSchema.safeParse(json);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}
const paths = (json: ItemJson) => problems(json).map((p) => p.path);

describe('the catalog item is held to the articles it cites', () => {
  it('accepts what the law says, by the full or the short title, spaced or in digits', () => {
    expect(problems(ordinary())).toEqual([]);
    expect(problems(joint())).toEqual([]);
    expect(problems(ownLaw())).toEqual([]);
    expect(problems(itemJson())).toEqual([]);
    const short = '《行政许可法》第四十二条第一款';
    expect(problems(ordinary({ statutoryBasis: short, extensionBasis: short }))).toEqual([]);
    expect(article42Paragraph('《 行政许可法 》 第 42 条 第 2 款')).toBe(2);
    expect(article42Paragraph(short)).toBe(1);
    expect(article42Paragraph('《中华人民共和国行政许可法》第四十二条')).toBe('none');
    expect(article42Paragraph('《中华人民共和国行政许可法》第四十五条')).toBeUndefined();
    expect(article42Paragraph('《大型群众性活动安全管理条例》第十二条')).toBeUndefined();
  });

  it('refuses a limit other than the one the cited paragraph sets', () => {
    // WJ-001 at 30 working days citing ¶1, which sets 20
    expect(problems(ordinary({ code: 'SJ-003', statutoryDays: 30 }))).toEqual([
      {
        path: 'statutoryDays',
        message:
          '行政许可法第四十二条第一款规定的期限为20日，不是30日；其他期限须引用规定该期限的法律、法规',
      },
    ]);
    // ZJ-004 at 60 citing ¶2, which sets 45
    expect(paths(joint({ statutoryDays: 60 }))).toEqual(['statutoryDays']);
    // and counted in working days (Art. 82), whatever the item says
    expect(paths(ordinary({ statutoryUnit: 'calendarDays', promisedDays: 0 }))).toEqual([
      'statutoryUnit',
    ]);
  });

  it('holds a joint item to ¶2 and ¶2 to joint items, with the government head approving', () => {
    expect(problems(joint({ statutoryBasis: art42.one, statutoryDays: 20 }))).toContainEqual({
      path: 'statutoryBasis',
      message: '联办事项的法定时限依据为行政许可法第四十二条第二款(统一办理、联合办理、集中办理)',
    });
    expect(paths(ordinary({ statutoryBasis: art42.two, statutoryDays: 45 }))).toContain(
      'statutoryBasis',
    );
    expect(problems(ordinary({ extensionApprover: 'governmentHead' }))).toEqual([
      {
        path: 'extensionApprover',
        message:
          '经本级人民政府负责人批准延期只适用于联办事项(行政许可法第四十二条第二款)；本事项延期由本机关负责人批准',
      },
    ]);
    expect(paths(joint({ extensionBasis: art42.one }))).toContain('extensionBasis');
  });

  it("refuses Art. 42's extension on a limit Art. 42 did not set", () => {
    // GA-002: 7日 under its own regulation, +3 "under" Art. 42
    const extended = ownLaw({
      extensionDays: 3,
      extensionBasis: '《中华人民共和国行政许可法》第四十二条',
      extensionApprover: 'agencyHead',
    });
    expect(problems(extended)).toEqual([
      {
        path: 'extensionBasis',
        message:
          '行政许可法第四十二条的延期只适用于该条自身的期限：法定时限依据须同为第四十二条，否则写明本事项法律、法规规定的延期依据',
      },
    ]);
    expect(problems({ ...extended, extensionBasis: '《行政许可法》第四十二条第一款' })).toEqual([
      {
        path: 'extensionBasis',
        message:
          '行政许可法第四十二条第一款的延期只适用于该款自身的期限：法定时限依据须同为第四十二条第一款，否则写明本事项法律、法规规定的延期依据',
      },
    ]);
    // the item's own regulation may allow it (SJ-002, 10 + 5 under its own measures)
    expect(
      problems(
        ownLaw({
          statutoryDays: 10,
          statutoryUnit: 'workingDays',
          extensionDays: 5,
          extensionBasis: '《食品经营许可和备案管理办法》第二十二条',
          extensionApprover: 'agencyHead',
        }),
      ),
    ).toEqual([]);
  });

  it('requires every basis to name its law or regulation, and Art. 42 its paragraph', () => {
    const namesNothing =
      '依据须写明法律、法规的名称（如《中华人民共和国行政许可法》第四十二条第一款）';
    expect(problems(ownLaw({ statutoryBasis: 'x' }))).toEqual([
      { path: 'statutoryBasis', message: namesNothing },
    ]);
    expect(problems(itemJson({ validity: { kind: 'permanent', basis: '长期' } }))).toEqual([
      { path: 'validity.basis', message: namesNothing },
    ]);
    expect(paths(itemJson({ validity: { kind: 'years', years: 5, basis: '《 》五年' } }))).toEqual([
      'validity.basis',
    ]);
    expect(paths(ordinary({ extensionBasis: '本机关规定' }))).toEqual(['extensionBasis']);
    expect(paths(ownLaw({ publicationPausesStatutory: true, publicationBasis: '需公示' }))).toEqual(
      ['publicationBasis'],
    );
    expect(
      paths(
        ownLaw({
          publicationPausesStatutory: true,
          publicationBasis: '《大型群众性活动安全管理条例》第十二条',
        }),
      ),
    ).toEqual([]);
    expect(
      problems(
        ordinary({
          statutoryBasis: '《行政许可法》第四十二条',
          extensionBasis: '《行政许可法》第四十二条',
        }),
      ),
    ).toEqual([
      { path: 'statutoryBasis', message: '引用行政许可法第四十二条须写明第一款或第二款' },
      { path: 'extensionBasis', message: '引用行政许可法第四十二条须写明第一款或第二款' },
    ]);
  });
});
