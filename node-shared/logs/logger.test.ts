import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileLogger, scrubPersonal } from './logger';

// The rotating log of the terminal and the center: capped in size and count, and never a
// carrier of personal data.

describe('the rotating file logger', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps at most N files of at most the cap, the newest lines in the current one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ow-log-'));
    dirs.push(dir);
    const { log, file } = fileLogger({ dir, name: 'x.log', maxBytes: 4096, files: 3 });
    for (let i = 0; i < 500; i += 1) log.info({ i }, `line ${i}`);
    const paths = file.paths();
    expect(paths).toHaveLength(3);
    for (const path of paths) expect(statSync(path).size).toBeLessThanOrEqual(4096);
    const current = readFileSync(join(dir, 'x.log'), 'utf8').trim().split('\n');
    expect(JSON.parse(current.at(-1) ?? '{}')).toMatchObject({ msg: 'line 499' });
    // the mode of a file that may hold what went wrong at a window: the owner's only
    expect(statSync(join(dir, 'x.log')).mode & 0o777).toBe(0o600);
    file.close();
    // a restart appends to the current generation
    const again = fileLogger({ dir, name: 'x.log', maxBytes: 4096, files: 3 });
    again.log.info('after restart');
    again.file.close();
    expect(readFileSync(join(dir, 'x.log'), 'utf8')).toContain('line 499');
  });

  it('censors personal fields and scrubs ID and phone numbers from every text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ow-log-'));
    dirs.push(dir);
    const { log, file } = fileLogger({ dir, name: 'p.log' });
    log.warn(
      {
        payload: { idNumber: '440106199001011234' },
        applicant: { name: '张三' },
        phone: '13800138000',
      },
      '客户 440106199001011234 来电 13800138000 / 020-12345678',
    );
    log.error({ err: new Error('身份证 44010619900101123X 无效') }, 'failed');
    file.close();
    const text = readFileSync(join(dir, 'p.log'), 'utf8');
    for (const secret of [
      '440106199001011234',
      '44010619900101123X',
      '13800138000',
      '张三',
      '12345678',
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain('[身份证号]');
    expect(text).toContain('[已隐去]');
    expect(scrubPersonal('case SJ-20260302-SJ01-T1-0001')).toBe('case SJ-20260302-SJ01-T1-0001');
  });
});
