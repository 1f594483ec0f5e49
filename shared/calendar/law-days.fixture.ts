// The days the law fixes, typed in by hand for the calendar's tests: the State Council's 2025 and
// 2026 tables as DOMAIN.md prints them, and for the years without a table the days
// 《全国年节及纪念日放假办法》 (2024 text) fixes, read from an almanac. Nothing here comes from
// the calendar code: the tests hold the product against these.

export type HandTable = { holidays: string[]; workdays: string[] };

/** Every date from `from` to `to`, both included. */
export function span(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let ms = Date.parse(`${from}T00:00:00Z`);
    ms <= Date.parse(`${to}T00:00:00Z`);
    ms += 86_400_000
  )
    out.push(new Date(ms).toISOString().slice(0, 10));
  return out;
}

export const domainTables: Record<'2025' | '2026', HandTable> = {
  '2025': {
    holidays: [
      '2025-01-01',
      ...span('2025-01-28', '2025-02-04'),
      ...span('2025-04-04', '2025-04-06'),
      ...span('2025-05-01', '2025-05-05'),
      ...span('2025-05-31', '2025-06-02'),
      ...span('2025-10-01', '2025-10-08'),
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  '2026': {
    holidays: [
      ...span('2026-01-01', '2026-01-03'),
      ...span('2026-02-15', '2026-02-23'),
      ...span('2026-04-04', '2026-04-06'),
      ...span('2026-05-01', '2026-05-05'),
      ...span('2026-06-19', '2026-06-21'),
      ...span('2026-09-25', '2026-09-27'),
      ...span('2026-10-01', '2026-10-07'),
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

/**
 * 2027, no table yet: 元旦; 春节 除夕 Feb 5 and 正月初一–初三 Feb 6–8 (Purple Mountain
 * Observatory: 初一 is Saturday Feb 6); 清明 Apr 5; 劳动节 May 1–2; 端午 (五月初五) Jun 9; 中秋
 * (八月十五) Sep 15; 国庆 Oct 1–3.
 */
export const fixedDays2027 = [
  '2027-01-01',
  '2027-02-05',
  '2027-02-06',
  '2027-02-07',
  '2027-02-08',
  '2027-04-05',
  '2027-05-01',
  '2027-05-02',
  '2027-06-09',
  '2027-09-15',
  '2027-10-01',
  '2027-10-02',
  '2027-10-03',
];

/** 2028 up to April, as far as a limit from the end of 2027 reaches: 元旦; 除夕 Jan 25, 初一–初三 Jan 26–28; 清明 Apr 4. */
export const fixedDays2028ToApril = [
  '2028-01-01',
  '2028-01-25',
  '2028-01-26',
  '2028-01-27',
  '2028-01-28',
  '2028-04-04',
];
