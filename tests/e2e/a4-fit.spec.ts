import { expect, test, type Page } from '@playwright/test';
import { appealNotice } from '../../shared/case';
import { personApplicant } from '../support/applicants';
import { startWebTerminal, type DemoAccount, type WebTerminal } from '../support/web-terminal';
import { apiAs, printPage } from './pages/documents';
import { loginPage } from './pages/login';
import { reportPage } from './pages/reports';

// Issue 15 point 6, A4 fit: every kind of paper the window prints, filled as the fullest real case
// would fill it (long names and addresses, four materials wrong, long reasons, a busy day), prints
// on exactly one A4 sheet. Counted from the PDF Chromium prints (MuPDF), each first page saved
// as a PNG for a look. The 期限变更告知书 needs a center's calendar change: calendar-table.spec.

const today = '2026-03-02';
let terminal: WebTerminal;
const account = (role: string): DemoAccount => terminal.accounts.find((a) => a.role === role)!;

test.beforeEach(async () => {
  terminal = await startWebTerminal(['--now', `${today}T09:00:00+08:00`, '--clock-control']);
});
test.afterEach(async () => {
  await terminal.stop();
});

// @page keeps 15 mm at the foot; a sheet that ends within one line of it goes over on a printer
// whose fonts or driver set a line a little taller, so a full sheet keeps a line to spare
const bottomMargin = (15 * 72) / 25.4;
const oneLine = 10.5 * 1.5;

async function onePage(page: Page, name: string) {
  const out = await printPage(page).toPdf(`a4-fit-${name}`);
  expect.soft(out.pages, `${name} prints on one A4 sheet`).toBe(1);
  expect
    .soft(out.textBottom, `${name} keeps a line to spare at the foot of the sheet`)
    .toBeLessThanOrEqual(out.pageHeight - bottomMargin - oneLine);
  expect(out.fonts).toMatch(/NotoSansSC/i);
  return out.text.replace(/\s+/g, '');
}

// a long organisation applicant: the longest names a business registration allows are ~50 chars
const longName =
  '新疆维吾尔自治区乌鲁木齐市天山区阿依古丽·买买提艾力餐饮管理服务有限责任公司第一分公司';
const person = (n: number) => ({ ...personApplicant(n), name: '阿卜杜热合曼·艾买提江·买买提依明' });
const longReasons =
  '经审查，申请人提交的经营场所平面布局图与现场核查情况不一致：原料库房与成品库房未分隔设置，' +
  '粗加工区、切配区、烹饪区未按照生进熟出的单一流向布局，专间内未设置独立的空气消毒设施和专用冷藏设施，' +
  '食品处理区与垃圾和废弃物存放场所之间的距离不足二十五米，且经营场所周边存在粉尘、有害气体、放射性物质等污染源，' +
  '不符合食品安全国家标准的相关要求；申请人在规定期限内经补正后仍未能提交符合要求的材料。';
const longBasis =
  '《中华人民共和国行政许可法》第三十八条第二款；《中华人民共和国食品安全法》第三十三条第一款第（一）项、第（二）项、' +
  '第三十五条；《食品经营许可和备案管理办法》第十二条、第十三条、第二十条第一款第（三）项';

test('every document kind, filled to the brim, prints on exactly one A4 sheet', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const clerk = await apiAs(terminal, account('clerk'));
  const chief = await apiAs(terminal, account('chief'));
  const item = await clerk.item('SJ-002');
  const printed: Record<string, { caseId: string; eventId: string }> = {};

  // 受理通知书 of a long-named applicant
  const accepted = await clerk.acceptedCase('SJ-002', person(1));
  printed.acceptance = accepted;

  // 一次性告知书 listing four of the six materials, each with a long detail
  const noticeCase = await clerk.receive('SJ-002', person(2));
  const wrong = item.materials.slice(0, 4).map((m) => m.id);
  // two found missing, two defective: the notice asks for each as the check found it
  const problemOf = (i: number) => (i % 2 ? 'missing' : 'defective');
  await clerk.record(noticeCase.caseId, 'materialsChecked', {
    materials: item.materials.map((m) => {
      const i = wrong.indexOf(m.id);
      if (i < 0) return { materialId: m.id, status: 'received' };
      return problemOf(i) === 'missing'
        ? { materialId: m.id, status: 'missing' }
        : { materialId: m.id, status: 'defective', defect: '复印件模糊' };
    }),
  });
  printed.notice = {
    caseId: noticeCase.caseId,
    eventId: (
      await clerk.record(noticeCase.caseId, 'noticeIssued', {
        items: wrong.map((materialId, i) => ({
          materialId,
          problem: problemOf(i),
          detail:
            '复印件字迹模糊、关键信息无法辨认，且未加盖申请单位公章；请提交加盖公章的清晰复印件一份，' +
            '并携带原件到窗口核验（原件核验后当场退还）',
        })),
        returnBy: '2026-03-16',
      })
    ).eventId,
  };

  // 不予受理决定书: not this agency, with the right one named and long reasons
  const refused = await clerk.receive('SJ-002', person(3));
  printed.refusal = {
    caseId: refused.caseId,
    eventId: (
      await clerk.record(refused.caseId, 'refused', {
        ground: 'notThisAgency',
        reasons: longReasons.slice(0, 160),
        legalBasis: longBasis,
        rightAgency:
          '乌鲁木齐市天山区农业农村局（地址：天山区解放南路一百二十八号政务服务大厅三楼农业窗口）',
        appealNotice: appealNotice('市场监督管理局'),
      })
    ).eventId,
  };

  // 特别程序告知书 and 延期告知书
  const paused = await clerk.acceptedCase('SJ-002', person(4));
  printed.pause = {
    caseId: paused.caseId,
    eventId: (
      await clerk.record(paused.caseId, 'paused', {
        procedure: 'hearing',
        expectedWorkingDays: 20,
        applicantNoticeRef: '天山市监听告〔2026〕第0001234号',
        centerFilingRef: '天山政务备〔2026〕第0005678号',
      })
    ).eventId,
  };
  const extended = await clerk.acceptedCase('SJ-002', person(5));
  printed.extension = {
    caseId: extended.caseId,
    eventId: (
      await chief.record(extended.caseId, 'extended', {
        workingDays: 5,
        approver: '天山区市场监督管理局局长 阿不都热依木·吐尔逊',
        reason: longReasons.slice(0, 200),
        applicantNoticeRef: '天山市监延告〔2026〕第0001234号',
      })
    ).eventId,
  };

  // 不予行政许可决定书 with long facts and reasons; 准予 → 证照 → 送达回证 by registered post
  const denied = await clerk.acceptedCase('SJ-002', person(6));
  await chief.record(denied.caseId, 'decided', {
    outcome: 'deny',
    facts: longReasons.slice(0, 180),
    reasons: longReasons,
    legalBasis: longBasis,
    appealNotice: appealNotice('市场监督管理局'),
  });
  printed.decision = {
    caseId: denied.caseId,
    eventId: (await chief.stamp(denied.caseId, account('chief').sealPin!)).eventId,
  };
  const approved = await clerk.acceptedCase('SJ-002', person(7));
  await chief.record(approved.caseId, 'decided', {
    outcome: 'approve',
    granted:
      '准予食品经营许可（食品销售经营者：预包装食品销售（含冷藏冷冻食品）、散装食品销售（含冷藏冷冻食品、含熟食）、' +
      '特殊食品销售（保健食品、特殊医学用途配方食品、婴幼儿配方乳粉）；餐饮服务经营者：热食类食品制售、冷食类食品制售、' +
      '生食类食品制售、半成品制售、自制饮品制售）',
    conditions:
      '经营场所不得擅自变更；冷食类、生食类食品制售须在专间内操作；每年一月底前报送上一年度食品安全自查报告',
  });
  await chief.stamp(approved.caseId, account('chief').sealPin!);
  printed.certificate = {
    caseId: approved.caseId,
    eventId: (
      await chief.record(approved.caseId, 'certificateIssued', {
        certificateNumber: 'JY16501020000123',
      })
    ).eventId,
  };
  printed.delivery = {
    caseId: approved.caseId,
    eventId: (
      await clerk.record(approved.caseId, 'delivered', {
        method: 'post',
        recipient: `${longName}（法定代表人 阿卜杜热合曼·艾买提江·买买提依明 代收）`,
        address:
          '新疆维吾尔自治区乌鲁木齐市天山区解放南路街道人民路社区幸福路一千二百三十四号金色阳光商务大厦B座二十三层2308室',
        receiptRef: 'XA123456789CN（中国邮政EMS挂号信函）',
      })
    ).eventId,
  };

  // a busy window's day: forty more cases received, most accepted, some refused, some decided
  for (let n = 10; n < 50; n++) {
    if (n % 7 === 0) {
      const r = await clerk.receive('SJ-002', personApplicant(n));
      await clerk.record(r.caseId, 'refused', {
        ground: 'noLicenceNeeded',
        reasons: '所售为食用农产品，依法无需取得食品经营许可',
        legalBasis: '《中华人民共和国食品安全法》第三十五条',
        appealNotice: appealNotice('市场监督管理局'),
      });
    } else {
      const c = await clerk.acceptedCase(n % 3 ? 'SJ-002' : 'SJ-001', personApplicant(n));
      if (n % 5 === 0) {
        await chief.record(c.caseId, 'decided', { outcome: 'approve', granted: '准予许可' });
        await chief.stamp(c.caseId, account('chief').sealPin!);
      }
    }
  }
  await terminal.setClock(`${today}T17:00:00+08:00`);

  await page.goto(terminal.url);
  await loginPage(page).signIn(account('chief').username, account('chief').password);
  const sheet = printPage(page);
  for (const [kind, at] of Object.entries(printed)) {
    await test.step(kind, async () => {
      await sheet.open(at.caseId, at.eventId);
      await onePage(page, kind);
    });
  }
  await test.step('guide', async () => {
    await page.evaluate(() => (location.hash = '#/guide/SJ-002'));
    await page.locator('[data-document="guide/SJ-002"][data-ready="true"]').waitFor();
    await onePage(page, 'guide');
  });

  await test.step('the daily report of the whole department and of the busy window', async () => {
    // a reload ends the chief's in-memory session: the manager signs in
    await page.goto(terminal.url);
    await loginPage(page).signIn(account('manager').username, account('manager').password);
    const report = reportPage(page);
    await report.openPrint();
    await onePage(page, 'daily-report-department');
    await page.goBack();
    await report.chooseWindow('市场监管窗口（SJ01）');
    await report.openPrint();
    const text = await onePage(page, 'daily-report-window');
    expect(text).toContain('办件统计日报表');
  });
});
