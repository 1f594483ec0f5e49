import type { Kysely } from 'kysely';
import type { OfficialYear } from '../../shared/calendar';
import type { ServerDb } from '../db/schema';

type Db = Kysely<ServerDb>;

/** The years' tables the manager entered, by year ('2027'): they replace the shipped ones. */
export async function readOfficialYears(db: Db): Promise<Record<string, OfficialYear>> {
  const rows = await db
    .selectFrom('official_years')
    .select(['year', 'holidays', 'workdays'])
    .orderBy('year')
    .execute();
  return Object.fromEntries(
    rows.map((r) => [
      String(r.year),
      {
        holidays: JSON.parse(r.holidays) as string[],
        workdays: JSON.parse(r.workdays) as string[],
      },
    ]),
  );
}
