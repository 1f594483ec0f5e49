import { describe, expect, it } from 'vitest';
import { clientAddress } from './address';

describe('the client address the center counts', () => {
  it('keeps a well-formed IP, unwraps an IPv4 in IPv6 and turns anything else into one word', () => {
    expect(clientAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(clientAddress('2001:db8::1')).toBe('2001:db8::1');
    expect(clientAddress('<b>中心通知</b>')).toBe('unknown');
    expect(clientAddress('')).toBe('unknown');
    expect(clientAddress(undefined)).toBe('unknown');
  });
});
