import type { Kysely } from 'kysely';
import {
  officialEntryProblems,
  officialYearOf,
  shanghaiDate,
  shanghaiIso,
  type OfficialEntry,
} from '../../shared/calendar';
import type { OfficialYearRecord } from '../../shared/center-api';
import type { ServerDb } from '../db/schema';
import type { CenterHandlers } from '../http/spec';
import { centerCalendar } from '../cases/clocks';

import { bumpVersion } from '../reference/versions';
import { invalid } from './access';

type Db = Kysely<ServerDb>;

async function listOfficialYears(db: Db): Promise<OfficialYearRecord[]> {
  const rows = await db.selectFrom('official_years').selectAll().orderBy('year').execute();
  return rows.map((r) => ({
    year: r.year,
    holidays: JSON.parse(r.holidays) as string[],
    workdays: JSON.parse(r.workdays) as string[],
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
  }));
}

/**
 * Stores a year's table in place of an earlier entry for it, and moves the calendar version in
 * the same transaction: the next pull of every terminal brings it. The calendar it replaces is
 * recorded first, so the cases pinned to it are still measured on it.
 */
async function enterOfficialYear(db: Db, entry: OfficialEntry, staffId: string, now: Date) {
  const problem = officialEntryProblems(entry, Number(shanghaiDate(now).slice(0, 4)))[0];
  if (problem) throw invalid(`body.${problem.field}`, problem.message);
  const table = officialYearOf(entry);
  await db.transaction().execute(async (trx) => {
    await centerCalendar(trx);
    await trx.deleteFrom('official_years').where('year', '=', entry.year).execute();
    await trx
      .insertInto('official_years')
      .values({
        year: entry.year,
        holidays: JSON.stringify(table.holidays),
        workdays: JSON.stringify(table.workdays),
        entered_by: staffId,
        entered_at: shanghaiIso(now),
      })
      .execute();
    await bumpVersion(trx, 'calendar');
    await centerCalendar(trx);
  });
}

export const officialYearHandlers = {
  'officialYears.list': async (_input, ctx) => ({ body: await listOfficialYears(ctx.db) }),
  'officialYears.set': async ({ body, staff }, ctx) => {
    // the route takes managers only: a staff session is always there
    await enterOfficialYear(ctx.db, body, staff?.id ?? 'unknown', ctx.now());
    return { body: await listOfficialYears(ctx.db) };
  },
} satisfies Partial<CenterHandlers>;
