import { testPasswordCost } from '../../server/test-app';
import { describe, expect, it } from 'vitest';
import { powers } from '../../shared/catalog';
import { hashPasswordSync } from '../../node-shared/passwords';
import { personApplicant } from '../../tests/support/applicants';
import { acceptComplete, call, terminalAt as setup } from '../../tests/support/terminal-api';
import type { Terminal } from './context';
import { createCalendar } from '../../shared/calendar';
import {
  insertStaff,
  insertWindow,
  replaceWindowPowers,
  saveCalendarVersion,
  setSetting,
} from '../store/reference';

// Issue 14, points 9, 10 and 12, at a window PC: the shipped catalog's items, the shipped
// calendar, the terminal's SQLite store, its case view and its work list.

type Clock = {
  kind: string;
  state: string;
  days: number;
  unit: string;
  deadline: { date: string; provisional: boolean; pausedDays: number };
  cappedAtStatutory?: true;
};
type CaseView = { clocks: Clock[] };

const clockOf = (view: CaseView, kind: string): Clock => {
  const found = view.clocks.find((c) => c.kind === kind);
  if (!found) throw new Error(`no ${kind} clock`);
  return found;
};

/** The demo PC moved to a window of another department (民政, 公安 …), with its own clerk. */
async function windowOf(t: Terminal, departmentCode: string, itemCode: string): Promise<string> {
  const windowId = `w-${departmentCode.toLowerCase()}`;
  insertWindow(t.db, {
    id: windowId,
    code: `${departmentCode}01`,
    name: `${departmentCode}窗口`,
    department_code: departmentCode,
  });
  insertStaff(t.db, {
    id: `s-${windowId}`,
    username: `clerk-${departmentCode.toLowerCase()}`,
    name: '郑窗口',
    role: 'clerk',
    window_id: windowId,
    password_hash: hashPasswordSync('window-pass-1', testPasswordCost),
    active: 1,
  });
  setSetting(t.db, 'terminal.binding', { windowId, number: 1 });
  replaceWindowPowers(t.db, [{ windowId, itemCode, powers }]);
  const login = await call(t, null, 'auth.login', {
    username: `clerk-${departmentCode.toLowerCase()}`,
    password: 'window-pass-1',
  });
  return login.token as string;
}

async function acceptedCase(t: Terminal, clerk: string, itemCode: string) {
  const { caseId } = await call(t, clerk, 'cases.receive', {
    itemCode,
    applicant: personApplicant(3),
    channel: 'window',
  });
  await acceptComplete(t, clerk, caseId, itemCode);
  return caseId;
}

const view = async (t: Terminal, token: string, caseId: unknown) =>
  (await call(t, token, 'cases.get', { caseId })) as unknown as CaseView;

describe('the item’s law at the window', () => {
  it('point 10: MZ-001’s 60日 are calendar days, a Sunday end moved to Monday', async () => {
    // Wed 2026-03-11 + 60 days = Sun May 10 (May 9 was the make-up Saturday; the 10th is off).
    const { t } = setup('2026-03-11T10:00:00+08:00');
    const clerk = await windowOf(t, 'MZ', 'MZ-001');
    const caseId = await acceptedCase(t, clerk, 'MZ-001');
    const clocks = await view(t, clerk, caseId);
    expect(clockOf(clocks, 'statutory')).toMatchObject({
      days: 60,
      unit: 'calendarDays',
      deadline: { date: '2026-05-11', provisional: false },
    });
    // the promise is the center's, in working days: 20 after Mar 11 → Apr 9 (清明 Apr 4–6 off)
    expect(clockOf(clocks, 'promised')).toMatchObject({
      days: 20,
      unit: 'workingDays',
      deadline: { date: '2026-04-09' },
    });
  });

  it('point 10: GA-002’s 7日 over 国庆 end on the first working day after, the promise capped', async () => {
    // Mon 2026-09-28 + 7 days = Mon Oct 5, inside the National Day holiday (Oct 1–7) → Thu Oct 8.
    // Counted as working days it would have been Oct 13.
    const { t } = setup('2026-09-28T10:00:00+08:00');
    const clerk = await windowOf(t, 'GA', 'GA-002');
    const caseId = await acceptedCase(t, clerk, 'GA-002');
    const clocks = await view(t, clerk, caseId);
    expect(clockOf(clocks, 'statutory')).toMatchObject({
      days: 7,
      unit: 'calendarDays',
      deadline: { date: '2026-10-08' },
    });
    // 5 working days would end on the make-up Saturday Oct 10: after the law's date, so Oct 8.
    expect(clockOf(clocks, 'promised')).toMatchObject({
      unit: 'workingDays',
      cappedAtStatutory: true,
      deadline: { date: '2026-10-08' },
    });
    // the work list is ordered by that date
    const list = (await call(t, clerk, 'cases.list', {})) as {
      rows: { id: string; dueAt: string | null }[];
    };
    expect(list.rows.find((r) => r.id === caseId)?.dueAt).toBe('2026-10-09T00:00:00+08:00');
  });

  it('point 9: publication of SJ-002 pauses the promise, never its statutory limit', async () => {
    const { t, as, setNow } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    const caseId = await acceptedCase(t, clerk, 'SJ-002');
    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'paused',
      payload: {
        procedure: 'publication',
        expectedWorkingDays: 5,
        applicantNoticeRef: '特告〔2026〕3号',
        centerFilingRef: '中心备〔2026〕3号',
      },
    });
    setNow('2026-03-06T16:00:00+08:00');
    const clocks = await view(t, clerk, caseId);
    // Mar 3–6 spent in publication: the promise (5 working days → Mar 9) moves 4 days → Mar 13
    expect(clockOf(clocks, 'promised')).toMatchObject({
      state: 'paused',
      deadline: { date: '2026-03-13', pausedDays: 4 },
    });
    // SJ-002's regulation lets publication stop nothing: 10 working days from Mar 2 → Mar 16
    expect(clockOf(clocks, 'statutory')).toMatchObject({
      state: 'running',
      deadline: { date: '2026-03-16', pausedDays: 0 },
    });
    const list = (await call(t, clerk, 'cases.list', {})) as {
      rows: { id: string; dueAt: string | null }[];
    };
    expect(list.rows.find((r) => r.id === caseId)?.dueAt).toBe('2026-03-17T00:00:00+08:00');
  });

  it('point 12: a case accepted on 2026-12-20 is never due on 元旦 2027, and says it is provisional', async () => {
    // Sun 2026-12-20 + 10 working days: Dec 21–25, 28–31 are 9; Fri Jan 1 is 元旦 → Mon Jan 4.
    // Counted Mon–Fri (the calendar before issue 14) the 10th was Jan 1.
    const { t, as } = setup('2026-12-20T10:00:00+08:00');
    const clerk = await as('clerk');
    const caseId = await acceptedCase(t, clerk, 'SJ-002');
    const clocks = await view(t, clerk, caseId);
    expect(clockOf(clocks, 'statutory').deadline).toMatchObject({
      date: '2027-01-04',
      provisional: true,
    });
    expect(clockOf(clocks, 'promised').deadline).toMatchObject({
      date: '2026-12-25',
      provisional: false,
    });
  });

  it('point 12: a case pinned to a calendar stored before keeps the date it printed', async () => {
    const { t, as } = setup('2026-12-20T10:00:00+08:00');
    const clerk = await as('clerk');
    // what this PC stored before the statutory rule: the same tables, no rule, Mon–Fri in 2027
    const current = t.currentCalendar();
    const before = createCalendar({ official: current.data.official, closures: [] });
    saveCalendarVersion(t.db, before.version, before.data);
    setSetting(t.db, 'calendar.current', before.version);
    const caseId = await acceptedCase(t, clerk, 'SJ-002');
    // the new calendar governs new cases from now on; this one keeps the notice it was given
    setSetting(t.db, 'calendar.current', current.version);
    const clocks = await view(t, clerk, caseId);
    expect(clockOf(clocks, 'statutory').deadline).toMatchObject({
      date: '2027-01-01',
      provisional: true,
    });
  });
});
