import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { OpenCase } from '../../shared/case';
import { organisationApplicant, personApplicant } from '../../tests/support/applicants';
import { attempt, call, terminalAt as setup } from '../../tests/support/terminal-api';
import { caseSearchText } from '../store/cases';
import { migrations } from '../store/migrations';
import { m010CaseSearch } from '../store/migrations/010-case-search';

// Part R of issue 16: a returning applicant names a part of what they hold — the last digits of
// the receipt's number, their mobile, their ID — and the clerk finds the case.

async function threeCases() {
  const { t, as } = setup('2026-03-02T09:00:00+08:00');
  const clerk = await as('clerk');
  const receive = (applicant: object, itemCode = 'SJ-002') =>
    call(t, clerk, 'cases.receive', { itemCode, applicant, channel: 'window' });
  const ouyang = await receive({ ...personApplicant(1), name: '欧阳Nana', mobile: '13912345678' });
  const wang = await receive({ ...personApplicant(2), mobile: '13787654321' });
  const company = await receive(organisationApplicant(3), 'SJ-003');
  const ids = async (query: string) =>
    (
      (await call(t, clerk, 'cases.list', { query, status: 'all' })) as { rows: { id: string }[] }
    ).rows
      .map((r) => r.id)
      .sort();
  return { t, clerk, ouyang, wang, company, ids };
}

describe('case search', () => {
  it('finds a case by any part of its number, however short', async () => {
    const { ouyang, wang, company, ids } = await threeCases();
    expect(ouyang.caseNumber).toBe('SJ-20260302-SJ01-T1-0001');
    expect(await ids('0002')).toEqual([wang.caseId]);
    expect(await ids('002')).toEqual([wang.caseId]);
    expect(await ids('T1-0003')).toEqual([company.caseId]);
    expect(await ids('sj01-t1')).toHaveLength(3);
  });

  it('finds by any 4 or more digits of the mobile, spaces and hyphens as typed', async () => {
    const { ouyang, wang, ids } = await threeCases();
    expect(await ids('5678')).toEqual([ouyang.caseId]);
    expect(await ids('139 1234')).toEqual([ouyang.caseId]);
    expect(await ids('137-8765-4321')).toEqual([wang.caseId]);
    // 3 digits are too few for a mobile or ID: they only ever match the number or the name
    expect(await ids('876')).toEqual([]);
  });

  it('finds by any part of the name (ASCII case folded) and any 4 or more characters of the ID or USCC', async () => {
    const { ouyang, company, ids } = await threeCases();
    expect(await ids('欧')).toEqual([ouyang.caseId]);
    expect(await ids('nana')).toEqual([ouyang.caseId]);
    expect(await ids('商贸')).toEqual([company.caseId]);
    const id = personApplicant(1).idNumber;
    expect(await ids(id.slice(6, 14))).toEqual([ouyang.caseId]);
    expect(await ids(id.toLowerCase())).toEqual([ouyang.caseId]);
    const uscc = organisationApplicant(3).uscc;
    expect(await ids(uscc.slice(-6).toLowerCase())).toEqual([company.caseId]);
    expect(await ids('不存在')).toEqual([]);
  });

  it('keeps the search column up to date as the case moves on and after the projection is rebuilt', async () => {
    const { t, ouyang, ids } = await threeCases();
    const { rebuildProjections } = await import('../projections/cases');
    rebuildProjections(t);
    expect(await ids('5678')).toEqual([ouyang.caseId]);
    const row = t.db
      .prepare('SELECT search_text, state FROM cases WHERE id = ?')
      .get(ouyang.caseId) as {
      search_text: string;
      state: string;
    };
    expect(row.search_text).toBe(caseSearchText(JSON.parse(row.state) as OpenCase));
  });

  it('uses the (window, search_text) index, not a scan of the wide rows', async () => {
    const { t } = await threeCases();
    const plan = t.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM cases WHERE window_id = ? AND search_text LIKE ? ESCAPE '\\'`,
      )
      .all('w', '%0002%') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING (COVERING )?INDEX cases_search/);
  });
});

describe('migration 010', () => {
  it('writes for the cases it finds the same search text the projection writes', async () => {
    const { t, ouyang, company } = await threeCases();
    const states = (t.db.prepare('SELECT state FROM cases').all() as { state: string }[]).map(
      (r) => JSON.parse(r.state) as OpenCase,
    );
    // a version-9 terminal holding these cases: the same rows, without the column
    const db = new Database(':memory:');
    for (const m of migrations.filter((x) => x.version < 10)) m.up(db);
    const columns = (db.pragma('table_info(cases)') as { name: string }[]).map((c) => c.name);
    db.exec(`ATTACH '${t.db.name.replace(/'/g, "''")}' AS old`);
    db.exec(
      `INSERT INTO cases (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM old.cases`,
    );
    db.exec('DETACH old');
    m010CaseSearch.up(db);
    const written = new Map(
      (
        db.prepare('SELECT id, search_text FROM cases').all() as {
          id: string;
          search_text: string;
        }[]
      ).map((r) => [r.id, r.search_text]),
    );
    expect(written.size).toBe(3);
    for (const state of states) expect(written.get(state.caseId)).toBe(caseSearchText(state));
    expect(written.get(String(company.caseId))).toContain(organisationApplicant(3).uscc);
    expect(written.get(String(ouyang.caseId))).toContain('13912345678');
    db.close();
  });
});

describe('a USCC seen before under another name', () => {
  it('names the latest case under it when its organisation had another name, ignoring width and spaces', async () => {
    const { t, clerk, company } = await threeCases();
    const { uscc, name } = organisationApplicant(3);
    const earlier = (input: object) => call(t, clerk, 'applicants.earlierName', input);
    expect(await earlier({ uscc, name: '西安市另一家贸易有限公司' })).toEqual({
      name,
      caseNumber: company.caseNumber,
      receivedAt: expect.any(String),
    });
    expect(await earlier({ uscc: uscc.toLowerCase(), name: ` ${name} ` })).toBeNull();
    const renamed = organisationApplicant(3, '西安市第3商贸（集团）有限公司');
    await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: renamed,
      channel: 'window',
    });
    // after the rename, the new name is the one on record; the old one now warns
    expect(await earlier({ uscc, name: '西安市第3商贸(集团)有限公司' })).toBeNull();
    expect(await earlier({ uscc, name })).toMatchObject({ name: renamed.name });
    // a code never seen, or one failing its check character, is no warning but a clear refusal
    expect(await earlier({ uscc: organisationApplicant(9).uscc, name })).toBeNull();
    const bad = await attempt(t, clerk, 'applicants.earlierName', {
      uscc: '91610113MA0000003X',
      name,
    });
    expect(bad.ok).toBe(false);
  });
});
