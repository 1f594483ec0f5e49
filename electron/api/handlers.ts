import type { Session } from '../../shared/api';
import { searchItems } from '../../shared/catalog';
import { getCase, listCases, receiveCase, recordEvent } from '../services/cases';
import type { Terminal } from '../services/terminal';
import { verifyPassword } from '../store/passwords';
import {
  findStaffByUsername,
  getDepartment,
  getSetting,
  getStaff,
  getWindow,
  listDepartments,
  listItems,
} from '../store/reference';
import type { Handlers } from './dispatch';
import { ApiFailure } from './errors';

// A fixed hash to compare against when the user does not exist, so a wrong username costs the
// same time as a wrong password and does not reveal which usernames exist.
const decoyHash =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

function sessionView(t: Terminal, staffId: string, token: string): Session {
  const staff = getStaff(t.db, staffId);
  if (!staff) throw new ApiFailure('unauthenticated', '账号不存在');
  const window = staff.window_id ? getWindow(t.db, staff.window_id) : undefined;
  const department = window ? getDepartment(t.db, window.department_code) : undefined;
  return {
    token,
    user: { id: staff.id, username: staff.username, name: staff.name, role: staff.role },
    window: window ? { id: window.id, code: window.code, name: window.name } : null,
    department: department ?? null,
    centerName: t.centerName(),
  };
}

export const handlers: Handlers = {
  'auth.login': (input, { terminal }) => {
    const wait = terminal.logins.waitFor(input.username);
    if (wait > 0) {
      throw new ApiFailure(
        'unauthenticated',
        `密码连续输错次数过多，请 ${Math.ceil(wait / 1000)} 秒后再试`,
      );
    }
    const staff = findStaffByUsername(terminal.db, input.username);
    const valid = verifyPassword(input.password, staff?.password_hash ?? decoyHash);
    if (!staff || !valid || !staff.active) {
      terminal.logins.failed(input.username);
      throw new ApiFailure('unauthenticated', '用户名或密码错误');
    }
    terminal.logins.succeeded(input.username);
    const token = terminal.sessions.open({ userId: staff.id, name: staff.name, role: staff.role });
    return sessionView(terminal, staff.id, token);
  },
  'auth.logout': (_input, { terminal, token }) => {
    terminal.sessions.close(token);
    return {};
  },
  'session.current': (_input, { terminal, session, token }) =>
    sessionView(terminal, session.actor.userId, token ?? ''),
  'catalog.items': (input, { terminal }) => {
    const windowId = getSetting<string>(terminal.db, 'terminal.windowId');
    const department =
      input.departmentCode ??
      (windowId ? getWindow(terminal.db, windowId)?.department_code : undefined);
    const items = listItems(terminal.db);
    if (!input.query)
      return department ? items.filter((i) => i.departmentCode === department) : items;
    return searchItems(
      { version: '', departments: listDepartments(terminal.db), items },
      input.query,
      department,
    );
  },
  'cases.receive': (input, { terminal, session }) => receiveCase(terminal, session, input),
  'cases.record': (input, { terminal, session }) => recordEvent(terminal, session, input),
  'cases.get': (input, { terminal }) => getCase(terminal, input),
  'cases.list': (input, { terminal }) => listCases(terminal, input),
};
