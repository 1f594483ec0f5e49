import { describe, expect, it } from 'vitest';
import { shanghaiMinute } from './format';

describe('shanghaiMinute', () => {
  it('shows Beijing time whatever offset the instant was written with', () => {
    expect(shanghaiMinute('2026-02-12T10:00:00.000+08:00')).toBe('2026-02-12 10:00');
    expect(shanghaiMinute('2026-02-11T17:00:00Z')).toBe('2026-02-12 01:00');
    expect(shanghaiMinute('2026-02-11T12:00:00-05:00')).toBe('2026-02-12 01:00');
  });
});
