import { afterEach, describe, expect, it } from 'vitest';
import { defaultIdCardReader } from '../../../shared/id-card';
import {
  cardPhotoBmp,
  sampleCard,
  startIdCardStandIn,
  vendorAnswer,
  type IdCardStandIn,
} from '../../../tests/support/id-card-stand-in';
import { attempt, call, terminalAt } from '../../../tests/support/terminal-api';
import type { Terminal } from '../context';
import { readIdCard } from './reader';
import { cardDate, decodeAnswer, outcomeOf, parseAnswer, zkidronline } from './zkidronline';

// Issue 18 part 5: the ZKIDROnline adapter and the reader service, against the loopback
// stand-in that speaks the vendor's protocol (real HTTP on 127.0.0.1), on real terminals.

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function standIn(): Promise<IdCardStandIn> {
  const s = await startIdCardStandIn();
  stops.push(() => s.close());
  return s;
}

/** A terminal whose reader endpoint is the stand-in, and a clerk signed in at it. */
async function hall(s: IdCardStandIn, now = '2026-03-02T09:00:00+08:00') {
  const { t, as, setNow } = terminalAt(now);
  await call(t, await as('manager'), 'idCard.settings.set', endpointOf(s));
  return { t, as, setNow, clerk: await as('clerk') };
}

/** The failure main answers, or a test failure when the read went through. */
async function failure(t: Terminal, token: string) {
  const r = await attempt(t, token, 'idCard.read', {});
  if (r.ok) throw new Error('read unexpectedly');
  return r.error;
}

const endpointOf = (s: IdCardStandIn) => ({
  vendor: 'zkidronline' as const,
  host: s.host,
  port: s.port,
  path: s.path,
});

describe('the ZKIDROnline adapter', () => {
  it('reads the vendor answer: bare backslashes, padded fields, yyyyMMdd dates, address with spaces', async () => {
    const s = await standIn();
    s.set({ card: sampleCard() });
    const outcome = await zkidronline.read(endpointOf(s), AbortSignal.timeout(2000));
    expect(outcome.kind).toBe('card');
    if (outcome.kind !== 'card') return;
    expect(outcome.card).toMatchObject({
      name: '王小明',
      idNumber: '11010519491231002X',
      sex: '男',
      nation: '汉',
      birthDate: '1949-12-31',
      address: '北京市朝阳区建国路88号 现代城 2号楼1单元1101室',
      issuedBy: '北京市公安局朝阳分局',
      validFrom: '2016-03-01',
      validUntil: '2036-03-01',
    });
    expect(Buffer.from(outcome.card.photo!)).toEqual(Buffer.from(cardPhotoBmp()));
    // the query the vendor's service expects: the read-card command on device 1
    const q = s.requests.at(-1)!;
    expect([q.get('OP-DEV'), q.get('CMD-URL'), q.get('REPEAT'), q.get('common')]).toEqual([
      '1',
      '4',
      '1',
      '1',
    ]);
  });

  it('the raw answer is not JSON (PhotoName), which is why the adapter repairs it', () => {
    const raw = vendorAnswer({ card: sampleCard() });
    expect(() => JSON.parse(raw) as unknown).toThrow();
    expect(parseAnswer(raw)).toMatchObject({ ret: 0, Certificate: { Name: '王小明      ' } });
  });

  it('decodes GBK, labelled or not, as older builds of the service write it', async () => {
    const s = await standIn();
    s.set({ card: sampleCard({ Name: '欧阳娜娜', Nation: '蒙古' }) });
    for (const e of ['gbk', 'gbk-unlabelled'] as const) {
      s.encoding(e);
      const outcome = await zkidronline.read(endpointOf(s), AbortSignal.timeout(2000));
      expect(outcome.kind === 'card' && [outcome.card.name, outcome.card.nation]).toEqual([
        '欧阳娜娜',
        '蒙古',
      ]);
    }
    // a wrong label is not silently guessed at
    expect(() =>
      decodeAnswer(new Uint8Array([0x7b, 0x7d]), 'text/plain; charset=x-nonsense'),
    ).toThrow('字符集无法识别');
  });

  it('takes dates as yyyyMMdd or yyyy.MM.dd, 长期 as no end, and nothing else', () => {
    expect(cardDate('20360301')).toBe('2036-03-01');
    expect(cardDate('2036.03.01')).toBe('2036-03-01');
    expect(cardDate('20360231')).toBeNull();
    expect(cardDate('长期')).toBeNull();
    const longTerm = outcomeOf({
      ret: '0',
      Certificate: { ...sampleCard(), ValidDate: '长期', photo: undefined },
    });
    expect(longTerm.kind === 'card' && longTerm.card.validUntil).toBeNull();
    // a garbled end date is a misread, never a card valid for ever
    expect(outcomeOf({ ret: 0, Certificate: { ...sampleCard(), ValidDate: '2036O301' } })).toEqual({
      kind: 'readFailed',
      detail: '有效期限无法识别：2036O301',
    });
  });

  it("maps the vendor's return codes", () => {
    expect(outcomeOf({ ret: 10 })).toEqual({ kind: 'noCard' });
    expect(outcomeOf({ ret: '100' })).toEqual({ kind: 'noCard' });
    expect(outcomeOf({ ret: 1 })).toEqual({ kind: 'readerAbsent' });
    expect(outcomeOf({ ret: 11 })).toEqual({ kind: 'readerAbsent' });
    expect(outcomeOf({ ret: 40 })).toEqual({
      kind: 'readFailed',
      detail: '相片解码失败（返回码 40）',
    });
    expect(outcomeOf({ ret: 77 })).toEqual({ kind: 'readFailed', detail: '返回码 77' });
    expect(() => outcomeOf({ Certificate: {} })).toThrow('缺少 ret');
  });

  it('gives up when the service is slow', async () => {
    const s = await standIn();
    s.set({ card: sampleCard() });
    s.slow(5_000);
    const error = await zkidronline
      .read(endpointOf(s), AbortSignal.timeout(200))
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
  });
});

describe('reading a card at the terminal (idCard.read)', () => {
  it('hands the form the name, the checked number, the validity and the photo — nothing else', async () => {
    const s = await standIn();
    s.set({ card: sampleCard() });
    const { t, clerk } = await hall(s);
    const read = await call(t, clerk, 'idCard.read', {});
    expect(Object.keys(read).sort()).toEqual(
      ['expired', 'idNumber', 'name', 'photo', 'validFrom', 'validUntil'].sort(),
    );
    expect(read).toMatchObject({
      name: '王小明',
      idNumber: '11010519491231002X',
      validFrom: '2016-03-01',
      validUntil: '2036-03-01',
      expired: false,
    });
    expect(read.photo).toMatch(/^data:image\/bmp;base64,Qk/);
    // the photo of a JPEG-sending build is labelled as one
    s.set({ card: sampleCard({ photo: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) }) });
    expect((await call(t, clerk, 'idCard.read', {})).photo).toMatch(/^data:image\/jpeg;base64,/);
  });

  it('flags a card whose last valid day has passed, on the business clock', async () => {
    const s = await standIn();
    s.set({ card: sampleCard({ IssuedData: '20060301', ValidDate: '20260301' }) });
    const { t, clerk, setNow } = await hall(s, '2026-03-01T16:00:00+08:00');
    expect((await call(t, clerk, 'idCard.read', {})).expired).toBe(false);
    setNow('2026-03-02T08:00:00+08:00');
    expect((await call(t, clerk, 'idCard.read', {})).expired).toBe(true);
  });

  it('says what to check, in Chinese, when the reader cannot give a card', async () => {
    const s = await standIn();
    const { t, clerk } = await hall(s);
    s.set({ noCard: true });
    expect(await failure(t, clerk)).toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('未放卡'),
    });
    s.set({ readerAbsent: true });
    expect((await failure(t, clerk)).message).toContain(
      `读卡器未连接：读卡服务（127.0.0.1:${s.port}）找不到读卡器`,
    );
    s.set({ ret: 20 });
    expect((await failure(t, clerk)).message).toBe('读卡失败，请重放身份证：自检失败（返回码 20）');
    // a misread number: the product's own GB 11643 check refuses it
    s.set({ card: sampleCard({ IDNumber: '110105194912310021' }) });
    expect((await failure(t, clerk)).message).toBe(
      '读卡失败，请重放身份证：卡内号码未通过校验（身份证号码校验码错误）',
    );
    await s.stop();
    const down = await failure(t, clerk);
    expect(down.code).toBe('unavailable');
    expect(down.message).toContain(`读卡器未连接或读卡服务未启动：本机 127.0.0.1:${s.port} 无应答`);
    expect(down.message).not.toMatch(/ECONNREFUSED|fetch failed|Error/);
    // the service back: the next read works
    await s.start();
    s.set({ card: sampleCard() });
    expect((await call(t, clerk, 'idCard.read', {})).name).toBe('王小明');
  });

  it('names the timeout when the service answers too slowly', async () => {
    const s = await standIn();
    s.set({ card: sampleCard() });
    s.slow(5_000);
    const { t } = await hall(s);
    const error = await readIdCard(t, 300).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `读卡器服务 1 秒内无应答（127.0.0.1:${s.port}）：请重放身份证再试；仍无应答请重启读卡服务，或手工录入。`,
    );
  });

  it('is a clerk or chief call', async () => {
    const s = await standIn();
    const { t, as } = await hall(s);
    expect(await attempt(t, await as('supervisor'), 'idCard.read', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('the reader endpoint (idCard.settings)', () => {
  it('defaults to ZKIDROnline on 127.0.0.1:24010, and takes only loopback addresses', async () => {
    const { t, as } = terminalAt('2026-03-02T09:00:00+08:00');
    const manager = await as('manager');
    expect(await call(t, manager, 'idCard.settings.get', {})).toEqual(defaultIdCardReader);
    const refused = await attempt(t, manager, 'idCard.settings.set', {
      ...defaultIdCardReader,
      host: '192.168.1.20',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'host',
        message: expect.stringContaining('只能在本机'),
      },
    });
    expect(
      await attempt(t, manager, 'idCard.settings.set', { ...defaultIdCardReader, port: 70000 }),
    ).toMatchObject({ ok: false, error: { field: 'port' } });
    expect(
      await call(t, manager, 'idCard.settings.set', {
        ...defaultIdCardReader,
        host: 'LOCALHOST',
        port: 24011,
      }),
    ).toEqual({ ...defaultIdCardReader, host: 'localhost', port: 24011 });
    // a clerk reads it, only a manager sets it
    const clerk = await as('clerk');
    expect(await call(t, clerk, 'idCard.settings.get', {})).toMatchObject({ port: 24011 });
    expect(await attempt(t, clerk, 'idCard.settings.set', defaultIdCardReader)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
