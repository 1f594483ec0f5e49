import { addDays } from '../../shared/calendar';

function range(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * A plausible State Council table for 2027 (made up: the real one was not published when this
 * was written): the 13 statutory days, bridging days around them, make-up Saturdays and Sundays.
 * 春节 runs 除夕 Friday 5 February to Friday 12 February, worked back on Saturday 20 February.
 */
export const table2027 = {
  year: 2027,
  holidays: [
    ...range('2027-01-01', '2027-01-03'),
    ...range('2027-02-05', '2027-02-12'),
    ...range('2027-04-03', '2027-04-05'),
    ...range('2027-05-01', '2027-05-05'),
    '2027-06-09',
    '2027-09-15',
    ...range('2027-10-01', '2027-10-07'),
  ],
  workdays: ['2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09'],
};

/** How the manager types it into the form: ranges with ~, one a line. */
export const table2027Typed = {
  holidays: [
    '2027-01-01~2027-01-03',
    '2027-02-05~2027-02-12',
    '2027-04-03~2027-04-05',
    '2027-05-01~2027-05-05',
    '2027-06-09',
    '2027-09-15',
    '2027-10-01~2027-10-07',
  ].join('\n'),
  workdays: table2027.workdays.join('\n'),
};
