import fc from 'fast-check';
import { afterEach, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api';
import { personApplicant } from '../../tests/support/applicants';
import { quietTerminal } from '../../tests/support/sync';
import { dispatch } from './dispatch';
import { handlers } from './handlers';

// Issue 15 point 7 at the terminal's API: cases.receive refuses a name or remark with a hidden
// character, naming the field, and writes nothing; ordinary names, minority names with their
// middle dot included, are received.

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const hidden = [0x202e, 0x2067, 0x200b, 0x200d, 0x2060, 0xfeff, 0xd800, 0xdc00];

it('cases.receive refuses hidden characters at the field and receives ordinary names', async () => {
  const q = quietTerminal();
  cleanups.push(q.cleanup);
  const clerk = await q.as('clerk');
  const itemCode = (
    q.t.db.prepare("SELECT code FROM items WHERE department_code = 'SJ' LIMIT 1").get() as {
      code: string;
    }
  ).code;
  const receive = async (input: Record<string, unknown>) =>
    (await dispatch(
      handlers,
      'cases.receive',
      { itemCode, channel: 'window', ...input },
      { terminal: q.t, session: q.t.sessions.resolve(clerk), token: clerk },
    )) as ApiResult<{ caseId: string }>;
  const events = () =>
    (q.t.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;

  const minority = await receive({ applicant: { ...personApplicant(1), name: '阿依古丽·买买提' } });
  expect(minority.ok).toBe(true);
  const before = events();

  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...hidden),
      fc.constantFrom('applicant.name', 'notes'),
      async (code, field) => {
        const bad = `张三${String.fromCharCode(code)}李四`;
        const result = await receive(
          field === 'notes'
            ? { applicant: personApplicant(2), notes: bad }
            : { applicant: { ...personApplicant(2), name: bad } },
        );
        expect(!result.ok && result.error).toMatchObject({
          code: 'invalid_input',
          field,
          message: expect.stringContaining(`U+${code.toString(16).toUpperCase()}`),
        });
      },
    ),
    { numRuns: 30 },
  );
  expect(events()).toBe(before);
});
