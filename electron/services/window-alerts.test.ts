import { afterEach, describe, expect, it } from 'vitest';
import type { AlertSummary, Complaint, WindowSupervision } from '../../shared/sync';
import { callAs, quietTerminal } from '../../tests/support/sync';
import { dispatch } from '../api/dispatch';
import { handlers } from '../api/handlers';
import { boundWindow, setSetting } from '../store/reference';
import { sealSecret } from '../store/device';
import { syncKeys } from '../store/sync-state';
import { CenterFailure, type SyncClient } from '../sync/client';
import { fetchSupervision } from '../sync/supervision';
import type { Terminal } from './context';

// 监察预警 at the window: the copy of the center's supervision that the sync round keeps, read
// offline, per window for a clerk and per department for the chief.

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function terminal() {
  const q = quietTerminal();
  cleanups.push(q.cleanup);
  return { ...q, windowId: boundWindow(q.t.db)!.id };
}

const alert = (id: string, windowId: string): AlertSummary => ({
  id,
  caseId: null,
  caseNumber: null,
  departmentCode: 'SJ',
  departmentName: '市场监督管理局',
  windowId,
  windowName: '市场监管窗口',
  rule: 'complaint',
  level: 'warning',
  message: '公众投诉（电话）：态度生硬',
  evidence: [`c-${id}`],
  raisedAt: `2026-03-02T10:0${id.length}:00.000+08:00`,
  status: 'open',
});

const complaint = (id: string, windowId: string): Complaint => ({
  id,
  departmentCode: 'SJ',
  departmentName: '市场监督管理局',
  windowId,
  windowName: '市场监管窗口',
  caseId: null,
  caseNumber: null,
  complainantName: null,
  complainantPhone: null,
  channel: '电话',
  content: '态度生硬',
  receivedAt: '2026-03-02T10:00:00.000+08:00',
  dueDate: '2026-03-09',
  dueAt: '2026-03-10T00:00:00+08:00',
  status: 'open',
  reply: null,
  repliedAt: null,
  conclusion: null,
  closedAt: null,
  clock: { level: 'normal', workingDaysLeft: 5, overdue: false, stopped: false },
  history: [],
});

function centerServing(feed: () => Promise<WindowSupervision>): SyncClient {
  const unused = () => Promise.reject(new Error('not in this test'));
  return {
    enroll: unused,
    device: unused,
    push: unused,
    pull: unused,
    supervision: feed,
    registerSealKey: unused,
    readmit: unused,
    filesHave: unused,
    uploadChunk: unused,
    fetchFile: unused,
    receipt: unused,
  };
}

const mine = (t: Terminal, token: string) =>
  callAs(t, token, 'alerts.mine', {}) as Promise<{
    scope: string;
    fetchedAt: string | null;
    alerts: AlertSummary[];
    complaints: Complaint[];
  }>;

describe('the window’s copy of supervision', () => {
  it('is empty before the first round, then holds what the center sent, replaced whole', async () => {
    const { t, as, windowId } = terminal();
    const clerk = await as('clerk');
    expect(await mine(t, clerk)).toMatchObject({ fetchedAt: null, alerts: [], complaints: [] });

    await fetchSupervision(
      t,
      centerServing(() =>
        Promise.resolve({
          alerts: [alert('a1', windowId), alert('a22', 'w-other')],
          complaints: [complaint('k1', windowId), complaint('k2', 'w-other')],
        }),
      ),
    );
    const first = await mine(t, clerk);
    expect(first.scope).toBe('window');
    expect(first.fetchedAt).toBe('2026-03-02T09:00:00.000+08:00');
    expect(first.alerts.map((a) => a.id)).toEqual(['a1']);
    expect(first.complaints.map((c) => c.id)).toEqual(['k1']);
    // the chief answers for the department: every window of it
    const chief = await mine(t, await as('chief'));
    expect(chief.scope).toBe('department');
    expect(chief.alerts.map((a) => a.id)).toEqual(['a22', 'a1']);
    expect(chief.complaints.map((c) => c.id).sort()).toEqual(['k1', 'k2']);
    // the department's report counts them from the copy, offline, and says when it was taken
    const chiefToken = await as('chief');
    const report = (await callAs(t, chiefToken, 'reports.metrics', {
      from: '2026-03-02',
      to: '2026-03-02',
    })) as { complaints: Record<'received' | 'closed', { count: number; ids: string[] }> };
    expect(report.complaints.received.ids.sort()).toEqual(['k1', 'k2']);
    expect(report.complaints.closed.count).toBe(0);
    const windowOnly = (await callAs(t, chiefToken, 'reports.metrics', {
      from: '2026-03-02',
      to: '2026-03-02',
      windowId,
    })) as typeof report & { complaintsFetchedAt: string };
    expect(windowOnly.complaints.received.ids).toEqual(['k1']);
    expect(windowOnly.complaintsFetchedAt).toBe('2026-03-02T09:00:00.000+08:00');

    // the next round's answer replaces the copy: what the center no longer sends goes
    await fetchSupervision(
      t,
      centerServing(() =>
        Promise.resolve({
          alerts: [],
          complaints: [
            {
              ...complaint('k1', windowId),
              status: 'closed',
              conclusion: '不属实',
              closedAt: '2026-03-03T10:00:00.000+08:00',
            },
          ],
        }),
      ),
    );
    const second = await mine(t, clerk);
    expect(second.alerts).toEqual([]);
    expect(second.complaints).toEqual([
      expect.objectContaining({ id: 'k1', status: 'closed', conclusion: '不属实' }),
    ]);
  });

  it('keeps the copy when the center is older and has no such route, and fails the round when it is unreachable', async () => {
    const { t, as, windowId } = terminal();
    await fetchSupervision(
      t,
      centerServing(() => Promise.resolve({ alerts: [alert('a1', windowId)], complaints: [] })),
    );
    await fetchSupervision(
      t,
      centerServing(() => Promise.reject(new CenterFailure('http', '没有这个接口', 404))),
    );
    await expect(
      fetchSupervision(
        t,
        centerServing(() => Promise.reject(new CenterFailure('network', '无法连接中心'))),
      ),
    ).rejects.toThrow('无法连接中心');
    expect((await mine(t, await as('clerk'))).alerts.map((a) => a.id)).toEqual(['a1']);
  });

  it('sends a reply online only, with a clear error when the center cannot be reached', async () => {
    const { t, as } = terminal();
    const reply = async (role: string) =>
      dispatch(
        handlers,
        'complaints.reply',
        { id: 'k1', reply: '已整改' },
        { terminal: t, session: t.sessions.resolve(await as(role)), token: await as(role) },
      );
    expect(await reply('clerk')).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: '本终端尚未注册到中心，不能答复投诉' },
    });
    // enrolled with a center that does not answer (nothing listens on port 1)
    setSetting(t.db, syncKeys.enrolled, true);
    setSetting(t.db, syncKeys.server, 'http://127.0.0.1:1');
    setSetting(t.db, syncKeys.deviceToken, sealSecret('token', null));
    const offline = await reply('chief');
    expect(offline).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(!offline.ok && offline.error.message).toMatch(
      /^答复须送达中心，当前无法连接中心.*答复未发送/,
    );
    // a reviewer does not answer complaints
    expect(await reply('reviewer')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
