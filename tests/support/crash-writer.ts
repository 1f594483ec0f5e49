// Child process of the crash test: receives cases in a loop through the real API dispatcher and
// prints each case id only after its command returned (i.e. after COMMIT). The parent kills it
// with SIGKILL at a random moment.
import { resolve } from 'node:path';
import { dispatch } from '../../electron/api/dispatch';
import { handlers } from '../../electron/api/handlers';
import { openTerminal } from '../../electron/services/terminal';
import { personApplicant } from './applicants';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-writer <dataDir>');
const terminal = openTerminal({ dataDir, resourcesDir: resolve('resources') });
const clerk = terminal.demoAccounts.find((a) => a.role === 'clerk')!;
const ctx = { terminal, session: null, token: null };
const login = await dispatch(
  handlers,
  'auth.login',
  { username: clerk.username, password: clerk.password },
  ctx,
);
if (!login.ok) throw new Error(JSON.stringify(login.error));
const token = (login.value as { token: string }).token;
const session = terminal.sessions.resolve(token);
const itemCode = (
  terminal.db.prepare("SELECT code FROM items WHERE department_code = 'SJ' LIMIT 1").get() as {
    code: string;
  }
).code;

// each round's writer continues the numbering: a second open case of one applicant and item
// would need a reason (issue 16), and every round here is a new applicant
const written = (
  terminal.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'received'").get() as {
    n: number;
  }
).n;

process.stdout.write('ready\n');
for (let n = 10_000 + written; ; n++) {
  const result = await dispatch(
    handlers,
    'cases.receive',
    { itemCode, applicant: personApplicant(n), channel: 'window' },
    { terminal, session, token },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  process.stdout.write(`case ${(result.value as { caseId: string }).caseId}\n`);
}
