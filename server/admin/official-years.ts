import type { Kysely } from 'kysely';
import {
  officialEntryProblems,
  officialYearOf,
  shanghaiDate,
  shanghaiIso,
  tableInForce,
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
 * recorded first, so the cases pinned to it are still measured on it. A year that already has a
 * table (shipped or entered) is replaced only when the manager confirmed it: read in the same
 * transaction, so two managers cannot each replace a table they did not see.
 */
async function enterOfficialYear(db: Db, entry: OfficialEntry, staffId: string, now: Date) {
  const table = officialYearOf(entry);
  await db.transaction().execute(async (trx) => {
    const entered = await trx
      .selectFrom('official_years')
      .select(['holidays', 'workdays'])
      .where('year', '=', entry.year)
      .executeTakeFirst();
    const inForce = tableInForce(
      entry.year,
      entered
        ? {
            [String(entry.year)]: {
              holidays: JSON.parse(entered.holidays) as string[],
              workdays: JSON.parse(entered.workdays) as string[],
            },
          }
        : {},
    );
    const problem = officialEntryProblems(entry, Number(shanghaiDate(now).slice(0, 4)), inForce)[0];
    if (problem) throw invalid(`body.${problem.field}`, problem.message);
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
