import { afterEach, describe, expect, it } from 'vitest';
import { clockOffset, type ClockSample } from '../../shared/sync';
import { dispatch } from '../api/dispatch';
import { handlers } from '../api/handlers';
import { callAs, quietTerminal, receive } from '../../tests/support/sync';
import { clockStatus, recordClockSample } from './clock';

// The terminal's side of time you can trust: the offset measured from an answer's x-center-time
// with the round trip taken out, what blocks legal events (a clock off by more than 5 minutes, or
// set back below a time already seen), what does not (an old measurement after days offline),
// and a manager's acknowledgment, which dates events on the center's time.

const minute = 60_000;
const start = Date.parse('2026-03-02T09:00:00+08:00');

/** The center answered `offsetMs` behind this PC, after a 200 ms round trip. */
function sampleAt(now: number, offsetMs: number): ClockSample {
  return { sentAt: now - 200, answeredAt: now, centerTime: now - 100 - offsetMs };
}

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function terminal() {
  let now = start;
  const q = quietTerminal(() => new Date(now));
  cleanups.push(q.cleanup);
  return { ...q, setNow: (ms: number) => (now = ms) };
}

async function refusal(
  q: ReturnType<typeof terminal>,
  token: string,
  name: string,
  input: unknown,
) {
  const r = await dispatch(handlers, name, input, {
    terminal: q.t,
    session: q.t.sessions.resolve(token),
    token,
  });
  if (r.ok) throw new Error(`${name} was not refused`);
  return r.error;
}

describe('clock offset', () => {
  it('takes half the round trip out of the offset', () => {
    expect(clockOffset({ sentAt: 1000, answeredAt: 1200, centerTime: 1100 })).toBe(0);
    expect(clockOffset(sampleAt(start, 10 * minute))).toBe(10 * minute);
    expect(clockOffset(sampleAt(start, -7 * 365 * 86_400_000))).toBe(-7 * 365 * 86_400_000);
  });
});

describe('terminal clock', () => {
  it('is trusted before any center answered, and within 5 minutes', async () => {
    const q = terminal();
    expect(clockStatus(q.t.db, q.t.device.id, new Date(start)).state).toBe('ok');
    recordClockSample(q.t.db, sampleAt(start, 4 * minute));
    expect(clockStatus(q.t.db, q.t.device.id, new Date(start))).toMatchObject({
      state: 'ok',
      offsetMs: 4 * minute,
      correctionMs: null,
    });
    await receive(q.t, await q.as('clerk'), 1);
  });

  it('refuses legal events 10 minutes ahead under clock.skewed, and not other work', async () => {
    const q = terminal();
    const clerk = await q.as('clerk');
    const caseId = await receive(q.t, clerk, 1);
    recordClockSample(q.t.db, sampleAt(start, 10 * minute));
    expect(q.t.sync.status().clock.state).toBe('skewed');
    expect(
      await refusal(q, clerk, 'cases.record', { caseId, type: 'accepted', payload: {} }),
    ).toMatchObject({ code: 'not_allowed', rule: 'clock.skewed' });
    const item = q.t.db
      .prepare("SELECT code FROM items WHERE department_code = 'SJ' LIMIT 1")
      .get() as { code: string };
    expect(
      await refusal(q, clerk, 'cases.receive', {
        itemCode: item.code,
        applicant: {
          kind: 'person',
          name: '张三',
          idNumber: '11010519491231002X',
          mobile: '13800138000',
        },
        channel: 'window',
      }),
    ).toMatchObject({ rule: 'clock.skewed' });
    const got = (await callAs(q.t, clerk, 'cases.get', { caseId })) as {
      state: { materials: { materialId: string }[] };
    };
    await callAs(q.t, clerk, 'cases.record', {
      caseId,
      type: 'materialsChecked',
      payload: {
        materials: got.state.materials.map((m) => ({
          materialId: m.materialId,
          status: 'received',
        })),
      },
    });
  });

  it('keeps trusting a good clock after three days offline: an old measurement blocks nothing', async () => {
    const q = terminal();
    recordClockSample(q.t.db, sampleAt(start, 30_000));
    q.setNow(start + 3 * 86_400_000);
    expect(q.t.sync.status().clock.state).toBe('ok');
    await receive(q.t, await q.as('clerk'), 2);
  });

  it('sees a clock set back while offline below its own last event', async () => {
    const q = terminal();
    const clerk = await q.as('clerk');
    recordClockSample(q.t.db, sampleAt(start, 0));
    q.setNow(start + 2 * 86_400_000);
    await receive(q.t, clerk, 3);
    // a day later by the calendar, someone sets the PC two days back
    q.setNow(start + 86_400_000);
    expect(q.t.sync.status().clock.state).toBe('setBack');
    expect(await refusal(q, clerk, 'cases.receive', {})).toMatchObject({ code: 'invalid_input' });
    const item = q.t.db
      .prepare("SELECT code FROM items WHERE department_code = 'SJ' LIMIT 1")
      .get() as { code: string };
    const refused = await refusal(q, clerk, 'cases.receive', {
      itemCode: item.code,
      applicant: {
        kind: 'person',
        name: '张三',
        idNumber: '11010519491231002X',
        mobile: '13800138000',
      },
      channel: 'window',
    });
    expect(refused).toMatchObject({ rule: 'clock.skewed' });
    expect(refused.message).toContain('可能被调回');
    // nothing to acknowledge until a sync measured it
    expect(await refusal(q, await q.as('manager'), 'sync.acknowledgeClock', {})).toMatchObject({
      code: 'not_allowed',
    });
  });

  it("a manager's acknowledgment dates events on the center's time, until the clock moves again", async () => {
    const q = terminal();
    const clerk = await q.as('clerk');
    const manager = await q.as('manager');
    expect(await refusal(q, manager, 'sync.acknowledgeClock', {})).toMatchObject({
      code: 'not_allowed',
    });
    recordClockSample(q.t.db, sampleAt(start, 10 * minute));
    expect(await refusal(q, clerk, 'sync.acknowledgeClock', {})).toMatchObject({
      code: 'forbidden',
    });
    const status = (await callAs(q.t, manager, 'sync.acknowledgeClock', {})) as {
      clock: { state: string; correctionMs: number; acknowledged: { by: string } };
    };
    expect(status.clock).toMatchObject({ state: 'acknowledged', correctionMs: 10 * minute });
    expect(status.clock.acknowledged.by).toBe(
      q.t.demoAccounts.find((a) => a.role === 'manager')!.name,
    );
    const caseId = await receive(q.t, clerk, 4);
    const received = q.t.db
      .prepare('SELECT occurred_at FROM events WHERE case_id = ?')
      .get(caseId) as {
      occurred_at: string;
    };
    expect(Date.parse(received.occurred_at)).toBe(start - 10 * minute);
    // the PC's clock is moved again, to 20 minutes ahead: a new fact a manager must see
    recordClockSample(q.t.db, sampleAt(start, 20 * minute));
    expect(q.t.sync.status().clock.state).toBe('skewed');
    // set right: nothing to correct any more
    recordClockSample(q.t.db, sampleAt(start, 1000));
    expect(q.t.sync.status().clock).toMatchObject({ state: 'ok', correctionMs: null });
  });
});
