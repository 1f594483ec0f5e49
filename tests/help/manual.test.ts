import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roleLabels, statusLabels, type Role } from '../../shared/case';
import { pageLabel, pagesByRole, type Page } from '../../renderer/app/navigation';
import { zhCN } from '../../renderer/i18n/zh-CN';
import { levelColor } from '../../renderer/levels';
import {
  levelMeanings,
  manual,
  shortcuts,
  statusMeanings,
  troubles,
  type Text,
} from '../../renderer/features/help/manual';

// The manual must stay true (part W of issue 16): every shortcut it names is bound where it
// says, every menu a role is sent to is in that role's menu, and every key written in its prose
// is one of those shortcuts. A renamed or removed binding fails here, not at the counter.

const roles = Object.keys(roleLabels) as Role[];

function allTexts(): { where: string; text: Text }[] {
  const out: { where: string; text: Text }[] = [];
  for (const role of roles) {
    const book = manual[role];
    out.push({ where: `${role} intro`, text: book.intro });
    for (const task of book.tasks) {
      out.push({ where: `${role} task`, text: task.title });
      for (const s of task.steps) out.push({ where: `${role} step`, text: s });
    }
  }
  for (const [k, v] of Object.entries(troubles)) {
    out.push({ where: `trouble ${k}`, text: v.title }, { where: `trouble ${k}`, text: v.body });
  }
  for (const [k, v] of Object.entries(shortcuts))
    out.push({ where: `shortcut ${k}`, text: v.what });
  for (const [k, v] of Object.entries(statusMeanings)) out.push({ where: `status ${k}`, text: v });
  for (const [k, v] of Object.entries(levelMeanings)) out.push({ where: `level ${k}`, text: v });
  return out;
}

const pagesIn = (text: Text) =>
  [...`${text.zh} ${text.en}`.matchAll(/\{page:(\w+)\}/g)].map((m) => m[1]!);

/** Whether `source` binds `combo` in one of the ways the renderer binds keys. */
function binds(source: string, combo: string): boolean {
  const quoted = (s: string) => `'${s}'`;
  // useShortcuts([{ combo: 'Alt+A', … }])
  if (source.includes(`combo: ${quoted(combo)}`)) return true;
  // a window listener of its own: e.altKey … e.code === 'KeyI'
  const alt = /^Alt\+([A-Z])$/.exec(combo);
  if (alt) return source.includes('e.altKey') && source.includes(quoted(`Key${alt[1]}`));
  // a bare key: e.key === '1', e.key !== 'F1'
  return new RegExp(`e\\.key [!=]== ${quoted(combo)}`).test(source);
}

describe('the user manual', () => {
  it('names only shortcuts that are bound where it says', () => {
    for (const [id, s] of Object.entries(shortcuts)) {
      const source = readFileSync(s.boundIn, 'utf8');
      expect(binds(source, s.combo), `${id}: ${s.combo} in ${s.boundIn}`).toBe(true);
    }
  });

  it('covers every shortcut the intake page lists', () => {
    const help = readFileSync('renderer/features/intake/shortcuts.tsx', 'utf8');
    const listed = [...help.matchAll(/\['([^']+)', m\('sc_/g)].flatMap((m) => m[1]!.split(' / '));
    expect(listed.length).toBeGreaterThan(5);
    const named = new Set(Object.values(shortcuts).map((s) => s.combo));
    for (const combo of listed) expect(named, combo).toContain(combo);
  });

  it('writes in its prose only keys that are shortcuts', () => {
    const named = new Set<string>(Object.values(shortcuts).map((s) => s.combo));
    for (const { where, text } of allTexts()) {
      const keys = `${text.zh} ${text.en}`.match(/\b(?:Ctrl|Alt|Shift)\+\w+|\bF\d{1,2}\b|\bEsc\b/g);
      for (const k of keys ?? []) expect(named, `${where}: ${k}`).toContain(k);
    }
  });

  it("sends each role only to menus it has, and names menus only by the menu's label", () => {
    const known = new Set(Object.keys(pageLabel));
    for (const role of roles) {
      for (const task of manual[role].tasks) {
        for (const s of task.steps) {
          for (const p of pagesIn(s)) {
            expect(pagesByRole[role], `${role}: ${s.zh}`).toContain(p as Page);
          }
        }
      }
    }
    for (const [k, v] of Object.entries(troubles)) {
      for (const p of pagesIn(v.body)) {
        expect(known, `trouble ${k}`).toContain(p);
        expect(roles.some((r) => pagesByRole[r].includes(p as Page))).toBe(true);
      }
    }
    // a menu written out by hand would go stale when the menu is renamed: {page:…} instead
    const menuNames = Object.values(pageLabel).map((key) => zhCN[key]);
    for (const { where, text } of allTexts()) {
      for (const name of menuNames) expect(text.zh, where).not.toContain(`“${name}”`);
    }
  });

  it('says every status and clock colour, in both languages, as plain text', () => {
    expect(Object.keys(statusMeanings).sort()).toEqual(Object.keys(statusLabels).sort());
    expect(Object.keys(levelMeanings).sort()).toEqual(Object.keys(levelColor).sort());
    for (const { where, text } of allTexts()) {
      expect(text.zh.trim(), where).not.toBe('');
      expect(text.en.trim(), where).not.toBe('');
      expect(text.zh, where).toMatch(/\p{Script=Han}/u);
      // rendered as text, never as markup
      expect(`${text.zh}${text.en}`, where).not.toMatch(/<\/?[a-z]/i);
    }
    for (const role of roles) expect(manual[role].tasks.length, role).toBeGreaterThan(0);
  });
});
