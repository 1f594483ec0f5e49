import { expect, type Page } from '@playwright/test';
import { choose } from './cases';

// Issue 17: the hall's screens at /hall/ and the window's 叫号 panel, as the specs use them.

export function kioskPage(page: Page) {
  const locators = {
    line: (department: string) => page.getByRole('button', { name: new RegExp(department) }),
    ticket: page.getByRole('region', { name: '号票' }),
    number: page.getByTestId('ticket-number'),
    ahead: page.getByTestId('ticket-ahead'),
    qr: page.getByRole('img', { name: '扫码查看排队进度' }),
    done: page.getByRole('button', { name: '完成' }),
  };
  return {
    locators,
    async open(centerUrl: string) {
      await page.goto(`${centerUrl}/hall/?kiosk`);
    },
    /** One touch on the department; the ticket's number as the kiosk shows it. */
    async take(department: string): Promise<string> {
      await locators.line(department).click();
      await expect(locators.number).toBeVisible();
      return (await locators.number.textContent()) ?? '';
    },
    async finish() {
      await locators.done.click();
      await expect(locators.ticket).toBeHidden();
    },
  };
}

/** Records what the page asks its speech synthesis to say, before any of its scripts run. */
export async function recordSpeech(page: Page) {
  await page.addInitScript(() => {
    const said: { text: string; lang: string }[] = [];
    (window as unknown as { said: typeof said }).said = said;
    const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      said.push({ text: u.text, lang: u.lang });
      speak(u);
    };
  });
  return {
    said: () =>
      page.evaluate(() => (window as unknown as { said: { text: string; lang: string }[] }).said),
  };
}

export function bigScreen(page: Page) {
  return {
    locators: {
      now: page.getByTestId('now-number'),
      voice: page.getByRole('button', { name: '点击开启语音播报' }),
      window: (code: string) => page.locator(`[data-window="${code}"]`),
      recent: page.getByRole('region', { name: '最近叫号' }).getByRole('listitem'),
    },
    async open(centerUrl: string) {
      await page.goto(`${centerUrl}/hall/?screen`);
    },
  };
}

export function queueBar(page: Page) {
  const bar = page.getByTestId('queue-bar');
  const locators = {
    bar,
    current: page.getByTestId('queue-current'),
    waiting: page.getByTestId('queue-waiting'),
    failure: page.getByTestId('queue-failure'),
    // antd puts a space between the two characters of a two-character button: "叫 号"
    button: (name: string) =>
      bar.getByRole('button', { name: new RegExp(`^${[...name].join('\\s?')}$`) }),
    intakeTicket: page.getByTestId('intake-ticket'),
  };
  return {
    locators,
    async press(name: '叫号' | '重呼' | '过号' | '办结' | '暂停服务' | '恢复服务') {
      await locators.button(name).click();
    },
    async transfer(toWindow: string, note: string) {
      await locators.button('转窗').click();
      const dialog = page.getByRole('dialog', { name: /转窗/ });
      await choose(page, dialog.getByRole('combobox', { name: /转入窗口/ }), toWindow);
      await dialog.getByRole('textbox', { name: /转窗原因/ }).fill(note);
      await dialog.getByRole('button', { name: '确定转窗' }).click();
      await expect(dialog).toBeHidden();
    },
  };
}
