import { describe, expect, it } from 'vitest';
import { caseEventTypes } from './events';
import { emitters } from './rules';
import { eventScope, scopeRefusal, type ScopedActor } from './scope';

const sj01 = { windowId: 'w-sj-1', departmentCode: 'SJ' };
const at = (role: ScopedActor['role'], windowId: string | null, departmentCode: string | null) => ({
  role,
  windowId,
  departmentCode,
});

describe('case scope', () => {
  it('gives every event type a scope', () => {
    expect(Object.keys(eventScope).sort()).toEqual([...caseEventTypes].sort());
  });

  it('lets any window of the department record the counter acts (part T of issue 16)', () => {
    const otherClerk = at('clerk', 'w-sj-2', 'SJ');
    for (const type of [
      'materialsChecked',
      'noticeIssued',
      'supplementReceived',
      'accepted',
      'refused',
      'withdrawn',
      'delivered',
    ] as const) {
      expect(scopeRefusal(otherClerk, type, sj01), type).toBeNull();
      expect(scopeRefusal(at('clerk', 'w-zj-1', 'ZJ'), type, sj01), type).toBe(
        'scope.otherDepartment',
      );
    }
  });

  it('keeps the receipt and the calendar revision to the case’s own window', () => {
    for (const type of ['received', 'calendarRevised'] as const) {
      expect(scopeRefusal(at('clerk', 'w-sj-2', 'SJ'), type, sj01), type).toBe('scope.otherWindow');
      expect(scopeRefusal(at('clerk', 'w-sj-1', 'SJ'), type, sj01), type).toBeNull();
    }
  });

  it('lets the department’s reviewers and chiefs work any of its windows’ cases', () => {
    for (const type of ['reviewed', 'checked', 'decided', 'stamped', 'extended'] as const) {
      expect(scopeRefusal(at('chief', 'w-sj-2', 'SJ'), type, sj01), type).toBeNull();
    }
  });

  it('refuses another department, reading included', () => {
    const zj = at('chief', 'w-zj-1', 'ZJ');
    expect(scopeRefusal(zj, 'decided', sj01)).toBe('scope.otherDepartment');
    expect(scopeRefusal(zj, 'read', sj01)).toBe('scope.otherDepartment');
    expect(scopeRefusal(at('clerk', 'w-sj-2', 'SJ'), 'read', sj01)).toBeNull();
  });

  it('leaves center staff to the role table: a supervisor records only the override notice', () => {
    const supervisor = at('supervisor', null, null);
    expect(scopeRefusal(supervisor, 'noticeIssued', sj01)).toBeNull();
    expect(scopeRefusal(supervisor, 'read', sj01)).toBeNull();
    expect(emitters.noticeIssued).toContain('supervisor');
    expect(caseEventTypes.filter((t) => emitters[t].includes('supervisor'))).toEqual([
      'noticeIssued',
    ]);
  });
});
