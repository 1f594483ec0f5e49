import { describe, expect, it } from 'vitest';
import { table2027 } from '../../tests/support/table-2027';
import { createCalendar } from './calendar';
import { addDays } from './local-date';
import { officialCalendarData } from './official';
import {
  officialEntryProblems,
  officialTableChanges,
  parseDateList,
  tableInForce,
  type TableInForce,
} from './official-entry';
import { statutoryHolidays } from './statutory';

const fields = (
  entry: Parameters<typeof officialEntryProblems>[0],
  year = 2026,
  inForce?: TableInForce,
) => officialEntryProblems(entry, year, inForce).map((p) => `${p.field}: ${p.message}`);

const shipped = (year: number) => officialCalendarData().official[String(year)]!;
const daysOf = (year: number) => {
  const days: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) days.push(d);
  return days;
};

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

describe('replacing a table in force (review F2)', () => {
  const statutoryOnly2026 = {
    year: 2026,
    holidays: statutoryHolidays(2026).map((d) => d.date),
    workdays: [],
  };

  it('asks to confirm replacing the shipped table, naming every day that changes', () => {
    expect(tableInForce(2026, {})?.source).toBe('shipped');
    expect(fields(statutoryOnly2026, 2026, tableInForce(2026, {}))).toEqual([
      'confirmReplace: 该年度已有国务院节假日安排（随程序发布）：如国务院调整了安排，请确认替换' +
        '（取消放假日（改为工作日） 2026-01-02、2026-02-20、2026-02-23、2026-04-06、2026-05-04、' +
        '2026-05-05、2026-10-05、2026-10-06、2026-10-07；' +
        '取消调休上班日 2026-01-04、2026-02-14、2026-02-28、2026-05-09、2026-09-20、2026-10-10）',
    ]);
    expect(
      fields({ ...statutoryOnly2026, confirmReplace: true }, 2026, tableInForce(2026, {})),
    ).toEqual([]);
  });

  it('asks the same for a table entered at the center, which takes precedence over the shipped one', () => {
    const inForce = tableInForce(2027, { '2027': table2027 });
    expect(inForce?.source).toBe('entered');
    expect(fields(table2027, 2026, inForce)).toEqual([
      'confirmReplace: 该年度已有国务院节假日安排（已录入）：如国务院调整了安排，请确认替换（与现行安排相同）',
    ]);
    expect(tableInForce(2026, { '2026': table2027 })?.source).toBe('entered');
    expect(tableInForce(2027, {})).toBeUndefined();
  });

  it('counts as changes only the days whose working status moves, whatever the lists say', () => {
    const next = {
      // 02-13 (Sat) listed off is no change; 03-10 (Wed) off and 02-20 (Sat) given back are
      holidays: [...table2027.holidays, '2027-02-13', '2027-03-10'],
      workdays: ['2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09', '2027-03-13'],
    };
    const current = {
      ...table2027,
      holidays: table2027.holidays.filter((d) => d !== '2027-10-07'),
    };
    expect(officialTableChanges(2027, next, current)).toEqual({
      holidaysAdded: ['2027-03-10', '2027-10-07'],
      holidaysRemoved: [],
      workdaysAdded: ['2027-03-13'],
      workdaysRemoved: ['2027-02-20'],
    });
  });
});

describe('a table the State Council could have published (review F3)', () => {
  it('takes the shipped 2025 and 2026 tables and the made-up 2027 one', () => {
    expect(fields({ year: 2025, ...shipped(2025), confirmPast: true })).toEqual([]);
    expect(fields({ year: 2026, ...shipped(2026) })).toEqual([]);
    expect(fields(table2027)).toEqual([]);
  });

  it('refuses days off on weekdays joined to no statutory day, naming them at the holidays', () => {
    const entry = {
      ...table2027,
      holidays: [...table2027.holidays, '2027-03-10', '2027-03-11', '2027-03-12'],
    };
    expect(fields(entry)).toEqual([
      'holidays: 调休放假须与法定节假日相连：2027-03-10、2027-03-11、2027-03-12 前后没有法定节假日',
    ]);
  });

  it('takes a bridging day joined to a statutory day through a weekend, also across the new year', () => {
    // Friday 31 December, then the weekend, then nothing; 1 January 2028 is a Saturday and 元旦
    expect(fields({ ...table2027, holidays: [...table2027.holidays, '2027-12-31'] })).toEqual([]);
  });

  it('refuses a year whose working days fall outside 245–251, naming the count', () => {
    expect(fields({ ...table2027, holidays: daysOf(2027), workdays: [] })).toEqual([
      'holidays: 全年工作日 0 天，不在 245–251 天之间（2025、2026 年均为 248 天）：请核对放假日',
    ]);
    const saturdays = daysOf(2027).filter(
      (d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6 && !table2027.holidays.includes(d),
    );
    expect(fields({ ...table2027, workdays: saturdays })).toEqual([
      `workdays: 全年工作日 ${248 + saturdays.length - table2027.workdays.length} 天，不在 245–251 天之间（2025、2026 年均为 248 天）：请核对调休上班日`,
    ]);
  });

  it('holds only from 2025, when the 2024 text of the 放假办法 applies', () => {
    // a weekday off joined to nothing, and no make-up day: from 2025 on the first is refused
    const holidays = [...statutoryHolidays(2024).map((d) => d.date), '2024-03-13'];
    expect(fields({ year: 2024, holidays, workdays: [], confirmPast: true })).toEqual([]);
  });
});
