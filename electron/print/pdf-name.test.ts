import { describe, expect, it } from 'vitest';
import { safePdfName } from './pdf-name';

describe('safePdfName', () => {
  it('keeps Chinese, letters, digits and dashes, and nothing that could leave the folder', () => {
    expect(safePdfName('受理通知书-SJ-20260212-SJ01-T1-0001')).toBe(
      '受理通知书-SJ-20260212-SJ01-T1-0001.pdf',
    );
    expect(safePdfName('../../etc/passwd')).toBe('etc-passwd.pdf');
    expect(safePdfName('a\\b:c*?"<>|')).toBe('a-b-c.pdf');
    expect(safePdfName('')).toBe('文书.pdf');
    expect(safePdfName(undefined)).toBe('文书.pdf');
    expect(safePdfName('x'.repeat(200))).toHaveLength(84);
  });
});
