import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  departmentPhrasesSchema,
  noPhrases,
  shippedFor,
  shippedPhrasesSchema,
  type DepartmentPhrases,
} from '../../shared/catalog';
import type { Db } from './db';
import { getSetting, setSetting } from './reference';

// Part W of issue 16: the department's 常用语 on this PC. A key of the settings table holds them
// whole (no migration): they are replaced whole with every catalog the center sends, and the
// demo seeds the shipped ones for its department.

const phrasesKey = 'phrases';

/** The phrases offered at this PC's fields; a value that does not parse offers none. */
export function getPhrases(db: Db): DepartmentPhrases {
  const parsed = departmentPhrasesSchema.safeParse(getSetting<unknown>(db, phrasesKey));
  return parsed.success ? parsed.data : noPhrases();
}

/** Call inside the transaction that applies the catalog they came with. */
export function savePhrases(db: Db, phrases: DepartmentPhrases): void {
  setSetting(db, phrasesKey, phrases);
}

export function hasPhrases(db: Db): boolean {
  return getSetting<unknown>(db, phrasesKey) !== undefined;
}

export function forgetPhrases(db: Db): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(phrasesKey);
}

/** The shipped phrases of a department (resources/phrases/default-phrases.json). */
export function shippedPhrasesOf(resourcesDir: string, departmentCode: string): DepartmentPhrases {
  const shipped = shippedPhrasesSchema.parse(
    JSON.parse(readFileSync(join(resourcesDir, 'phrases', 'default-phrases.json'), 'utf8')),
  );
  return shippedFor(shipped, departmentCode);
}
