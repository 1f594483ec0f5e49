import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CaseRow } from '../../shared/api';
import { organisationApplicant, personApplicant } from '../../tests/support/applicants';
import { attempt, call, terminalAt } from '../../tests/support/terminal-api';
import { caseEvents } from '../store/events';
import { listScopeCases } from '../store/cases';
import { migrations } from '../store/migrations';
import { m011DepartmentCases } from '../store/migrations/011-department-cases';

// Part T of issue 16: at intake, the department's open case of the same applicant and item
// stands in the way of a new one. Main is the rule (the renderer is untrusted): a second case is
// refused without a reason, made with one, and the reason travels in its receipt. The list and
// search of another window's cases, and acting on them, are proven with a real center and two
// terminals in tests/sync/department.test.ts.

async function intake() {
  const { t, as } = terminalAt('2026-03-02T09:00:00+08:00');
  const clerk = await as('clerk');
  const receive = (input: object) =>
    attempt(t, clerk, 'cases.receive', { itemCode: 'SJ-002', channel: 'window', ...input });
  const openCases = async (itemCode: string, applicantKey: string) =>
    (await call(t, clerk, 'cases.openDuplicates', {
      itemCode,
      applicantKey,
    })) as unknown as CaseRow[];
  return { t, clerk, receive, openCases };
}

describe('an open case of the same applicant and item, at intake', () => {
  it('refuses a second case without a reason, naming the open one; nothing is written', async () => {
    const { t, receive } = await intake();
    const first = await receive({ applicant: personApplicant(1) });
    expect(first.ok).toBe(true);
    const second = await receive({ applicant: personApplicant(1) });
    expect(!second.ok && second.error).toMatchObject({
      code: 'not_allowed',
      rule: 'intake.duplicateOpen',
      field: 'duplicateReason',
    });
    expect(!second.ok && second.error.message).toContain(
      (first.ok && (first.value.caseNumber as string)) || 'x',
    );
    expect(t.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
    // a blank reason, or a keystroke to get past the field, is no reason: refused by the shared
    // schema before any rule
    for (const duplicateReason of ['   ', '-', '。。', '无']) {
      const bad = await receive({ applicant: personApplicant(1), duplicateReason });
      expect(!bad.ok && bad.error).toMatchObject({
        code: 'invalid_input',
        field: 'duplicateReason',
      });
    }
    expect(t.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
  });

  it('makes the second case with a reason, recorded in its receipt', async () => {
    const { t, receive, openCases } = await intake();
    const first = await receive({ applicant: personApplicant(1) });
    const reason = '申请人另设门店，另行申请';
    const second = await receive({ applicant: personApplicant(1), duplicateReason: reason });
    expect(second.ok).toBe(true);
    const [received] = caseEvents(t.db, second.ok ? (second.value.caseId as string) : '');
    // with the open case it answers for, so the center can tell it from one this PC never saw
    expect(received).toMatchObject({
      type: 'received',
      payload: { duplicateReason: reason, duplicateOf: [first.ok && first.value.caseId] },
    });
    // the first case was not a duplicate of anything: no reason on it
    const [firstReceived] = caseEvents(t.db, first.ok ? (first.value.caseId as string) : '');
    expect(firstReceived!.payload).not.toHaveProperty('duplicateReason');
    // both stand open now, oldest first
    expect((await openCases('SJ-002', personApplicant(1).idNumber)).length).toBe(2);
  });

  it('does not record a reason when nothing stood in the way', async () => {
    const { t, receive } = await intake();
    const made = await receive({ applicant: personApplicant(2), duplicateReason: '以防万一' });
    const [received] = caseEvents(t.db, made.ok ? (made.value.caseId as string) : '');
    expect(received!.payload).not.toHaveProperty('duplicateReason');
  });

  it('counts only the same item and only open cases: another item, or a withdrawn case, does not stand in the way', async () => {
    const { t, clerk, receive, openCases } = await intake();
    const applicant = organisationApplicant(5);
    const first = await receive({ applicant });
    const caseId = first.ok ? (first.value.caseId as string) : '';
    // the USCC as typed in lower case is the same organisation
    expect(
      (await openCases('SJ-002', applicant.uscc.toLowerCase())).map((r) => [r.id, r.ownWindow]),
    ).toEqual([[caseId, true]]);
    expect(await openCases('SJ-003', applicant.uscc)).toEqual([]);
    expect((await receive({ applicant, itemCode: 'SJ-003' })).ok).toBe(true);

    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'withdrawn',
      payload: { reason: '申请人撤回' },
    });
    expect(await openCases('SJ-002', applicant.uscc)).toEqual([]);
    expect((await receive({ applicant })).ok).toBe(true);
  });
});

describe('the department list', () => {
  it('lists the department’s cases by default and the window’s on request, each naming its receiving window', async () => {
    const { t, clerk, receive } = await intake();
    await receive({ applicant: personApplicant(3) });
    const rows = async (scope?: string) =>
      (
        (await call(t, clerk, 'cases.list', scope ? { scope } : {})) as unknown as {
          rows: CaseRow[];
        }
      ).rows;
    const window = t.db.prepare('SELECT id, code, name FROM windows').get() as {
      id: string;
      code: string;
      name: string;
    };
    expect((await rows()).map((r) => [r.receivingWindow, r.ownWindow])).toEqual([[window, true]]);
    expect(await rows('window')).toEqual(await rows('department'));
    const bad = await attempt(t, clerk, 'cases.list', { scope: 'hall' });
    expect(!bad.ok && bad.error.code).toBe('invalid_input');
    // by store: another department's window holds none of them
    expect(
      listScopeCases(t.db, { departmentCode: 'ZZ' }, { open: false, limit: 10, offset: 0 }),
    ).toEqual({ rows: [], total: 0 });
  });

  it('migration 011 indexes the department’s list and search, and the list uses them', () => {
    const db = new Database(':memory:');
    for (const m of migrations.filter((m) => m.version < 11)) m.up(db);
    m011DepartmentCases.up(db);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    expect(
      plan("SELECT id FROM cases WHERE department_code = 'SJ' AND open = 1 ORDER BY order_key"),
    ).toContain('cases_department_open_order');
    expect(
      plan("SELECT count(*) FROM cases WHERE department_code = 'SJ' AND search_text LIKE '%0002%'"),
    ).toContain('cases_department_search');
    db.close();
  });
});
