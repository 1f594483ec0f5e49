import { describe, expect, it } from 'vitest';
import { mayOpen } from './navigation';

describe('mayOpen', () => {
  it('opens a menu page only for the roles whose menu has it', () => {
    expect(mayOpen('manager', 'settings')).toBe(true);
    expect(mayOpen('chief', 'settings')).toBe(false);
    expect(mayOpen('clerk', 'admin')).toBe(false);
    expect(mayOpen('reviewer', 'intake')).toBe(false);
    expect(mayOpen('clerk', 'intake')).toBe(true);
  });

  it('opens the daily report to the manager and the chief, and its print to the same roles', () => {
    expect(mayOpen('manager', 'reports')).toBe(true);
    expect(mayOpen('chief', 'reports')).toBe(true);
    expect(mayOpen('clerk', 'reports')).toBe(false);
    expect(mayOpen('reviewer', 'reports')).toBe(false);
    expect(mayOpen('manager', 'reportPrint')).toBe(true);
    expect(mayOpen('chief', 'reportPrint')).toBe(true);
    expect(mayOpen('clerk', 'reportPrint')).toBe(false);
  });

  it("opens the center's day to the manager and the supervisor, not to a window", () => {
    expect(mayOpen('manager', 'dashboard')).toBe(true);
    expect(mayOpen('supervisor', 'dashboard')).toBe(true);
    expect(mayOpen('chief', 'dashboard')).toBe(false);
    expect(mayOpen('clerk', 'dashboard')).toBe(false);
  });

  it('opens 监察预警 to the window’s clerk and chief, not to the center’s staff', () => {
    expect(mayOpen('clerk', 'alerts')).toBe(true);
    expect(mayOpen('chief', 'alerts')).toBe(true);
    expect(mayOpen('manager', 'alerts')).toBe(false);
    expect(mayOpen('supervisor', 'alerts')).toBe(false);
  });

  it('opens 本窗口评价 to the window’s clerk and chief, not to the center’s staff', () => {
    expect(mayOpen('clerk', 'windowRatings')).toBe(true);
    expect(mayOpen('chief', 'windowRatings')).toBe(true);
    expect(mayOpen('manager', 'windowRatings')).toBe(false);
    expect(mayOpen('supervisor', 'windowRatings')).toBe(false);
  });

  it('opens pages reached from within (a case, the conflict list) to every role', () => {
    for (const role of ['clerk', 'chief', 'reviewer', 'manager', 'supervisor'] as const) {
      expect(mayOpen(role, 'case')).toBe(true);
      expect(mayOpen(role, 'conflicts')).toBe(true);
    }
  });
});
