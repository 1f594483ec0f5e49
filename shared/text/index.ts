import { z } from 'zod';

// The one schema for text a person types, at the window (shared/api) and at the center's routes
// (shared/center-api). What is typed is printed on legal documents, listed in exports and shown
// to other staff, so it must read the same everywhere it appears:
// - control characters break printed notices and CSV exports;
// - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) make a name
//   or a case number display in another order than it is stored ("Trojan Source");
// - the direction marks (U+200E LRM, U+200F RLM, U+061C ALM) reorder neighbouring digits and
//   punctuation the same way, invisibly;
// - zero-width characters (U+200B–U+200D, U+2060, U+FEFF) make two names that look alike differ,
//   and hide text from a search;
// - the line and paragraph separators (U+2028, U+2029) break a printed line where nothing shows a
//   break, even in a one-line field, and split CSV exports in some readers;
// - a lone surrogate is no character at all: it cannot be encoded in UTF-8 and turns into U+FFFD
//   in one database and an error in another.
// Chinese text, the middle dot of ethnic minority names (U+00B7, "阿依古丽·买买提") and full-width
// punctuation are ordinary characters and pass. Recorded events are never checked against this:
// history must always fold, whatever an older release let through.

const hidden =
  /[\u061C\u200B-\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first hidden character of `value` as 'U+202E', or null when there is none. */
export function hiddenCharacter(value: string): string | null {
  const found = hidden.exec(value);
  if (!found) return null;
  return `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What the person reads at the field. */
export function hiddenCharacterMessage(code: string): string {
  return `含有看不见的格式字符（${code}），会改变文字的显示顺序或藏起内容，请删除后重新输入`;
}

const controls = /[\u0000-\u001f\u007f]/;
// tab, line feed and carriage return are how a remark has paragraphs
const controlsButLines = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export type TypedTextOptions = {
  /** the message when it is empty after trimming; absent: empty is allowed */
  required?: string;
  max?: number;
  /** several lines (remarks, replies): tabs and line breaks are allowed */
  lines?: boolean;
  /**
   * the message when it holds fewer than two letters or digits: a reason of "-" or "。" is a
   * keystroke to get past the field, not a reason anyone can read later
   */
  words?: string;
};

const wordCharacter = /[\p{L}\p{N}]/gu;

/** Typed text: trimmed, bounded, without control or hidden characters. */
export function typedText(opts: TypedTextOptions = {}) {
  // checked before trimming: trim() takes a leading U+FEFF for white space and would drop it
  // unseen, while the person should learn the pasted text carried it
  let schema = z
    .string()
    .superRefine((s, ctx) => {
      const code = hiddenCharacter(s);
      if (code) ctx.addIssue({ code: 'custom', message: hiddenCharacterMessage(code) });
    })
    .trim();
  if (opts.required !== undefined) schema = schema.min(1, opts.required);
  if (opts.max !== undefined) schema = schema.max(opts.max, `不能超过${opts.max}个字`);
  const forbidden = opts.lines ? controlsButLines : controls;
  const checked = schema.refine((s) => !forbidden.test(s), '含有不可见的控制字符');
  const { words } = opts;
  if (words === undefined) return checked;
  return checked.refine((s) => s === '' || (s.match(wordCharacter)?.length ?? 0) >= 2, words);
}
