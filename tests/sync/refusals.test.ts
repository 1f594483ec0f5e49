import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanups';
import { protocolVersion } from '../../shared/sync';
import { adminAccount } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { centerLink } from '../support/center-link';
import { enrolledTerminal, openHall, writeCases, type Hall } from './world';

// What the center refuses, as the terminal lives it: nothing is lost, the events stay queued,
// and the header tells the hall what to do.

const defer = cleanupAfterEach();

async function newHall(): Promise<Hall> {
  const hall = await openHall();
  defer(() => hall.dispose());
  return hall;
}

/** The last device_seq the center holds of this device, from the manager's device list. */
async function centerLastSeq(hall: Hall, deviceId: string): Promise<number | undefined> {
  const admin = await centerAdmin(hall.center.url, adminAccount(hall.dataDir));
  const devices = await admin.call<{ id: string; lastSeq: number }[]>('GET', '/api/devices');
  return devices.find((d) => d.id === deviceId)?.lastSeq;
}

describe('refusals the terminal must live with', () => {
  it('a revoked device: its pushes stop, its events stay queued, the header says why', async () => {
    const hall = await newHall();
    const h = await enrolledTerminal(hall, hall.windows[0]!);
    defer(h.cleanup);
    await writeCases(h, 2);
    const admin = await centerAdmin(hall.center.url, adminAccount(hall.dataDir));
    await admin.call('POST', `/api/devices/${h.t.device.id}/revoke`);
    const status = await h.t.sync.syncNow();
    expect(status.pending).toBe(6);
    expect(status.state).toBe('blocked');
    expect(status.lastError).toMatch(/停用|注销/);
    expect(await centerLastSeq(hall, h.t.device.id)).toBe(0);
  });

  // The center answers the current protocol and the previous one. Version 1 is the first, so no
  // terminal can be two behind yet; a mismatch the other way round takes the same path (426).
  it('a terminal whose protocol the center does not speak keeps queueing and asks for an update', async () => {
    const hall = await newHall();
    const link = await centerLink(hall.center.url, { protocol: protocolVersion + 1 });
    defer(() => link.close());
    // enrolled directly, then made to speak an old protocol through the link
    const h = await enrolledTerminal(hall, hall.windows[0]!);
    defer(h.cleanup);
    h.t.db
      .prepare("UPDATE settings SET value = ? WHERE key = 'sync.server'")
      .run(JSON.stringify(link.url));
    await writeCases(h, 1);
    const status = await h.t.sync.syncNow();
    expect(status.state).toBe('outdated');
    expect(status.pending).toBe(3);
    expect(status.lastError).toMatch(/升级|update/);
    expect(await centerLastSeq(hall, h.t.device.id)).toBe(0);
  });
});
