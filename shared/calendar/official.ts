import chineseDaysTables from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { coveredYears, type CalendarData, type Closure, type OfficialYear } from './calendar-data';
import { yearOf, type LocalDate } from './local-date';

// We read chinese-days' published data file rather than calling isWorkday/getHolidaysInRange:
// the library builds its own tables with local-time Date methods at load, so on a machine west
// of UTC (e.g. TZ=America/New_York) every holiday it reports sits one day early. The JSON file
// (documented in its README) is the same tables written at build time, free of that bug.
const source: { holidays: Record<LocalDate, string>; workdays: Record<LocalDate, string> } =
  chineseDaysTables;

function extractOfficialTables(): Record<string, OfficialYear> {
  const official: Record<string, OfficialYear> = {};
  const tableOf = (date: LocalDate): OfficialYear | undefined => {
    const year = yearOf(date);
    if (year < coveredYears.first || year > coveredYears.last) return undefined;
    return (official[String(year)] ??= { holidays: [], workdays: [] });
  };
  // A year has an official table exactly when chinese-days lists a holiday in it; for any other
  // year the library silently answers with the plain Mon–Fri rule, which must not pass as certain.
  for (const date of Object.keys(source.holidays).sort()) tableOf(date)?.holidays.push(date);
  for (const date of Object.keys(source.workdays).sort()) {
    if (official[String(yearOf(date))]) tableOf(date)?.workdays.push(date);
  }
  return official;
}

const officialTables: Readonly<Record<string, OfficialYear>> = extractOfficialTables();

/** Years for which chinese-days carries the State Council's table (2004–2026 in chinese-days 1.5.7). */
export function officialYears(): number[] {
  return Object.keys(officialTables)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The official tables of every year chinese-days knows, plus the center's own closures. A table
 * the center's manager entered (`published`, by year) replaces the shipped one for that year: the
 * State Council publishes next year's table in November, long before a program update ships it.
 */
export function officialCalendarData(
  closures: Closure[] = [],
  published: Readonly<Record<string, OfficialYear>> = {},
): CalendarData {
  const official: Record<string, OfficialYear> = {};
  for (const [year, table] of Object.entries({ ...officialTables, ...published })) {
    official[year] = { holidays: [...table.holidays], workdays: [...table.workdays] };
  }
  return { official, closures: closures.map((c) => ({ ...c })) };
}
