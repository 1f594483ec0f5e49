import { describe, expect, it } from 'vitest';
import { dialects } from '../../server/db/test-db';
import { appealNotice, type CaseEvent } from '../../shared/case';
import { shanghaiIso } from '../../shared/calendar';
import type { CaseDocument } from '../../shared/documents';
import { adminAccount } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { cleanupAfterEach } from '../support/cleanups';
import { conflictOf, forge } from '../support/forged';
import { attempt, call, itemMaterials } from '../support/terminal-api';
import { hallOn, receiveChecked, syncUntilQuiet, windowTerminal, type Hall } from '../sync/world';

// Issue 14 part B2, points 5 and 7 across the programs: the manager sets a department's
// 复议机关, court and intake seal at the center (a real center process on loopback, SQLite and
// PostgreSQL); they reach the window's PC with the catalog; the PC issues notices by them; and
// the center judges events a copy of the PC's files writes without them (shared rules, one
// function on both sides). Points 4 and 8 at the center: a forged approval without the validity
// its item requires, a forged notice with a holiday as return date.

const defer = cleanupAfterEach();

const terminalAt = (hall: Hall, code: string) => windowTerminal(hall, code, defer);
const checkedCase = receiveChecked;

const denial = {
  outcome: 'deny',
  facts: '经营场所与污染源距离不足规定要求',
  reasons: '不符合卫生许可条件',
  legalBasis: '《公共场所卫生管理条例》第八条',
  // what the renderer sends; main writes the notice again from the department's settings
  appealNotice: appealNotice('卫生健康局'),
};

describe.each(dialects)(
  'notices: appeal bodies and intake seal from the center (%s)',
  (dialect) => {
    it('the window issues by the department’s settings; the center refuses notices without them', async () => {
      const hall = await hallOn(dialect, defer);
      const admin = await centerAdmin(hall.center.url, adminAccount(hall.dataDir));
      // WJ stamps by hand and has no court set yet; SJ keeps the default catalog's placeholders
      await admin.call('PUT', '/api/departments/WJ', {
        name: '卫生健康局',
        reconsiderationBody: '示范区人民政府',
        intakeSeal: 'byHand',
      });
      const wj = await terminalAt(hall, 'WJ01');
      const sj = await terminalAt(hall, 'SJ01');

      // point 7, by hand: without the clerk's confirmation the acceptance is refused
      const wjCase = await checkedCase(wj, 1);
      const unsealed = await attempt(wj.t, wj.clerk, 'cases.record', {
        caseId: wjCase,
        type: 'accepted',
        payload: { intakeSeal: 'printed' },
      });
      expect(!unsealed.ok && unsealed.error).toMatchObject({ rule: 'intakeSeal.missing' });
      const { eventId: acceptedId } = (await call(wj.t, wj.clerk, 'cases.record', {
        caseId: wjCase,
        type: 'accepted',
        payload: { intakeSeal: 'byHand' },
      })) as { eventId: string };
      const acceptance = (await call(wj.t, wj.clerk, 'documents.get', {
        caseId: wjCase,
        eventId: acceptedId,
      })) as CaseDocument;
      expect(acceptance.intakeSeal).toMatchObject({ mode: 'byHand' });

      // point 5: no court set, no denial — the message tells the manager what to set
      const noCourt = await attempt(wj.t, wj.chief, 'cases.record', {
        caseId: wjCase,
        type: 'decided',
        payload: denial,
      });
      expect(!noCourt.ok && noCourt.error).toMatchObject({ rule: 'appeal.departmentUnset' });
      expect(!noCourt.ok && noCourt.error.message).toContain('部门设置');
      // the manager sets it; after the sync the same denial names both bodies
      await admin.call('PUT', '/api/departments/WJ', {
        name: '卫生健康局',
        reconsiderationBody: '示范区人民政府',
        court: '示范区人民法院',
        intakeSeal: 'byHand',
      });
      await syncUntilQuiet([wj.t]);
      await call(wj.t, wj.chief, 'cases.record', {
        caseId: wjCase,
        type: 'decided',
        payload: denial,
      });
      const decided = (await call(wj.t, wj.chief, 'cases.get', { caseId: wjCase })) as {
        state: { decision: { decision: { appealNotice: { text: string } } } };
      };
      expect(decided.state.decision.decision.appealNotice.text).toContain(
        '60日内向示范区人民政府申请行政复议',
      );
      expect(decided.state.decision.decision.appealNotice.text).toContain(
        '6个月内向示范区人民法院提起行政诉讼',
      );

      // point 7, printed: SJ's acceptance records and draws its 受理专用章, whatever was sent
      const sjCase = await checkedCase(sj, 2);
      const { eventId: sjAccepted } = (await call(sj.t, sj.clerk, 'cases.record', {
        caseId: sjCase,
        type: 'accepted',
        payload: {},
      })) as { eventId: string };
      const printed = (await call(sj.t, sj.clerk, 'documents.get', {
        caseId: sjCase,
        eventId: sjAccepted,
      })) as CaseDocument;
      expect(printed.intakeSeal).toEqual({
        mode: 'printed',
        seal: { departmentCode: 'SJ', departmentName: '市场监督管理局', purpose: 'intake' },
      });

      // the center judges what a copy of SJ's files writes without them
      const forgedCase = await checkedCase(sj, 3);
      const forgedAcceptance = forge(sj.t, sj.clerk, {
        caseId: forgedCase,
        type: 'accepted',
        payload: {},
      });
      const forgedDenial = forge(sj.t, sj.chief, {
        caseId: sjCase,
        type: 'decided',
        payload: { ...denial, appealNotice: appealNotice('市场监督管理局') },
      } as Pick<CaseEvent, 'caseId' | 'type' | 'payload'>);
      await syncUntilQuiet([wj.t, sj.t]);
      expect(await conflictOf(hall, forgedCase, forgedAcceptance)).toEqual([
        'conflicted',
        'intakeSeal.missing',
      ]);
      expect(await conflictOf(hall, sjCase, forgedDenial)).toEqual(['conflicted', 'appeal.bodies']);
      // what the PCs issued through their services the center took
      expect(await conflictOf(hall, wjCase, acceptedId)).toEqual(['accepted', null]);
    });

    it('the center refuses a forged approval past its legal term and a holiday as return date', async () => {
      const hall = await hallOn(dialect, defer);
      const wj = await terminalAt(hall, 'WJ01');
      // WJ-001 公共场所卫生许可: 4 years by its own regulation
      const accepted = await checkedCase(wj, 4);
      await call(wj.t, wj.clerk, 'cases.record', {
        caseId: accepted,
        type: 'accepted',
        payload: {},
      });
      const beyond = await attempt(wj.t, wj.chief, 'cases.record', {
        caseId: accepted,
        type: 'decided',
        payload: { outcome: 'approve', granted: '准予公共场所卫生许可', validUntil: '2099-12-31' },
      });
      expect(!beyond.ok && beyond.error).toMatchObject({ rule: 'validity.beyondLaw' });
      const forgedApproval = forge(wj.t, wj.chief, {
        caseId: accepted,
        type: 'decided',
        payload: { outcome: 'approve', granted: '准予公共场所卫生许可', validUntil: '2099-12-31' },
      });

      // point 8: a Sunday that is no make-up day, however the PC was made to write it
      const noticed = await checkedCase(wj, 5);
      const sunday = nextSunday(shanghaiIso(wj.t.now()).slice(0, 10));
      const unclear = itemMaterials(wj.t, 'WJ-001')[0]!.id;
      // a second look finds the first copy unclear: the notice asks for it as found
      await call(wj.t, wj.clerk, 'cases.record', {
        caseId: noticed,
        type: 'materialsChecked',
        payload: {
          materials: [{ materialId: unclear, status: 'defective', defect: '复印件不清' }],
        },
      });
      const notice = {
        items: [{ materialId: unclear, problem: 'defective', detail: '复印件不清' }],
        returnBy: sunday,
        intakeSeal: 'printed',
      };
      const refused = await attempt(wj.t, wj.clerk, 'cases.record', {
        caseId: noticed,
        type: 'noticeIssued',
        payload: notice,
      });
      const holiday = refused.ok ? null : refused.error.rule;
      expect(['returnBy.notWorkingDay', 'returnBy.tooFar']).toContain(holiday);
      const forgedNotice = forge(wj.t, wj.clerk, {
        caseId: noticed,
        type: 'noticeIssued',
        payload: notice,
      } as Pick<CaseEvent, 'caseId' | 'type' | 'payload'>);
      await syncUntilQuiet([wj.t]);
      expect(await conflictOf(hall, accepted, forgedApproval)).toEqual([
        'conflicted',
        'validity.beyondLaw',
      ]);
      expect(await conflictOf(hall, noticed, forgedNotice)).toEqual(['conflicted', holiday]);
    });
  },
);

/** The first Sunday after `date` (a make-up working day never falls on the Sunday after New Year's Day etc.; the center's calendar decides either way). */
function nextSunday(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() !== 0);
  return d.toISOString().slice(0, 10);
}
