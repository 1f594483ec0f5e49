// A name as lists and public pages show it (issue 17 part 4's progress page, issue 18's archive):
// enough to tell two cases apart, not enough to name the person.

/** 张三明 → 张*明, 李四 → 李*, 欧阳娜娜 → 欧**娜: the first and (past two) the last character. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}
