import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The language policy (shared/api/errors.ts): messages from main and the center are Chinese, and
// English is the renderer's to say from the code and rule id. A "中文 / English" literal is the
// old habit coming back, and so is a "中文 (English)" gloss; this finds either wherever main, the
// center, shared/ or node-shared/ could send it.

const roots = ['electron', 'server', 'shared', 'node-shared'];

// Said to the operator at the console (the center's and the CLIs' own output for the hall's IT),
// never sent to a window.
const operatorConsole = new Set([
  'server/main.ts',
  'server/db/migrate.ts',
  'server/backup-cli.ts',
  'electron/web-cli.ts',
]);

// A quoted or template literal holding Chinese, then "/ " and English.
// The English half may start with a digit ('2–4 upper-case letters'); a division inside a
// template ('${wait / 1000}') has a Latin name before its slash and is not one.
const bilingual =
  /['`][^'`\n]*\p{Script=Han}[^'`\n]*?(?:[^A-Za-z\s] ?|[^A-Za-z] )\/ [A-Za-z0-9][^'`\n]*['`]/u;
// Chinese, then an English gloss in brackets closing the literal: '签名无效 (bad signature)'. Only
// brackets right after the Chinese (no Latin between) and holding no Chinese, so 「一窗通 web mode:
// … (data: …)」 and 「（上限 … 字节）」 are not glosses; placeholders are dropped first, as
// `(${message})` quotes a detail rather than translating.
const englishTail =
  /\p{Script=Han}[^A-Za-z'`\n]*[(（][^()（）\p{Script=Han}'`\n]*\b[a-z]{3,}\b[^()（）\p{Script=Han}'`\n]*[)）]['`]/u;
const placeholders = /\$?\{[^{}]*\}/g;
const glossed = (line: string) => englishTail.test(line.replace(placeholders, ''));
// OpenAPI summaries document the API for its readers, they are not messages.
const documentation = /^\s*(\/\/|\*|\/\*)|\b(summary|description):/;
// a summary too long for its key's line
const continued = /\b(summary|description):\s*$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the language of messages', () => {
  it('is Chinese only in main, the center, shared/ and node-shared/', () => {
    const found = roots
      .flatMap(sources)
      .filter((file) => !operatorConsole.has(file))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i, lines) =>
            (bilingual.test(line) || glossed(line)) &&
            !documentation.test(line) &&
            !continued.test(lines[i - 1] ?? '')
              ? [`${file}:${i + 1}`]
              : [],
          ),
      );
    expect(found).toEqual([]);
  });

  it('catches a bilingual message and lets documentation be', () => {
    expect(bilingual.test("throw invalid('x', '窗口不存在 / unknown window');")).toBe(true);
    expect(bilingual.test('`终端版本过旧（记录已保留）/ update the terminal`')).toBe(true);
    expect(bilingual.test("throw invalid('x', '窗口不存在');")).toBe(false);
    expect(bilingual.test("'部门编码须为2–4个大写字母 / 2–4 upper-case letters'")).toBe(true);
    expect(bilingual.test('`请 ${Math.ceil(wait / 1000)} 秒后再试`')).toBe(false);
    expect(documentation.test("    summary: '窗口列表 / windows',")).toBe(true);
  });

  it('catches an English gloss in brackets and lets Chinese details be', () => {
    expect(glossed("  badSignature: '签名无效 (bad signature)',")).toBe(true);
    expect(
      glossed('`设备密钥由 ${scheme} 保护：请在原电脑上运行 (device key sealed with ${scheme})`'),
    ).toBe(true);
    expect(glossed("'中心反复要求从头拉取（center keeps asking）'")).toBe(true);
    expect(glossed('`请求过大（上限 ${maxBodyBytes} 字节）`')).toBe(false);
    expect(
      glossed('`终端版本过旧：请升级一窗通终端（办件照常保存，升级后上传）(${message})`'),
    ).toBe(false);
    expect(glossed("'非联办事项延期不超过${days}日(行政许可法第四十二条)'")).toBe(false);
    expect(glossed('`${w.name}（${w.code}）`')).toBe(false);
    expect(glossed("'证照编号（{certificate}）'")).toBe(false);
    expect(glossed('`一窗通 web mode: ${server.url}  (data: ${terminal.dataDir})`')).toBe(false);
    expect(glossed("'设备密钥无法解开 (PDF)'")).toBe(false);
  });
});
