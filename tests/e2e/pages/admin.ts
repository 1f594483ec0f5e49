import { expect, type Page } from '@playwright/test';

// Locators in one place, actions in another: the manager's administration as a story.
export function adminPage(page: Page) {
  const dialog = page.getByRole('dialog');
  const windowForm = page.getByTestId('window-form');
  const staffForm = page.getByTestId('staff-form');
  const closureForm = page.getByTestId('closure-form');
  const locators = {
    signIn: page.getByTestId('center-sign-in'),
    page: page.getByTestId('admin-page'),
    tab: (name: string) => page.getByRole('tab', { name }),
    row: (text: string | RegExp) => page.getByRole('row').filter({ hasText: text }),
    enrollmentCode: page.getByTestId('enrollment-code'),
    enrollmentDialog: page.getByTestId('enrollment-code-dialog'),
    powersWindow: page.getByTestId('powers-window'),
    formError: page.getByTestId('admin-form-error'),
    loadError: page.getByTestId('admin-load-error'),
    itemJson: page.getByTestId('item-json'),
    itemProblems: page.getByTestId('item-problems'),
    dialog,
  };
  const save = () => dialog.getByRole('button', { name: /保\s*存/ }).click();
  return {
    locators,
    async open() {
      await page.getByRole('menu').getByText('中心管理').click();
    },
    async signIn(password: string) {
      await locators.signIn.getByLabel('密码').fill(password);
      await locators.signIn.getByLabel('密码').press('Enter');
    },
    async openTab(name: string) {
      await locators.tab(name).click();
    },
    async createWindow(w: { department: string; code: string; name: string }) {
      await page.getByRole('button', { name: '新增窗口' }).click();
      await windowForm.getByLabel('部门').fill(w.department);
      await windowForm.getByLabel('部门').press('Enter');
      await windowForm.getByLabel('窗口编号').fill(w.code);
      await windowForm.getByLabel('窗口名称').fill(w.name);
      await save();
    },
    async renameDepartment(code: string, name: string) {
      await locators
        .row(code)
        .getByRole('button', { name: /修\s*改/ })
        .click();
      await dialog.getByLabel('部门名称').fill(name);
      await save();
    },
    async issueCode(windowCode: string) {
      await locators.row(windowCode).getByRole('button', { name: '生成注册码' }).click();
    },
    async createStaff(s: {
      username: string;
      name: string;
      role: string;
      /** window staff only; a manager or supervisor may instead be kept to the center */
      window?: string;
      centerOnly?: boolean;
      password: string;
    }) {
      await page.getByRole('button', { name: '新增人员' }).click();
      await staffForm.getByLabel('用户名').fill(s.username);
      await staffForm.getByLabel('姓名').fill(s.name);
      await staffForm.getByLabel('角色').click();
      await page.locator('.ant-select-dropdown:visible').getByText(s.role, { exact: true }).click();
      if (s.window) {
        await staffForm.getByLabel('窗口').fill(s.window);
        await staffForm.getByLabel('窗口').press('Enter');
      }
      if (s.centerOnly) await staffForm.getByLabel('仅在中心登录').check();
      await staffForm.getByLabel('初始密码').fill(s.password);
      await save();
    },
    async editItem(code: string, item: object) {
      await locators
        .row(code)
        .getByRole('button', { name: /修\s*改/ })
        .click();
      await locators.itemJson.fill(JSON.stringify(item, null, 2));
      await save();
    },
    /** Grants (`true`) or withdraws a window's power for an item, as its 授权书 says. */
    async delegate(windowLabel: string, itemName: string, power: string, granted: boolean) {
      await locators.powersWindow.click();
      await page.locator('.ant-select-dropdown:visible').getByText(windowLabel).click();
      const box = page.getByRole('checkbox', { name: `${itemName} ${power}` });
      // disabled until the window's grants arrive: a box already in the wanted state would be
      // "set" at once, and the grants arriving next would be saved unchanged (seen under load)
      await expect(box).toBeEnabled();
      await box.setChecked(granted);
      await page.getByRole('button', { name: /保\s*存/ }).click();
    },
    async addClosure(date: string, reason: string) {
      await closureForm.getByLabel('日期').fill(date);
      await closureForm.getByLabel('日期').press('Enter');
      await closureForm.getByLabel('原因').fill(reason);
      await closureForm.getByRole('button', { name: '添加闭馆日' }).click();
    },
  };
}
