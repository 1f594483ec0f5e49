import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnosticsBundleSchema } from '../../shared/api';
import { personApplicant } from '../../tests/support/applicants';
import { attempt, call, terminalAt as setup } from '../../tests/support/terminal-api';
import { logFilePaths } from './logs';

// The diagnostics bundle and the terminal's log, from a terminal holding cases (issue 15 point 5):
// every applicant's name, ID number and mobile must be absent from both — and the things IT needs
// (versions, sync state, integrity, the recent errors) present.

describe('the diagnostics bundle of a PC', () => {
  it('has versions, sync, integrity and recent errors, and no applicant’s personal data', async () => {
    const { t, as } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    const applicants = [1, 2, 3].map((n) => personApplicant(n));
    for (const applicant of applicants)
      await call(t, clerk, 'cases.receive', { itemCode: 'SJ-002', applicant, channel: 'window' });

    // an error whose text quotes personal data, as a failing service deep down might
    const [first] = applicants;
    if (!first) throw new Error('no applicant');
    t.log.error(
      {
        err: new Error(`校验失败 ${first.idNumber} ${first.mobile}`),
        payload: { applicant: first },
      },
      `intake failed for ${first.mobile}`,
    );
    t.log.warn({ applicantName: first.name }, 'a warning about one applicant');

    // only a manager may export it
    const refused = await attempt(t, clerk, 'diagnostics.export', {});
    expect(refused.ok).toBe(false);
    const manager = await as('manager');
    const bundle = diagnosticsBundleSchema.parse(await call(t, manager, 'diagnostics.export', {}));

    expect(bundle.versions.app).toMatch(/^\d+\.\d+\.\d+/);
    expect(bundle.versions.node).toBe(process.versions.node);
    expect(bundle.device.id).toBe(t.device.id);
    expect(bundle.sync.pending).toBeGreaterThanOrEqual(3);
    expect(bundle.database.integrity).toBe('ok');
    expect(bundle.database.schemaVersion).toBeGreaterThan(0);
    expect(bundle.recentErrors.map((e) => e.message)).toEqual(
      expect.arrayContaining(['intake failed for [手机号]', 'a warning about one applicant']),
    );
    expect(bundle.recentErrors.find((e) => e.error)?.error).toBe('校验失败 [身份证号] [手机号]');

    const logs = logFilePaths(t.dataDir)
      .map((p) => readFileSync(p, 'utf8'))
      .join('\n');
    expect(logs).toContain('terminal started');
    const text = JSON.stringify(bundle);
    for (const a of applicants) {
      for (const secret of [a.name, a.idNumber, a.mobile]) {
        expect(text).not.toContain(secret);
        expect(logs).not.toContain(secret);
      }
    }
  });
});
