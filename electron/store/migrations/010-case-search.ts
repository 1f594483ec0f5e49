import type { Migration } from './migration';

// Part R of issue 16: a clerk finds a case by any part of its number, the applicant's name, ID
// (or USCC) or mobile. `search_text` holds them in one column, kept by upsertCase
// (electron/store/cases.ts caseSearchText, which this SQL must agree with: a test compares them):
//   number ␟ name ␞ key ␟ mobile
// The part before ␞ may match any query; the part after only a query of 4 or more characters,
// so "002" finds case …0002 and not every ID holding 002.
// A LIKE '%…%' cannot seek an index, so the index (window_id, search_text) is what keeps it
// fast: SQLite checks the LIKE against the narrow index entries of the window and reads only the
// matching rows' wide `state`, instead of every row of the table (measured in cases-search.test.ts).
export const m010CaseSearch: Migration = {
  version: 10,
  name: 'case search: number, name, ID and mobile in one indexed column',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
      UPDATE cases SET search_text =
        case_number || char(31) || applicant_name || char(30) || applicant_key || char(31) ||
        coalesce(json_extract(state, '$.applicant.mobile'), '');
      CREATE INDEX cases_search ON cases(window_id, search_text);
    `);
  },
};
