import { createCalendar, officialCalendarData } from '../../shared/calendar';
import type { PullResponse, Reference, ReferenceVersions, WireEvent } from '../../shared/sync';
import { refoldCases } from '../services/projections';
import type { Terminal } from '../services/terminal';
import { inTransaction } from '../store/db';
import { verifySignature } from '../store/device';
import { hashEnvelope, storeAnsweredEvent } from '../store/events';
import {
  getSetting,
  peerKeys,
  replaceCatalog,
  replaceStaffSnapshot,
  replaceWindowPowers,
  saveCalendarVersion,
  setSetting,
  type TerminalBinding,
} from '../store/reference';
import { noVersions, syncKeys } from '../store/sync-state';
import type { SyncClient } from './client';

/** Pulls pages from the cursor until the center has nothing more. */
export async function pullAll(t: Terminal, client: SyncClient): Promise<void> {
  for (let more = true, restarts = 0; more;) {
    const cursorEventId = getSetting<string>(t.db, syncKeys.cursorEventId);
    const page = await client.pull({
      cursor: getSetting<number>(t.db, syncKeys.cursor) ?? 0,
      ...(cursorEventId ? { cursorEventId } : {}),
      versions: getSetting<ReferenceVersions>(t.db, syncKeys.versions) ?? noVersions,
    });
    if (page.restart) {
      // the center was restored from an older copy: everything again from the start; events
      // already held are only re-numbered, so this is safe, merely slower
      if (++restarts > 1)
        throw new Error('中心反复要求从头拉取 (center keeps asking for a restart)');
      inTransaction(t.db, () => {
        setSetting(t.db, syncKeys.cursor, 0);
        setSetting(t.db, syncKeys.cursorEventId, null);
      });
      continue;
    }
    applyPullPage(t, page);
    more = page.more && page.events.length > 0;
  }
}

/**
 * Applies one page in one transaction: the reference data it carries, its events, the new cursor
 * and versions, and the projections of the cases it touched. Any failure (a forked chain, a
 * signature that does not verify, a catalog that breaks a reference) leaves the terminal exactly
 * as it was, and the same page comes again next round.
 */
export function applyPullPage(t: Terminal, page: PullResponse): void {
  inTransaction(t.db, () => {
    // Reference first: a staff snapshot brings the keys of devices whose events follow.
    applyReference(t, page.reference);
    const keys = peerKeys(t.db);
    keys.set(t.device.id, t.device.publicKey);
    const touched = new Set<string>();
    let ownAck = getSetting<number>(t.db, syncKeys.lastAckSeq) ?? 0;
    for (const pulled of page.events) {
      const e = pulled.event;
      checkSigned(e, keys.get(e.deviceId));
      storeAnsweredEvent(t.db, e, {
        serverSeq: pulled.serverSeq,
        syncState: pulled.status === 'accepted' ? 'acknowledged' : 'conflicted',
        syncNote: pulled.conflict ?? null,
      });
      // our own event whose push answer was lost: the center holds it all the same
      if (e.deviceId === t.device.id) ownAck = Math.max(ownAck, e.deviceSeq);
      touched.add(e.caseId);
    }
    setSetting(t.db, syncKeys.lastAckSeq, ownAck);
    setSetting(t.db, syncKeys.cursor, page.cursor);
    const last = page.events.at(-1);
    if (last) setSetting(t.db, syncKeys.cursorEventId, last.event.id);
    refoldCases(t, touched);
  });
}

// The center verified every event already; checking again here means a compromised or buggy
// center cannot put words in a colleague's mouth on this PC. A device the snapshot does not list
// (another department's PC acting on a shared case) is checked later by verifyChain.
function checkSigned(e: WireEvent, publicKey: string | undefined): void {
  if (hashEnvelope(e) !== e.hash)
    throw new Error(`拉取的事件 ${e.id} 内容与哈希不符 (pulled event altered)`);
  if (publicKey && !verifySignature(publicKey, e.hash, e.signature))
    throw new Error(`拉取的事件 ${e.id} 签名无效 (pulled event has a bad signature)`);
}

/** Replaces each kind of reference data the page carries, and remembers its version. */
function applyReference(t: Terminal, reference: Reference): void {
  const db = t.db;
  const versions = { ...(getSetting<ReferenceVersions>(db, syncKeys.versions) ?? noVersions) };
  if (reference.catalog) {
    const c = reference.catalog;
    replaceCatalog(db, {
      version: String(c.version),
      departments: c.departments,
      items: c.items,
    });
    replaceWindowPowers(db, c.powers);
    versions.catalog = c.version;
  }
  if (reference.calendar) {
    // A new calendar version for cases received from now on; a case keeps the version it pinned.
    const closures = reference.calendar.closures;
    const calendar = createCalendar(officialCalendarData(closures));
    saveCalendarVersion(db, calendar.version, calendar.data);
    // openTerminal rebuilds the current calendar from these at every start
    setSetting(db, 'calendar.closures', closures);
    versions.calendar = reference.calendar.version;
  }
  if (reference.staff) {
    const binding = getSetting<TerminalBinding>(db, 'terminal.binding');
    replaceStaffSnapshot(db, reference.staff, binding?.windowId ?? null);
    versions.staff = reference.staff.version;
  }
  if (reference.settings) {
    setSetting(db, 'center.name', reference.settings.centerName);
    setSetting(db, 'clock.thresholds', reference.settings.thresholds);
    versions.settings = reference.settings.version;
  }
  setSetting(db, syncKeys.versions, versions);
}
