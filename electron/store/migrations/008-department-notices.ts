import type { Migration } from './migration';

export const m008DepartmentNotices: Migration = {
  version: 8,
  name: 'department notices: the appeal bodies and the intake seal mode the center sets',
  up(db) {
    // Null until the next pull brings the center's settings: meanwhile the terminal refuses to
    // issue a denial or refusal (no 复议机关 to name) and draws the intake seal (the default).
    db.exec(`
      ALTER TABLE departments ADD COLUMN reconsideration_body TEXT;
      ALTER TABLE departments ADD COLUMN court TEXT;
      ALTER TABLE departments ADD COLUMN intake_seal TEXT
        CHECK (intake_seal IS NULL OR intake_seal IN ('printed', 'byHand'));
    `);
  },
};
