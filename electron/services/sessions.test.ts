import { describe, expect, it } from 'vitest';
import { LoginThrottle, Sessions } from './sessions';

const clerk = { userId: 'u1', name: '张敏', role: 'clerk' as const };

describe('sessions', () => {
  it('resolve only tokens they issued, until idle for a working day', () => {
    let now = 0;
    const sessions = new Sessions(() => now);
    const token = sessions.open(clerk);
    expect(sessions.resolve(token)?.actor).toEqual(clerk);
    expect(sessions.resolve(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull();
    now += 7 * 3600_000;
    expect(sessions.resolve(token)).not.toBeNull(); // use renews the idle limit
    now += 7 * 3600_000;
    expect(sessions.resolve(token)).not.toBeNull();
    now += 8 * 3600_000 + 1;
    expect(sessions.resolve(token)).toBeNull();
  });

  it('end on logout, one token at a time', () => {
    const sessions = new Sessions();
    const a = sessions.open(clerk);
    const b = sessions.open(clerk);
    sessions.close(a);
    expect(sessions.resolve(a)).toBeNull();
    expect(sessions.resolve(b)).not.toBeNull();
  });
});

describe('login throttle', () => {
  it('locks an account for a minute after five wrong passwords in a row', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < 4; i++) throttle.failed('clerk');
    expect(throttle.waitFor('clerk')).toBe(0);
    throttle.failed('clerk');
    expect(throttle.waitFor('clerk')).toBe(60_000);
    expect(throttle.waitFor('chief')).toBe(0);
    now += 60_000;
    expect(throttle.waitFor('clerk')).toBe(0);
  });

  it('forgets failures after a success', () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < 4; i++) throttle.failed('clerk');
    throttle.succeeded('clerk');
    throttle.failed('clerk');
    expect(throttle.waitFor('clerk')).toBe(0);
  });
});
