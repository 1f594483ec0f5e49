import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The language policy (shared/api/errors.ts): messages from main and the center are Chinese, and
// English is the renderer's to say from the code and rule id. A "中文 / English" literal is the
// old habit coming back; this finds one wherever main, the center or shared/ could send it.

const roots = ['electron', 'server', 'shared'];

// Said to the operator at the console, never sent to a window.
const operatorConsole = new Set(['server/main.ts', 'server/db/migrate.ts']);

// Still bilingual because the center's HTTP contract is being rewritten in these very files; the
// list only shrinks. Each is the same mechanical change: drop the " / English" half.
const pending = new Set([
  'server/admin/access.ts',
  'server/admin/closures.ts',
  'server/admin/departments.ts',
  'server/admin/items.ts',
  'server/admin/powers.ts',
  'server/admin/settings.ts',
  'server/admin/staff.ts',
  'server/admin/windows.ts',
  'server/app.ts',
  'server/auth/schemas.ts',
  'server/cases/history.ts',
  'server/cases/list.ts',
  'server/cases/verify.ts',
  'server/reports/routes.ts',
  'server/supervision/complaints.ts',
  'server/supervision/routes.ts',
]);

// A quoted or template literal holding Chinese, then "/ " and English.
const bilingual = /['`][^'`\n]*\p{Script=Han}[^'`\n]* ?\/ [A-Za-z][^'`\n]*['`]/u;
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
  it('is Chinese only in main, the center and shared/', () => {
    const found = roots
      .flatMap(sources)
      .filter((file) => !operatorConsole.has(file) && !pending.has(file))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i, lines) =>
            bilingual.test(line) && !documentation.test(line) && !continued.test(lines[i - 1] ?? '')
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
    expect(documentation.test("    summary: '窗口列表 / windows',")).toBe(true);
  });
});
