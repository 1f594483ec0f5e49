import { defineConfig } from '@playwright/test';
import { testBrowser } from './tests/support/test-browser';

// The machine's Chromium (CHROMIUM_PATH, Debian's /usr/bin/chromium), else the one inside the
// @sparticuz/chromium npm package (tests/support/test-browser.ts); never a downloaded browser. The
// flags keep it off the (closed) network.
const browser = testBrowser();

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: browser.executablePath,
      ...(browser.env ? { env: browser.env } : {}),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        ...browser.args,
      ],
    },
  },
});
