import { expect, it } from 'vitest';
import { hashSigner, newKeyPair } from '../../node-shared/events/crypto';
import { syncPaths } from '../../shared/center-api';
import { genesisHash, readmissionMessage, type ReadmitRequest } from '../../shared/sync';
import { afterRestore, nextTerminalNumber } from '../admin/terminal-numbers';
import { eachDialect } from '../db/test-db';
import { caseScript, seedHall, syncHarness, type TestDevice } from './test-support';

// Part A of issue 15: a terminal the center lost or revoked is taken back as the same device, on
// a manager's new code and its old key's signature — and refused clearly whenever it is not.

const readmitPath = '/api/sync/readmit';

function claim(
  d: Pick<TestDevice, 'id' | 'windowId' | 'keys'>,
  code: string,
  over: Partial<ReadmitRequest> = {},
  signingKey = d.keys.privateKey,
): ReadmitRequest {
  const body = {
    code,
    deviceId: d.id,
    publicKey: d.keys.publicKey,
    windowId: d.windowId,
    terminalNumber: 1,
    lastSeq: 0,
    lastHash: genesisHash,
    acknowledgedSeq: 0,
    label: 'PC-01',
    ...over,
  };
  return { ...body, signature: hashSigner(signingKey)(readmissionMessage(body)), ...over };
}

eachDialect('sync: readmit', (t) => {
  const setup = async () => {
    await seedHall(t().db);
    return syncHarness(t());
  };

  it('takes back a device revoked by mistake as itself: same id and key, new token, its chain continues', async () => {
    const h = await setup();
    const d = await h.enroll('w-sj-1');
    const s = caseScript();
    const events = d.sign([s.received(), s.checked(), s.accepted()]);
    await d.pushOk(events.slice(0, 2));
    await t().db.updateTable('devices').set({ revoked_at: '2025-03-10T09:00:00+08:00' }).execute();
    expect((await h.call('GET', syncPaths.device, { token: d.token })).statusCode).toBe(403);

    const code = await h.issueCode('w-sj-1');
    const last = events.at(-1)!;
    const res = await h.call('POST', readmitPath, {
      body: claim(d, code, {
        lastSeq: last.deviceSeq,
        lastHash: last.hash,
        acknowledgedSeq: 2,
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const answer = res.json<{ deviceId: string; deviceToken: string; knownSeq: number }>();
    expect(answer).toMatchObject({ deviceId: d.id, terminalNumber: 1, knownSeq: 2 });
    // the old token is dead, the new one speaks for the same device and its chain
    expect((await h.call('GET', syncPaths.device, { token: d.token })).statusCode).toBe(401);
    const status = await h.call('GET', syncPaths.device, { token: answer.deviceToken });
    expect(status.json()).toEqual({ deviceId: d.id, lastSeq: 2, revoked: false });
    const rest = await h.call('POST', syncPaths.push, {
      token: answer.deviceToken,
      body: { events: events.slice(2) },
    });
    expect(rest.statusCode, rest.body).toBe(200);

    const recorded = await t().db.selectFrom('device_readmissions').selectAll().execute();
    expect(recorded).toMatchObject([
      {
        device_id: d.id,
        terminal_number: 1,
        // who issued the code (the harness issues as 'test')
        approved_by: 'test',
        presented_seq: last.deviceSeq,
        known_seq: 2,
        revoked_at: '2025-03-10T09:00:00+08:00',
      },
    ]);
    // acknowledged 2, holds 2: no restore to record
    expect((await t().db.selectFrom('center_restores').select('id').execute()).length).toBe(0);
  });

  it('refuses another window, another key, a wrong signature, another number — spending no code', async () => {
    const h = await setup();
    const d = await h.enroll('w-sj-1');
    const other = await h.enroll('w-sj-1');
    const code = await h.issueCode('w-sj-1');
    const elsewhere = await h.issueCode('w-sj-2');
    const stranger = newKeyPair();
    const refusals: [ReadmitRequest, number, string, RegExp][] = [
      [claim(d, elsewhere), 403, 'forbidden', /其他窗口/],
      [claim(d, code, {}, stranger.privateKey), 400, 'bad_signature', /原设备密钥/],
      [claim({ ...d, keys: stranger }, code), 409, 'conflict', /公钥与本终端不同/],
      [claim(d, code, { terminalNumber: 5 }), 409, 'conflict', /终端号为 T1/],
      // a device the center lost, asking for a number another PC of the window holds
      [claim({ ...d, id: 'lost-pc' }, code, { terminalNumber: 2 }), 409, 'conflict', /另一台终端/],
    ];
    for (const [body, status, errorCode, message] of refusals) {
      const res = await h.call('POST', readmitPath, { body });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({
        code: errorCode,
        message: expect.stringMatching(message),
      });
    }
    expect(other.id).not.toBe(d.id);
    expect((await t().db.selectFrom('device_readmissions').select('id').execute()).length).toBe(0);
    const ok = await h.call('POST', readmitPath, { body: claim(d, code) });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('a lost device comes back with its number; a chain the center once acknowledged beyond its head records a restore', async () => {
    const h = await setup();
    const code = await h.issueCode('w-sj-2');
    const keys = newKeyPair();
    const lost = { id: 'pc-after-backup', windowId: 'w-sj-2', keys };
    const res = await h.call('POST', readmitPath, {
      body: claim(lost, code, { terminalNumber: 3, acknowledgedSeq: 4, lastSeq: 6 }),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ knownSeq: 0, terminalNumber: 3 });
    const row = await t()
      .db.selectFrom('devices')
      .selectAll()
      .where('id', '=', lost.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ terminal_number: 3, last_seq: 0, department_code: 'SJ' });
    const restores = await t().db.selectFrom('center_restores').selectAll().execute();
    expect(restores.map((r) => r.kind)).toEqual(['detected']);
    // the detection lifted the window's floor: the next PC of SJ02 is never a number in doubt
    expect(await nextTerminalNumber(t().db, 'w-sj-2')).toBe(101);
  });
});

eachDialect('terminal numbers', (t) => {
  it('never at or below a device, a case number the center holds, or the floor afterRestore lifts', async () => {
    await seedHall(t().db);
    const h = syncHarness(t());
    expect(await nextTerminalNumber(t().db, 'w-sj-1')).toBe(1);
    await h.enroll('w-sj-1');
    expect(await nextTerminalNumber(t().db, 'w-sj-1')).toBe(2);
    // a case made by a T7 whose device row a restore took away
    await t()
      .db.insertInto('cases')
      .values({
        id: 'c-t7',
        case_number: 'SJ-20250301-SJ01-T7-0001',
        department_code: 'SJ',
        window_id: 'w-sj-1',
        item_code: 'SJ-001',
        item_name: '食品经营许可',
        applicant_name: '甲',
        status: 'received',
        open: 1,
        received_at: '2025-03-01T09:00:00+08:00',
        due_at: null,
        state: '{}',
        last_server_seq: 1,
        updated_at: '2025-03-01T09:00:00+08:00',
      })
      .execute();
    expect(await nextTerminalNumber(t().db, 'w-sj-1')).toBe(8);
    const floors = await afterRestore(t().db);
    expect(floors.get('w-sj-1')).toBe(100);
    expect(floors.get('w-zj-1')).toBe(100);
    expect((await h.enroll('w-sj-1')).id).toBeTruthy();
    const numbers = await t()
      .db.selectFrom('devices')
      .select('terminal_number')
      .where('window_id', '=', 'w-sj-1')
      .orderBy('terminal_number')
      .execute();
    expect(numbers.map((n) => n.terminal_number)).toEqual([1, 101]);
    // a second restore (even from the same copy) lifts again
    expect((await afterRestore(t().db)).get('w-sj-1')).toBe(200);
    expect((await t().db.selectFrom('center_restores').select('id').execute()).length).toBe(2);
  });
});
