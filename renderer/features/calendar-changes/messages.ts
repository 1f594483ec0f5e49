import { defineMessages } from '../../i18n';

export const useCalendarMessages = defineMessages({
  zh: {
    changesTitle: '期限因日历变更而改变的在办件',
    changesHint:
      '节假日安排变更后，以下在办件此前告知的期限已不同。请向申请人出具《期限变更告知书》；出具后新期限生效。',
    caseNumber: '办件编号',
    applicant: '申请人',
    item: '事项',
    clock: '期限',
    from: '原日期',
    to: '新日期',
    issue: '出具期限变更告知书',
    none: '没有期限变更的在办件',
    yearsTitle: '国务院节假日安排',
    yearsHint:
      '国务院办公厅公布某年节假日安排后，在此录入：放假日须包含《全国年节及纪念日放假办法》规定的全部法定节假日，调休上班日只能是周六或周日。保存后日历版本更新，各终端下次同步即生效。',
    year: '年份',
    holidays: '放假日',
    workdays: '调休上班日',
    datesHint: '每行一个日期，或以“~”表示连续日期，如 2027-02-05~2027-02-11',
    fillStatutory: '填入法定节假日',
    confirmPast: '确认录入已过去的年份',
    saveYear: '保存节假日安排',
    enteredAt: '录入时间',
    days: '{n} 天',
  },
  en: {
    changesTitle: 'Open cases whose deadlines the calendar changed',
    changesHint:
      'The holiday table changed: the deadlines told to these applicants are no longer right. Print a notice of changed deadlines; the new dates apply from then on.',
    caseNumber: 'Case number',
    applicant: 'Applicant',
    item: 'Item',
    clock: 'Deadline',
    from: 'Was',
    to: 'Now',
    issue: 'Print notice of changed deadlines',
    none: 'No open case has changed deadlines',
    yearsTitle: 'Official holiday tables',
    yearsHint:
      'Enter a year’s table when the State Council publishes it: the days off must include every statutory holiday; make-up working days are Saturdays or Sundays. Saving moves the calendar version; terminals take it at their next sync.',
    year: 'Year',
    holidays: 'Days off',
    workdays: 'Make-up working days',
    datesHint: 'One date a line, or a range like 2027-02-05~2027-02-11',
    fillStatutory: 'Fill in statutory holidays',
    confirmPast: 'Confirm entering a past year',
    saveYear: 'Save holiday table',
    enteredAt: 'Entered',
    days: '{n} days',
  },
});
