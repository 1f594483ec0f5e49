import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { headlessSheets } from './headless-sheets';

// The archive's printer when there is no usable browser: the export fails with a sentence for
// the clerk, and the terminal process lives on (a closed pipe must not end it). The printing
// itself, with a real Chromium, is proven by tests/e2e/archive.spec.ts.

const route = `#/archive-sheet/${'a'.repeat(43)}`;
let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('headlessSheets without a working Chromium', () => {
  it('says the browser could not be started', async () => {
    const print = headlessSheets('/nonexistent/chromium', () => 'http://127.0.0.1:9');
    await expect(print([route])).rejects.toThrow(
      '无法启动 Chromium（/nonexistent/chromium）：spawn /nonexistent/chromium ENOENT',
    );
  });

  it('says the browser ended, with its last words', async () => {
    dir = mkdtempSync(join(tmpdir(), 'onewindow-fake-browser-'));
    const browser = join(dir, 'chromium');
    writeFileSync(browser, '#!/bin/sh\necho "no display" >&2\nexit 3\n');
    chmodSync(browser, 0o755);
    const print = headlessSheets(browser, () => 'http://127.0.0.1:9');
    await expect(print([route])).rejects.toThrow('Chromium 意外退出（3）：no display');
  });
});
