import { appealNotice, type Actor, type CaseEvent, type ItemSnapshot } from '../../shared/case';

// The golden event log of the report tests: three departments, four days (Mon 2 – Thu 5 March
// 2026), eighteen cases per department and day in nine patterns whose numbers are counted by hand
// in golden.test.ts. Deterministic: `npm run golden` writes it to golden-events.json, and the
// test checks the file still equals what this builds.

/** The 复议机关 and court the golden departments' denials and refusals name (issue 14 part B2). */
const goldenBodies = { reconsiderationBody: '示范区人民政府', court: '示范区人民法院' };

export const goldenDays = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'] as const;

// Each department's own clerk and chief, sitting at its window: the center judges every pushed
// event by its staff records (SJ's and ZJ's are the sync fixtures' hall staff, WJ's are seeded by
// the tests that push the log).
export const goldenDepartments = [
  {
    code: 'SJ',
    name: '市场监督管理局',
    windowId: 'w-sj-1',
    itemCode: 'SJ-001',
    clerk: { userId: 'u-clerk', name: '王窗口', role: 'clerk' },
    chief: { userId: 'u-chief', name: '张首席', role: 'chief' },
  },
  {
    code: 'ZJ',
    name: '住房和城乡建设局',
    windowId: 'w-zj-1',
    itemCode: 'ZJ-001',
    clerk: { userId: 'u-clerk-zj', name: '钱窗口', role: 'clerk' },
    chief: { userId: 'u-chief-zj', name: '吴首席', role: 'chief' },
  },
  {
    code: 'WJ',
    name: '卫生健康局',
    windowId: 'w-wj-1',
    itemCode: 'WJ-001',
    clerk: { userId: 'u-clerk-wj', name: '冯窗口', role: 'clerk' },
    chief: { userId: 'u-chief-wj', name: '陈首席', role: 'chief' },
  },
] as const satisfies readonly (Record<string, unknown> & { clerk: Actor; chief: Actor })[];

/** The moment the open cases are judged at: Friday 20 March 2026, 17:00 in Beijing. */
export const goldenAsOf = '2026-03-20T17:00:00+08:00';

/** Every case's pattern, how many of it per department and day, and what it does. */
export const goldenPatterns = [
  ['approvedDelivered', 4, 'accepted, approved and sealed the same day, delivered, rated 非常满意'],
  ['noticeThenAccepted', 3, 'a one-time notice, supplements and acceptance the same morning; open'],
  ['refused', 2, 'refused at intake'],
  ['denied', 2, 'accepted, denied and sealed the same day; not delivered'],
  ['paused', 2, 'accepted, then an expert review that is still running'],
  ['extended', 2, 'accepted, then extended by 10 working days; open'],
  ['late', 1, 'accepted, approved and sealed on Mon 16 March, after its promised date'],
  ['silent', 1, 'received and left: accepted by law after 5 working days'],
  ['badRating', 1, 'like approvedDelivered but rated 非常不满意'],
] as const;

/** The item version each department published, as the golden cases were received under it. */
export function goldenItem(d: (typeof goldenDepartments)[number]): ItemSnapshot {
  return {
    code: d.itemCode,
    name: `${d.name}许可事项`,
    departmentCode: d.code,
    reviewMode: 'single',
    promisedDays: 5,
    statutoryDays: 20,
    extensionDays: 10,
    joint: false,
    materials: [
      { id: 'm1', name: '申请书', required: true, form: 'original', count: 1 },
      { id: 'm2', name: '主体资格证明', required: true, form: 'copy', count: 1 },
    ],
  };
}

const uuid = (kind: number, n: number) =>
  `00000000-0000-7000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

/** The golden log, every case's events in order; `calendarVersion` is the terminal's own. */
export function goldenLog(calendarVersion: string): CaseEvent[] {
  const events: CaseEvent[] = [];
  let caseNo = 0;
  let eventNo = 0;
  for (const d of goldenDepartments) {
    const { clerk, chief } = d;
    for (const day of goldenDays) {
      for (const [pattern, count] of goldenPatterns) {
        for (let i = 0; i < count; i++) {
          caseNo += 1;
          const caseId = uuid(1, caseNo);
          const serial = String(caseNo).padStart(4, '0');
          const at = (date: string, time: string) => `${date}T${time}:00+08:00`;
          const next = (
            type: CaseEvent['type'],
            payload: unknown,
            actor: Actor,
            when: string,
          ): CaseEvent => {
            eventNo += 1;
            const id = uuid(2, eventNo);
            events.push({
              id,
              caseId,
              type,
              payload,
              actor,
              windowId: d.windowId,
              occurredAt: when,
            } as CaseEvent);
            return events.at(-1)!;
          };
          next(
            'received',
            {
              caseNumber: `${d.code}-${day.replaceAll('-', '')}-${d.code}01-T1-${serial}`,
              item: goldenItem(d),
              applicant: {
                kind: 'person',
                name: `申请人${caseNo}`,
                idNumber: '11010519491231002X',
                mobile: '13800138000',
              },
              channel: 'window',
              calendarVersion,
            },
            clerk,
            at(day, '09:00'),
          );
          const checked = (time: string) =>
            next(
              'materialsChecked',
              {
                materials: [
                  { materialId: 'm1', status: 'received' },
                  { materialId: 'm2', status: 'received' },
                ],
              },
              clerk,
              at(day, time),
            );
          const accept = (time: string) =>
            next('accepted', { intakeSeal: 'printed' }, clerk, at(day, time));
          const decide = (decision: unknown, date: string, time: string) => {
            const decided = next('decided', decision, chief, at(date, time));
            // the golden log is unsigned: the seal names the decision, its hash is a stand-in
            next(
              'stamped',
              {
                decisionEventId: decided.id,
                decisionHash: 'f'.repeat(64),
                decisionNumber: `${d.code}许〔2026〕${serial}号`,
              },
              chief,
              at(date, time.replace(':00', ':30')),
            );
          };
          // what a terminal writes since issue 14 (part B2): the validity the item's law asks for
          const approve = {
            outcome: 'approve',
            granted: `准予${goldenItem(d).name}`,
            validUntil: '2031-12-31',
          };
          switch (pattern) {
            case 'approvedDelivered':
            case 'badRating':
              checked('09:10');
              accept('09:20');
              decide(approve, day, '15:00');
              next(
                'delivered',
                { method: 'window', recipient: `申请人${caseNo}` },
                clerk,
                at(day, '16:00'),
              );
              next('rated', { score: pattern === 'badRating' ? 5 : 1 }, clerk, at(day, '16:05'));
              break;
            case 'noticeThenAccepted':
              next(
                'materialsChecked',
                {
                  materials: [
                    { materialId: 'm1', status: 'received' },
                    { materialId: 'm2', status: 'missing' },
                  ],
                },
                clerk,
                at(day, '09:10'),
              );
              next(
                'noticeIssued',
                {
                  items: [{ materialId: 'm2', problem: 'missing', detail: '请补交复印件' }],
                  intakeSeal: 'printed',
                },
                clerk,
                at(day, '09:15'),
              );
              next('supplementReceived', { materialIds: ['m2'] }, clerk, at(day, '11:00'));
              accept('11:10');
              break;
            case 'refused':
              next(
                'refused',
                {
                  ground: 'noLicenceNeeded',
                  reasons: '该事项无需许可',
                  legalBasis: '《行政许可法》第三十二条',
                  appealNotice: appealNotice(d.name, goldenBodies),
                  intakeSeal: 'printed',
                },
                clerk,
                at(day, '09:30'),
              );
              break;
            case 'denied':
              checked('09:10');
              accept('09:20');
              decide(
                {
                  outcome: 'deny',
                  facts: '经营场所不符合要求',
                  reasons: '不具备许可条件',
                  legalBasis: '有关法规',
                  appealNotice: appealNotice(d.name, goldenBodies),
                },
                day,
                '14:00',
              );
              break;
            case 'paused':
              checked('09:10');
              accept('09:20');
              next(
                'paused',
                {
                  procedure: 'expertReview',
                  expectedWorkingDays: 10,
                  applicantNoticeRef: '特告1号',
                  centerFilingRef: '中心备1号',
                },
                chief,
                at(day, '14:00'),
              );
              break;
            case 'extended':
              checked('09:10');
              accept('09:20');
              next(
                'extended',
                {
                  workingDays: 10,
                  approver: '局长',
                  reason: '需现场核查',
                  applicantNoticeRef: '延告1号',
                },
                chief,
                at(day, '15:00'),
              );
              break;
            case 'late':
              checked('09:10');
              accept('09:20');
              decide(approve, '2026-03-16', '10:00');
              break;
            case 'silent':
              break;
          }
        }
      }
    }
  }
  return events;
}
