import chineseDays from 'chinese-days';
import { addDays, type LocalDate } from './local-date';

/** One day 《全国年节及纪念日放假办法》 (2024 text, Art. 2) makes a holiday for everyone. */
export type StatutoryHoliday = { date: LocalDate; name: string };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The solar date of a lunar month/day in the lunar year that starts in `year`. chinese-days keeps
 * the Purple Mountain Observatory's lunar table (1900–2100), the source the State Council's own
 * tables follow; ICU's astronomical Chinese calendar differs from it (it puts 春节 2027 on Feb 7).
 * The library reads its argument with local-time getters, so it gets a local Date at noon: the
 * answer is then the same in every time zone.
 */
function lunarToSolar(year: number, month: number, day: number): LocalDate {
  return chineseDays.getSolarDateFromLunar(new Date(year, month - 1, day, 12)).date;
}

/**
 * 清明 is the day the sun reaches 15° longitude: the 21st-century approximation [Y·D + C] − L
 * (Y = year mod 100, D = 0.2422, C = 4.81, L = ⌊Y/4⌋), which has no exception in 2000–2099.
 */
function qingming(year: number): LocalDate {
  const y = year % 100;
  return `${year}-04-${pad(Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4))}`;
}

/**
 * The days off fixed by law for `year` (2000–2099): 元旦, 春节 (除夕 and 正月初一 to 初三), 清明,
 * 劳动节 (May 1–2), 端午, 中秋 and 国庆 (Oct 1–3). Before the State Council publishes a year's table
 * these are certain; only the bridging days and make-up working days (调休) are not.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < 2000 || year > 2099) {
    throw new RangeError(`statutoryHolidays: year ${year} is outside 2000–2099`);
  }
  const springFestival = lunarToSolar(year, 1, 1);
  const days: StatutoryHoliday[] = [
    { date: `${year}-01-01`, name: '元旦' },
    { date: addDays(springFestival, -1), name: '春节（除夕）' },
    { date: springFestival, name: '春节（初一）' },
    { date: addDays(springFestival, 1), name: '春节（初二）' },
    { date: addDays(springFestival, 2), name: '春节（初三）' },
    { date: qingming(year), name: '清明节' },
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    { date: lunarToSolar(year, 5, 5), name: '端午节' },
    { date: lunarToSolar(year, 8, 15), name: '中秋节' },
    { date: `${year}-10-01`, name: '国庆节' },
    { date: `${year}-10-02`, name: '国庆节' },
    { date: `${year}-10-03`, name: '国庆节' },
  ];
  // 中秋 can fall on Oct 1–3 (2020, 2031): one day, one holiday, and the table lists it once
  const seen = new Set<string>();
  return days
    .filter((d) => !seen.has(d.date) && seen.add(d.date))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}
