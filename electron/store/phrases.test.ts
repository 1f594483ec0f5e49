import { describe, expect, it } from 'vitest';
import { adminAccount } from '../../tests/support/center';
import { centerAdmin } from '../../tests/support/center-admin';
import { cleanupAfterEach } from '../../tests/support/cleanups';
import { callAs, quietTerminal } from '../../tests/support/sync';
import { openHall, syncUntilQuiet, windowTerminal } from '../../tests/sync/world';
import type { Terminal } from '../services/context';
import { getPhrases } from './phrases';

// Part W of issue 16: the 常用语 a window is offered. The demo's come with the program; an
// enrolled PC's come from its department at the center, with the catalog. Real terminals on temp
// SQLite files, a real center process on loopback.

const defer = cleanupAfterEach();

const offered = async (t: Terminal, token: string) =>
  (await callAs(t, token, 'phrases.list', {})) as Record<string, string[]>;

describe('常用语 at the window', () => {
  it('the demo offers its department’s shipped phrases', async () => {
    const q = quietTerminal();
    defer(q.cleanup);
    const phrases = await offered(q.t, await q.as('clerk'));
    expect(phrases.legalBasis).toContain('《中华人民共和国行政许可法》第三十八条第二款');
    expect(phrases.legalBasis).toContain('《中华人民共和国食品安全法》第三十五条第一款');
    expect(phrases.reviewOpinion!.length).toBeGreaterThan(0);
  });

  it('an enrolled PC takes its department’s phrases from the center, and each change after', async () => {
    const hall = await openHall();
    defer(() => hall.dispose());
    const sj = await windowTerminal(hall, 'SJ01', defer);
    const wj = await windowTerminal(hall, 'WJ01', defer);
    // the center was seeded with the shipped phrases: the demo's are gone, the center's are here
    expect((await offered(sj.t, sj.clerk)).legalBasis).toContain(
      '《中华人民共和国食品安全法》第三十五条第一款',
    );
    expect((await offered(wj.t, wj.clerk)).legalBasis).toContain('《公共场所卫生管理条例》第八条');
    expect((await offered(wj.t, wj.clerk)).legalBasis).not.toContain(
      '《中华人民共和国食品安全法》第三十五条第一款',
    );

    const admin = await centerAdmin(hall.center.url, adminAccount(hall.dataDir));
    await admin.call('PUT', '/api/departments/SJ/phrases/refusalReason', ['只此一条。']);
    await admin.call('PUT', '/api/departments/SJ/phrases/legalBasis', []);
    await syncUntilQuiet([sj.t, wj.t]);
    expect(getPhrases(sj.t.db)).toMatchObject({ refusalReason: ['只此一条。'], legalBasis: [] });
    // another department's change does not reach WJ
    expect(getPhrases(wj.t.db).refusalReason).not.toContain('只此一条。');
  });
});
