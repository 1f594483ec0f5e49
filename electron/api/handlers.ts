import { queueAct, windowQueue } from '../services/queue';
import { appealWindowRating, windowRatings } from '../services/window-ratings';
import { getPrintSettings, setPrintSettings } from '../services/print-settings';
import { getScreenLock, setScreenLock } from '../services/screen-lock';
import {
  idCardReaderSettings,
  readIdCard,
  setIdCardReaderSettings,
} from '../services/id-card/reader';
import type { Session } from '../../shared/api';
import { reviseCaseCalendar, windowCalendarChanges } from '../services/calendar-changes';
import { ruleMessages, type Role } from '../../shared/case';
import { searchItems } from '../../shared/catalog';
import { getCase, listCases, openDuplicates, receiveCase, recordEvent } from '../services/cases';
import { endCenterSession } from '../services/center-admin';
import {
  registerSeal,
  reviewQueue,
  sealStatus,
  setSealPin,
  stampDecision,
} from '../services/decisions';
import { caseDocument } from '../services/documents';
import { caseRows, dailyReport } from '../services/reports';
import { getReportSchedule, setReportSchedule } from '../services/scheduled-report';
import { verifyPrinted } from '../services/verify';
import { acknowledgeClock } from '../services/clock';
import { registerOnSignIn } from '../services/seal-keys';
import { enroll } from '../services/enrollment';
import { clearDemo, demoStatus } from '../services/demo-clear';
import { getPhrases } from '../store/phrases';
import { readmit } from '../services/readmission';
import { conflicts } from '../services/conflicts';
import { attachmentPage, importAttachment } from '../services/attachments';
import { archiveSheet, exportArchive } from '../services/archive';
import { centerReceipt, syncForArchive, fetchFromCenter } from '../sync/files';
import { mySupervision, replyToComplaint } from '../services/window-alerts';
import { earlierName, findApplicant } from '../store/cases';
import type { Terminal } from '../services/context';
import { isPasswordHash, passwordCost, verifyPasswordSync } from '../../node-shared/passwords';
import { upgradeAtCenter } from '../services/password-upgrade';
import {
  boundWindow,
  findStaffByUsername,
  getDepartment,
  getItem,
  getStaff,
  listDepartments,
  listItems,
  type StaffRow,
} from '../store/reference';
import { adminHandlers } from './admin-handlers';
import { databaseHandlers } from './database-handlers';
import type { Handlers } from './dispatch';
import { ApiFailure } from './errors';
import { diagnosticsBundle } from '../operations/diagnostics';

// A fixed hash to compare against when the user does not exist (or holds no hash here: the center
// sends some records without one), so a wrong username costs the same time as a wrong password
// and does not reveal which usernames exist. At today's cost, like the hashes the center sends.
const decoyHash = `scrypt$${passwordCost}$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;

// The shell shows the window this PC serves: that is the window every event is written for.
function sessionView(t: Terminal, staff: StaffRow, token: string): Session {
  const window = boundWindow(t.db);
  return {
    token,
    user: { id: staff.id, username: staff.username, name: staff.name, role: staff.role },
    window: window ? { id: window.id, code: window.code, name: window.name } : null,
    department: window
      ? (getDepartment(t.db, window.department_code) ?? {
          code: window.department_code,
          name: window.department_name,
        })
      : null,
    centerName: t.centerName(),
  };
}

const windowRoles: readonly Role[] = ['clerk', 'reviewer', 'chief'];

/**
 * The staff member whose password this is, or a refusal that counts toward the sign-in throttle:
 * signing in and unlocking a locked screen are the same guess to an attacker at the counter.
 */
function passwordChecked(terminal: Terminal, username: string, password: string): StaffRow {
  const wait = terminal.logins.waitFor(username);
  if (wait > 0) {
    throw new ApiFailure(
      'unauthenticated',
      `密码连续输错次数过多，请 ${Math.ceil(wait / 1000)} 秒后再试`,
      { rule: 'signIn.locked' },
    );
  }
  const staff = findStaffByUsername(terminal.db, username);
  const stored = staff && isPasswordHash(staff.password_hash) ? staff.password_hash : decoyHash;
  const valid = verifyPasswordSync(password, stored) && stored !== decoyHash;
  if (!staff || !valid || !staff.active) {
    terminal.logins.failed(username);
    throw new ApiFailure('unauthenticated', ruleMessages['signIn.wrongPassword'], {
      rule: 'signIn.wrongPassword',
    });
  }
  terminal.logins.succeeded(username);
  return staff;
}

export const handlers: Handlers = {
  'auth.login': (input, { terminal }) => {
    const staff = passwordChecked(terminal, input.username, input.password);
    // A window's staff act for their own window only; signing in at another window's PC would
    // write their acts as that window's.
    if (windowRoles.includes(staff.role) && staff.window_id !== boundWindow(terminal.db)?.id) {
      throw new ApiFailure('forbidden', ruleMessages['signIn.otherWindow'], {
        rule: 'signIn.otherWindow',
      });
    }
    const token = terminal.sessions.open({ userId: staff.id, name: staff.name, role: staff.role });
    // the password is in hand: a seal key the center has not taken yet is registered now, in the
    // background, so that signing in never waits for a center that does not answer
    if (staff.role === 'chief') registerOnSignIn(terminal, staff, input.password);
    upgradeAtCenter(
      terminal,
      { username: staff.username, hash: staff.password_hash },
      input.password,
    );
    return sessionView(terminal, staff, token);
  },
  'auth.logout': (_input, { terminal, token, session }) => {
    endCenterSession(session);
    terminal.sessions.close(token);
    return {};
  },
  'session.current': (_input, { terminal, session, token }) => {
    const staff = getStaff(terminal.db, session.actor.userId);
    if (!staff) throw new ApiFailure('unauthenticated', '账号不存在');
    return sessionView(terminal, staff, token ?? '');
  },
  'catalog.items': (input, { terminal }) => {
    const department = input.departmentCode ?? boundWindow(terminal.db)?.department_code;
    const items = listItems(terminal.db);
    if (!input.query)
      return department ? items.filter((i) => i.departmentCode === department) : items;
    return searchItems(
      { version: '', departments: listDepartments(terminal.db), items },
      input.query,
      department,
    );
  },
  'catalog.item': (input, { terminal }) => {
    const item = getItem(terminal.db, input.code);
    if (!item) throw new ApiFailure('not_found', `事项 ${input.code} 不在目录中`);
    return item;
  },
  'applicants.find': (input, { terminal }) => findApplicant(terminal.db, input.key),
  'documents.get': (input, { terminal, session }) => caseDocument(terminal, session, input),
  'cases.receive': (input, { terminal, session }) => receiveCase(terminal, session, input),
  'cases.record': (input, { terminal, session }) => recordEvent(terminal, session, input),
  'cases.get': (input, { terminal, session }) => getCase(terminal, session, input),
  'cases.list': (input, { terminal }) => listCases(terminal, input),
  'cases.conflicts': (_input, { terminal }) => conflicts(terminal),
  'cases.queue': (_input, { terminal, session }) => reviewQueue(terminal, session),
  'cases.rows': (input, { terminal }) => caseRows(terminal, input.ids),
  'reports.metrics': (input, { terminal }) => dailyReport(terminal, input),
  'reports.schedule.get': (_input, { terminal }) => getReportSchedule(terminal),
  'reports.schedule.set': (input, { terminal, session }) =>
    setReportSchedule(terminal, session, input),
  'cases.stamp': (input, { terminal, session }) => stampDecision(terminal, session, input),
  'cases.calendarChanges': (_input, { terminal }) => windowCalendarChanges(terminal),
  'cases.reviseCalendar': (input, { terminal, session }) =>
    reviseCaseCalendar(terminal, session, input),
  'seal.status': (_input, { terminal, session }) => sealStatus(terminal, session),
  'seal.setPin': (input, { terminal, session }) => setSealPin(terminal, session, input),
  'seal.register': (input, { terminal, session }) => registerSeal(terminal, session, input),
  'documents.verify': (input, { terminal }) => verifyPrinted(terminal, input),
  'alerts.mine': (_input, { terminal, session }) => mySupervision(terminal, session),
  'complaints.reply': (input, { terminal, session }) => replyToComplaint(terminal, session, input),
  // issue 17: the hall's queue at this window
  'queue.window': (_input, { terminal }) => windowQueue(terminal),
  'queue.act': (input, { terminal, session }) => queueAct(terminal, session, input),
  // issue 17: 本窗口评价
  'ratings.window': (input, { terminal, session }) =>
    windowRatings(terminal, session, input.period),
  'ratings.appeal': (input, { terminal, session }) => appealWindowRating(terminal, session, input),
  // issue 18: materials as files
  'attachments.import': (input, { terminal }) => importAttachment(terminal, input),
  'attachments.page': (input, { terminal }) =>
    attachmentPage(terminal, input, (sha256) => fetchFromCenter(terminal, sha256)),
  'cases.exportArchive': (input, { terminal, session }) =>
    exportArchive(terminal, session, input, {
      fetchFile: (sha256) => fetchFromCenter(terminal, sha256),
      sync: () => syncForArchive(terminal),
      receipt: (caseId, manifestSha256) => centerReceipt(terminal, caseId, manifestSha256),
    }),
  'documents.archiveSheet': (input, { terminal }) => archiveSheet(terminal, input),
  'sync.status': (_input, { terminal }) => terminal.sync.status(),
  'sync.now': (_input, { terminal }) => terminal.sync.syncNow(),
  'sync.acknowledgeClock': (_input, { terminal, session }) => {
    acknowledgeClock(terminal, session);
    return terminal.sync.status();
  },
  'sync.enroll': (input, { terminal }) => enroll(terminal, input),
  // issue 15 part D: printers per document kind
  'print.settings.get': (_input, { terminal }) => getPrintSettings(terminal),
  'print.settings.set': (input, { terminal }) => setPrintSettings(terminal, input),
  // part C (issue 15)
  'diagnostics.export': (_input, { terminal }) => diagnosticsBundle(terminal),
  ...adminHandlers,
  // part A of issue 15 (recovery)
  'sync.readmit': (input, { terminal }) => readmit(terminal, input),
  // part B of issue 15
  ...databaseHandlers,
  // part S of issue 16: the screen locks itself
  'session.activity': (_input, { terminal, session }) => {
    terminal.sessions.touched(session);
    return { locked: session.locked, lockAfterMs: terminal.sessions.lockAfterMs() };
  },
  'session.lock': (_input, { terminal, session }) => {
    terminal.sessions.lock(session);
    return {};
  },
  'session.unlock': (input, { terminal, session }) => {
    // the password of the person the session belongs to, never a username typed at the lock
    // screen: another person signs out this session and signs in as themselves
    const staff = getStaff(terminal.db, session.actor.userId);
    if (!staff) throw new ApiFailure('unauthenticated', '账号不存在');
    passwordChecked(terminal, staff.username, input.password);
    terminal.sessions.unlock(session);
    return {};
  },
  'screenLock.get': (_input, { terminal }) => getScreenLock(terminal),
  'screenLock.set': (input, { terminal }) => setScreenLock(terminal, input),
  // part R of issue 16 (search)
  'applicants.earlierName': (input, { terminal }) => earlierName(terminal.db, input),
  // part T of issue 16: the department is the unit of service
  'cases.openDuplicates': (input, { terminal }) => openDuplicates(terminal, input),
  // part W of issue 16: clearing demo data
  'demo.status': (_input, { terminal }) => demoStatus(terminal),
  'demo.clear': (input, { terminal, session }) => clearDemo(terminal, session, input),
  'phrases.list': (_input, { terminal }) => getPhrases(terminal.db),
  // issue 18 part 5: the 二代身份证 reader at intake
  'idCard.read': (_input, { terminal }) => readIdCard(terminal),
  'idCard.settings.get': (_input, { terminal }) => idCardReaderSettings(terminal.db),
  'idCard.settings.set': (input, { terminal }) => setIdCardReaderSettings(terminal, input),
};
