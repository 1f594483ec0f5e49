import { expect, type Page } from '@playwright/test';

// Locators in one place, actions in another: the spec reads as the clerk's day at the counter.
export function intakePage(page: Page) {
  const locators = {
    nav: page.getByRole('menuitem', { name: '收件受理' }),
    finder: page.getByRole('textbox', { name: '选择事项' }),
    results: page.getByRole('listbox', { name: '选择事项' }).getByRole('option'),
    selectedItem: page.getByTestId('selected-item'),
    guide: page.getByTestId('item-guide'),
    name: page.getByLabel('姓名', { exact: true }),
    idNumber: page.getByLabel('身份证号', { exact: true }),
    mobile: page.getByLabel('手机号码', { exact: true }),
    idField: page
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel('身份证号', { exact: true }) }),
    receive: page.getByTestId('submit-receive'),
    caseHeader: page.getByTestId('case-header'),
    status: page.getByTestId('case-status'),
    completenessClock: page.getByTestId('clock-completeness'),
    material: (id: string) => page.getByTestId(`material-${id}`),
    checklist: page.getByTestId('checklist'),
    verdict: page.getByTestId('verdict'),
    saveChecklist: page.getByRole('button', { name: /保存核验/ }),
    issueNotice: page.getByRole('button', { name: /出具一次性告知书/ }),
    noticePreview: page.getByTestId('notice-preview'),
    confirmNotice: page.getByTestId('confirm-notice'),
    noticeCard: page.getByTestId('notice-card'),
    noticeItems: page.getByTestId('notice-items').locator('> li'),
    noticeRule: page.getByTestId('notice-rule'),
    printNotice: page.getByRole('button', { name: /打印告知书/ }),
    saveSupplement: page.getByRole('button', { name: /登记补正/ }),
    accept: page.getByRole('button', { name: /^受理/ }),
    acceptWaived: page.getByRole('button', { name: /^容缺受理/ }),
    confirmAccept: page.getByTestId('confirm-accept'),
    acceptedCard: page.getByTestId('accepted-card'),
    promisedDate: page.getByTestId('promised-date'),
    printAcceptance: page.getByRole('button', { name: /打印受理通知书/ }),
    refuse: page.getByTestId('action-bar').getByRole('button', { name: /不予受理/ }),
    refuseDialog: page.getByRole('dialog', { name: /不予受理/ }),
    confirmRefuse: page.getByTestId('confirm-refuse'),
    apiError: page.getByTestId('api-error'),
    shortcutHelp: page.getByText('⌨ 快捷键'),
    // part R of issue 16 (search)
    itemAlias: page.getByTestId('item-alias'),
    organisation: page.getByText('法人或其他组织', { exact: true }),
    orgName: page.getByLabel('单位名称', { exact: true }),
    uscc: page.getByLabel('统一社会信用代码', { exact: true }),
    legalRepresentative: page.getByLabel('法定代表人', { exact: true }),
    contactPerson: page.getByLabel('联系人', { exact: true }),
    usccOtherName: page.getByTestId('uscc-other-name'),
    // part T of issue 16: the department's open case of the same applicant and item
    openCaseWarning: page.getByTestId('open-case-warning'),
    openCase: (caseNumber: string) =>
      page.getByTestId('open-case').and(page.locator(`[data-case-number="${caseNumber}"]`)),
    createAnyway: page.getByTestId('create-anyway'),
    duplicateReason: page.getByLabel('仍然新建的理由'),
    confirmDuplicateReason: page.getByTestId('confirm-duplicate-reason'),
  };

  return {
    locators,
    async open() {
      await locators.nav.click();
      await expect(locators.finder).toBeFocused();
    },
    async findItem(typed: string, name: string) {
      await locators.finder.fill(typed);
      await expect(locators.results.first()).toContainText(name);
      await locators.finder.press('Enter');
      await expect(locators.selectedItem).toContainText(name);
    },
    async fillPerson(p: { name: string; idNumber: string; mobile: string }) {
      await locators.name.fill(p.name);
      await locators.idNumber.fill(p.idNumber);
      await locators.mobile.fill(p.mobile);
    },
    // part R of issue 16 (search)
    async fillOrganisation(o: {
      name: string;
      uscc: string;
      legalRepresentative: string;
      contact: string;
      mobile: string;
    }) {
      await locators.organisation.click();
      await locators.orgName.fill(o.name);
      await locators.uscc.fill(o.uscc);
      await locators.legalRepresentative.fill(o.legalRepresentative);
      await locators.contactPerson.fill(o.contact);
      await locators.mobile.fill(o.mobile);
    },
    async receive() {
      await locators.receive.click();
    },
    async mark(id: string, status: '收到' | '缺' | '有缺陷') {
      await locators.material(id).getByText(status, { exact: false }).first().click();
    },
    async markAllReceivedExcept(ids: string[], missing: string[]) {
      for (const id of ids) await this.mark(id, missing.includes(id) ? '缺' : '收到');
    },
    async issueNoticeFor() {
      await locators.issueNotice.click();
      await expect(locators.noticePreview).toBeVisible();
    },
    async tickSupplement(names: string[]) {
      for (const n of names) await locators.noticeCard.getByRole('checkbox', { name: n }).check();
      await locators.saveSupplement.click();
    },
    async accept() {
      await locators.accept.click();
      await locators.confirmAccept.click();
      await expect(locators.acceptedCard).toBeVisible();
    },
    // part T of issue 16
    async continueOpenCase(caseNumber: string) {
      await locators.openCase(caseNumber).getByTestId('continue-open-case').click();
      await expect(locators.caseHeader).toContainText(caseNumber);
    },
    async openRefusal() {
      await locators.refuse.click();
      await expect(locators.refuseDialog).toBeVisible();
    },
  };
}
