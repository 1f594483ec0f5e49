export type { LocalDate } from './local-date';
export { addDays, isLocalDate } from './local-date';
export type { Instant } from './instant';
export { shanghaiDate, shanghaiIso, shanghaiMinuteText, endOfDay } from './instant';
export type { Closure, CalendarData, OfficialYear, ProvisionalRule } from './calendar-data';
export type { Calendar } from './calendar';
export { createCalendar } from './calendar';
export { officialCalendarData, officialYears } from './official';
export type { Pause, Deadline, DeadlineOptions, DayUnit } from './deadline';
export { deadlineFrom } from './deadline';
export type { Level, Thresholds, Remaining } from './remaining';
export { defaultThresholds, remainingAt } from './remaining';
export type { StatutoryHoliday } from './statutory';
export { statutoryHolidays } from './statutory';
export type {
  OfficialEntry,
  OfficialEntryField,
  OfficialEntryProblem,
  OfficialTableChanges,
  TableInForce,
} from './official-entry';
export {
  describeTableChanges,
  officialEntrySchema,
  officialEntryProblems,
  officialTableChanges,
  officialYearOf,
  parseDateList,
  tableInForce,
  tableSourceLabels,
} from './official-entry';
export type { Period, PeriodField, PeriodProblem } from './typed-dates';
export {
  earliestTypedDay,
  latestTypedDay,
  longestPeriodDays,
  periodProblem,
  refinePeriod,
  refineTypedDay,
  typedDayProblem,
  typedDaysAhead,
} from './typed-dates';
