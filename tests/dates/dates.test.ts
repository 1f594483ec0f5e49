import { describe, expect, it } from 'vitest';
import { dialects } from '../../server/db/test-db';
import { addDays, latestTypedDay, shanghaiDate } from '../../shared/calendar';
import { cleanupAfterEach } from '../support/cleanups';
import { conflictOf, recordOrForge, type Recorded } from '../support/forged';
import { attempt, call, itemMaterials } from '../support/terminal-api';
import { hallOn, receiveChecked, syncUntilQuiet, windowTerminal } from '../sync/world';

// Issue 16 point 3 across the programs: the dates of the walk-through (a 补正 date and a licence
// valid until 1990-01-01, a report from 1990) are refused by the window PC's services with the
// rule or field to mark; the same events written straight into a copy of the PC's signed log
// reach a real center process (SQLite and PostgreSQL), which stores them as conflicted under the
// same rule ids (shared/case/notice-rules.ts on both sides).

const defer = cleanupAfterEach();

describe.each(dialects)('dates by meaning, window and center (%s)', (dialect) => {
  it('a 1990 return date and a 1990 validity: refused at the window, conflicted at the center', async () => {
    const hall = await hallOn(dialect, defer);
    // WJ-001 公共场所卫生许可: a 4-year licence
    const wj = await windowTerminal(hall, 'WJ01', defer);

    const noticed = await receiveChecked(wj, 1);
    const unclear = itemMaterials(wj.t, 'WJ-001')[0]!.id;
    // a second look finds the first copy unclear: the notice asks for it as found
    await call(wj.t, wj.clerk, 'cases.record', {
      caseId: noticed,
      type: 'materialsChecked',
      payload: { materials: [{ materialId: unclear, status: 'defective', defect: '复印件不清' }] },
    });
    const notice = {
      items: [{ materialId: unclear, problem: 'defective', detail: '复印件不清' }],
      returnBy: '1990-01-01',
      intakeSeal: 'printed',
    };
    const early = await recordOrForge(wj.t, wj.clerk, {
      caseId: noticed,
      type: 'noticeIssued',
      payload: notice,
    } as Recorded);
    expect(!early.answer.ok && early.answer.error).toMatchObject({
      code: 'not_allowed',
      rule: 'returnBy.tooEarly',
    });

    const accepted = await receiveChecked(wj, 2);
    await call(wj.t, wj.clerk, 'cases.record', { caseId: accepted, type: 'accepted', payload: {} });
    const past = await recordOrForge(wj.t, wj.chief, {
      caseId: accepted,
      type: 'decided',
      payload: { outcome: 'approve', granted: '准予公共场所卫生许可', validUntil: '1990-01-01' },
    });
    expect(!past.answer.ok && past.answer.error).toMatchObject({
      rule: 'validity.notAfterDecision',
    });

    await syncUntilQuiet([wj.t]);
    expect(await conflictOf(hall, noticed, early.forged!)).toEqual([
      'conflicted',
      'returnBy.tooEarly',
    ]);
    expect(await conflictOf(hall, accepted, past.forged!)).toEqual([
      'conflicted',
      'validity.notAfterDecision',
    ]);
  });

  it('a report period from 1990 or past next year is refused at the window with its field', async () => {
    const hall = await hallOn(dialect, defer);
    const sj = await windowTerminal(hall, 'SJ01', defer);
    const today = shanghaiDate(sj.t.now());
    const report = (from: string, to: string) =>
      attempt(sj.t, sj.chief, 'reports.metrics', { from, to });
    const early = await report('1990-01-01', '1990-12-31');
    expect(!early.ok && early.error).toMatchObject({
      code: 'invalid_input',
      field: 'from',
      message: '日期不能早于 2000-01-01',
    });
    // judged by main with the terminal's clock: the schema has none
    const late = await report(addDays(today, 360), addDays(today, 370));
    expect(!late.ok && late.error).toMatchObject({
      code: 'invalid_input',
      field: 'to',
      message: `日期不能晚于 ${latestTypedDay(today)}（今天起一年以内）`,
    });
    const reversed = await report(today, addDays(today, -1));
    expect(!reversed.ok && reversed.error).toMatchObject({ field: 'to' });
    expect((await report(addDays(today, -30), today)).ok).toBe(true);
  });
});
