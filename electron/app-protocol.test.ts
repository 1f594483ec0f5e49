import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appIndexUrl, isAppPage, resolveAppFile, serveAppRequest } from './app-protocol';

function rendererDir() {
  const base = mkdtempSync(join(tmpdir(), 'app-protocol-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>一窗通</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', '思源黑体.woff2'), 'font');
  // a secret beside the renderer folder: what a traversal would be after
  writeFileSync(join(base, 'terminal.sqlite'), 'SQLite format 3');
  return { base, root };
}

describe('resolveAppFile', () => {
  const { root } = rendererDir();

  it('maps app://onewindow/… to the files under the renderer folder', () => {
    expect(resolveAppFile(root, 'app://onewindow/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, appIndexUrl)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://onewindow/assets/app.js?v=1#x')).toBe(
      join(root, 'assets', 'app.js'),
    );
    expect(
      resolveAppFile(root, 'app://onewindow/assets/%E6%80%9D%E6%BA%90%E9%BB%91%E4%BD%93.woff2'),
    ).toBe(join(root, 'assets', '思源黑体.woff2'));
  });

  it('refuses every way out of the folder and every other origin', () => {
    for (const url of [
      'app://onewindow/../terminal.sqlite',
      'app://onewindow/assets/../../terminal.sqlite',
      'app://onewindow/%2e%2e/terminal.sqlite',
      'app://onewindow/assets%2f..%2f..%2fterminal.sqlite',
      'app://onewindow/..%5cterminal.sqlite',
      'app://onewindow/index.html%00.js',
      'app://onewindow/%E6%80',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://onewindow//etc/passwd',
      'not a url',
    ]) {
      const file = resolveAppFile(root, url);
      if (file !== null) expect(file.startsWith(join(root, '/'))).toBe(true);
    }
    // the URL parser (Node's, as Chromium's) clamps dot segments at the root: still inside it
    expect(resolveAppFile(root, 'app://onewindow/%2e%2e/terminal.sqlite')).toBe(
      join(root, 'terminal.sqlite'),
    );
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'app://onewindow/..%5cterminal.sqlite')).toBeNull();
  });
});

describe('serveAppRequest', () => {
  const { root } = rendererDir();

  it('serves a file with its type, the CSP and nosniff', async () => {
    const r = await serveAppRequest(root, 'app://onewindow/assets/app.js', "default-src 'self'");
    expect(r.status).toBe(200);
    expect(r.body?.toString()).toBe('console.log(1)');
    expect(r.headers).toMatchObject({
      'Content-Type': 'text/javascript; charset=utf-8',
      'Content-Security-Policy': "default-src 'self'",
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it('answers 404, with nothing of the file, for a traversal, a folder or a missing file', async () => {
    for (const url of [
      'app://onewindow/%2e%2e/terminal.sqlite',
      'app://onewindow/assets',
      'app://onewindow/missing.js',
    ]) {
      const r = await serveAppRequest(root, url, '');
      expect(r.status).toBe(404);
      expect(r.body).toBeNull();
    }
  });
});

describe('isAppPage', () => {
  it('lets the page change its #/route and nothing else', () => {
    expect(isAppPage(`${appIndexUrl}#/print/a/b`)).toBe(true);
    expect(isAppPage('app://onewindow/other.html')).toBe(false);
    expect(isAppPage('https://example.cn/index.html')).toBe(false);
    expect(isAppPage('file:///work/dist/renderer/index.html')).toBe(false);
  });
});
