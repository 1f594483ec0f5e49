import type { Page } from '@playwright/test';

// Locators in one place, actions in another: public complaints, from the supervisor's record to
// the window's reply and the supervisor's conclusion.

/** 电子监察 → 公众投诉: the supervisor's list, record dialog and drawer. */
export function complaintsPanel(page: Page) {
  const form = page.getByTestId('complaint-form');
  const drawer = page.getByTestId('complaint-drawer');
  const locators = {
    tab: page.getByRole('tab', { name: '公众投诉' }),
    panel: page.getByTestId('complaints-panel'),
    record: page.getByRole('button', { name: '登记投诉' }),
    form,
    window: form.getByLabel('被投诉窗口'),
    complainantName: form.getByLabel('投诉人姓名（可选）'),
    complainantPhone: form.getByLabel('联系电话（可选）'),
    channel: (name: string) => form.getByText(name, { exact: true }),
    content: form.getByLabel('投诉内容'),
    submit: form.getByRole('button', { name: /登\s*记/ }),
    rows: page.getByTestId('complaint-row'),
    filter: (label: string) =>
      page.getByTestId('complaint-filter').getByText(label, { exact: true }),
    drawer,
    replyText: drawer.getByTestId('complaint-reply-text'),
    history: drawer.getByTestId('complaint-history'),
    historyEntries: drawer.getByTestId('complaint-history-entry'),
    conclusion: (name: string) =>
      drawer.getByTestId('complaint-close').getByText(name, { exact: true }),
    closeComment: drawer.getByLabel('办结意见（可选）'),
    close: drawer.getByRole('button', { name: /办\s*结/ }),
  };
  return {
    locators,
    async open() {
      await locators.tab.click();
    },
    async record(c: {
      window: string;
      name: string;
      phone: string;
      channel: string;
      content: string;
    }) {
      await locators.record.click();
      await locators.window.click();
      await page.locator('.ant-select-dropdown').getByText(c.window).click();
      await locators.complainantName.fill(c.name);
      await locators.complainantPhone.fill(c.phone);
      await locators.channel(c.channel).click();
      await locators.content.fill(c.content);
      await locators.submit.click();
    },
    async closeAs(conclusion: string, comment: string) {
      await locators.conclusion(conclusion).click();
      await locators.closeComment.fill(comment);
      await locators.close.click();
    },
  };
}

/** 监察预警 at the window: the menu with its badge, complaints with their reply box, alerts. */
export function windowAlertsPage(page: Page) {
  const complaint = page.getByTestId('window-complaint');
  const locators = {
    menu: page.getByRole('menu').getByText('监察预警'),
    badge: page.getByRole('menu').getByTestId('alerts-badge'),
    page: page.getByTestId('window-alerts'),
    fetched: page.getByTestId('window-alerts-fetched'),
    complaint,
    deadline: complaint.getByTestId('complaint-deadline'),
    status: complaint.getByTestId('complaint-status'),
    reply: complaint.getByTestId('complaint-reply').getByRole('textbox'),
    send: complaint.getByRole('button', { name: '发送答复' }),
    lastReply: complaint.getByTestId('complaint-last-reply'),
    alertRows: page.getByTestId('window-alert-row'),
  };
  return {
    locators,
    async open() {
      await locators.menu.click();
    },
    async reply(text: string) {
      await locators.reply.fill(text);
      await locators.send.click();
    },
  };
}
