import type { Migration } from './migration';

// Part T of issue 16: the department is the unit of service. The work list and its search now
// cover the department's cases (every window's), and intake looks for the applicant's open case
// of the same item in the department: the window's indexes (window_id, …) cannot serve those, so
// these are the department's twins of them. Indexes only: no row changes.
export const m011DepartmentCases: Migration = {
  version: 11,
  name: 'department case list, search and open cases of an applicant',
  up(db) {
    db.exec(`
      CREATE INDEX cases_department_open_order ON cases(department_code, open, order_key);
      CREATE INDEX cases_department_search ON cases(department_code, search_text);
    `);
  },
};
