import { describe, expect, it } from 'vitest';
import { table2027 } from '../../tests/support/table-2027';
import { createCalendar } from './calendar';
import { officialCalendarData } from './official';
import { officialEntryProblems, parseDateList } from './official-entry';

const fields = (entry: Parameters<typeof officialEntryProblems>[0], year = 2026) =>
  officialEntryProblems(entry, year).map((p) => `${p.field}: ${p.message}`);

describe('a year’s official table as the manager enters it', () => {
  it('takes a table covering every statutory day with make-up days on weekends', () => {
    expect(fields(table2027)).toEqual([]);
  });

  it('names each statutory day the table leaves out, at the holidays', () => {
    const entry = { ...table2027, holidays: table2027.holidays.filter((d) => d !== '2027-02-05') };
    expect(fields(entry)).toEqual(['holidays: 缺少法定节假日：2027-02-05（春节（除夕））']);
  });

  it('refuses a make-up working day on a weekday, or one that is also a holiday', () => {
    const entry = { ...table2027, workdays: ['2027-02-17', '2027-02-06'] };
    expect(fields(entry)).toEqual([
      'workdays: 2027-02-17 不是周六或周日，无须调休上班',
      'workdays: 2027-02-06 不能既是放假日又是调休上班日',
    ]);
  });

  it('refuses dates of another year, invalid and repeated dates, each at its list', () => {
    const entry = {
      ...table2027,
      holidays: [...table2027.holidays, '2028-01-01', '2027-02-30', '2027-01-01'],
    };
    expect(fields(entry)).toEqual([
      'holidays: 2028-01-01 不在2027年',
      'holidays: 日期无效：2027-02-30（须为 YYYY-MM-DD）',
      'holidays: 2027-01-01 重复',
    ]);
  });

  it('asks for confirmation before a past year, and refuses a year it cannot check', () => {
    expect(fields(table2027, 2028)).toEqual([
      'confirmPast: 2027年已过去：录入将改变该年案件的期限，请确认后再保存',
    ]);
    expect(fields({ ...table2027, confirmPast: true }, 2028)).toEqual([]);
    expect(fields({ ...table2027, year: 2100 })).toEqual(['year: 年份须在 2000–2099 之间']);
  });

  it('reads ranges and lists as typed, keeping what is not a date so that it is named', () => {
    expect(parseDateList('2027-02-05~2027-02-07，2027-04-05\n abc')).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-04-05',
      'abc',
    ]);
  });

  it('an entered table replaces the shipped year and makes a new calendar version', () => {
    const shipped = createCalendar(officialCalendarData());
    const entered = createCalendar(officialCalendarData([], { '2027': table2027 }));
    expect(entered.version).not.toBe(shipped.version);
    expect(entered.isProvisional('2027-03-01')).toBe(false);
    expect(entered.isWorkingDay('2027-02-11')).toBe(false);
    expect(entered.isWorkingDay('2027-02-20')).toBe(true);
    // the years it does not name stay as shipped
    expect(entered.isWorkingDay('2026-10-08')).toBe(shipped.isWorkingDay('2026-10-08'));
  });
});
