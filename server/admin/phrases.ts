import type { Kysely, Transaction } from 'kysely';
import {
  noPhrases,
  phraseKinds,
  shippedFor,
  type DepartmentPhrases,
  type PhraseKind,
  type ShippedPhrases,
} from '../../shared/catalog';
import type { ServerDb } from '../db/schema';
import type { CenterHandlers } from '../http/spec';
import { bumpVersion } from '../reference/versions';
import { notFound } from './access';
import { departmentExists } from './departments';

// Part W of issue 16: a department's 常用语, kept whole per kind (the manager adds, edits, orders
// and removes, and each change sends the kind's list as it now stands). They go to the
// department's terminals with the catalog: every change bumps the catalog version in the same
// transaction, so a terminal never holds a list under a version it does not belong to.

type Db = Kysely<ServerDb> | Transaction<ServerDb>;

export async function readPhrases(db: Db, departmentCode: string): Promise<DepartmentPhrases> {
  const rows = await db
    .selectFrom('department_phrases')
    .select(['kind', 'text'])
    .where('department_code', '=', departmentCode)
    .orderBy('kind')
    .orderBy('position')
    .execute();
  const phrases = noPhrases();
  for (const r of rows) {
    // a kind a later release added and this one does not know is not offered
    if ((phraseKinds as readonly string[]).includes(r.kind))
      phrases[r.kind as PhraseKind].push(r.text);
  }
  return phrases;
}

export async function replacePhrases(
  trx: Transaction<ServerDb>,
  departmentCode: string,
  kind: PhraseKind,
  list: readonly string[],
): Promise<void> {
  await trx
    .deleteFrom('department_phrases')
    .where('department_code', '=', departmentCode)
    .where('kind', '=', kind)
    .execute();
  if (list.length > 0) {
    await trx
      .insertInto('department_phrases')
      .values(
        list.map((text, position) => ({ department_code: departmentCode, kind, position, text })),
      )
      .execute();
  }
}

/** A new center's departments start with the shipped phrases (server/seed.ts reads the file). */
export async function seedPhrases(
  trx: Transaction<ServerDb>,
  departmentCodes: readonly string[],
  shipped: ShippedPhrases,
): Promise<void> {
  for (const code of departmentCodes) {
    const phrases = shippedFor(shipped, code);
    for (const kind of phraseKinds) await replacePhrases(trx, code, kind, phrases[kind]);
  }
}

export const phraseHandlers = {
  'phrases.get': async ({ params }, ctx) => {
    if (!(await departmentExists(ctx.db, params.code))) throw notFound('部门');
    return { body: await readPhrases(ctx.db, params.code) };
  },
  'phrases.set': async ({ params, body }, ctx) => {
    const phrases = await ctx.db.transaction().execute(async (trx) => {
      if (!(await departmentExists(trx, params.code))) throw notFound('部门');
      await replacePhrases(trx, params.code, params.kind, body);
      await bumpVersion(trx, 'catalog');
      return readPhrases(trx, params.code);
    });
    return { body: phrases };
  },
} satisfies Partial<CenterHandlers>;
