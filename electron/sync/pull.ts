import { createCalendar, officialCalendarData } from '../../shared/calendar';
import type {
  PullRequest,
  PullResponse,
  Reference,
  ReferenceVersions,
  WireEvent,
} from '../../shared/sync';
import { refoldCases } from '../projections/cases';
import type { Terminal } from '../services/context';
import { inTransaction } from '../store/db';
import { eventHash, signatureValid, signatureValidAsync } from '../../node-shared/events/crypto';
import { heldEvent, storeAnsweredEvent } from '../store/events';
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
import { savePhrases } from '../store/phrases';
import { noPhrases } from '../../shared/catalog';
import type { SyncClient } from './client';

/** Pulls pages from the cursor until the center has nothing more. */
export async function pullAll(t: Terminal, client: SyncClient): Promise<void> {
  let restarts = 0;
  let request = storedRequest(t);
  let next: { request: PullRequest; page: Promise<PullResponse> } | null = null;
  for (;;) {
    const page = await (next?.page ?? client.pull(request));
    next = null;
    if (page.restart) {
      // the center was restored from an older copy: everything again from the start; events
      // already held are only re-numbered, so this is safe, merely slower
      if (++restarts > 1) throw new Error('中心反复要求从头拉取');
      inTransaction(t.db, () => {
        setSetting(t.db, syncKeys.cursor, 0);
        setSetting(t.db, syncKeys.cursorEventId, null);
        // and every reference kind again: a restored center counts its versions again from the
        // backup's, so the next change there may carry a number this PC already holds for
        // different data (a new PC's key missing here, its chain then unverifiable)
        setSetting(t.db, syncKeys.versions, noVersions);
      });
      request = storedRequest(t);
      continue;
    }
    const more = page.more && page.events.length > 0;
    if (more) {
      // Ask for the next page before applying this one, so the center (and the network) work on
      // it while this terminal checks and applies this page. Dropped unless applying this page
      // leaves the terminal asking for exactly that; a failure surfaces only when awaited.
      const following = requestAfter(request, page);
      next = { request: following, page: client.pull(following) };
      next.page.catch(() => undefined);
    }
    applyPullPage(t, page, await precheck(t, page));
    if (!more) return;
    request = storedRequest(t);
    if (next && !sameRequest(next.request, request)) next = null;
  }
}

function pullRequest(
  cursor: number,
  cursorEventId: string | null | undefined,
  versions: ReferenceVersions,
): PullRequest {
  return { cursor, ...(cursorEventId ? { cursorEventId } : {}), versions };
}

/** The request the terminal's stored cursor and versions make. */
function storedRequest(t: Terminal): PullRequest {
  return pullRequest(
    getSetting<number>(t.db, syncKeys.cursor) ?? 0,
    getSetting<string>(t.db, syncKeys.cursorEventId),
    getSetting<ReferenceVersions>(t.db, syncKeys.versions) ?? noVersions,
  );
}

/** The request that applying `page` (asked for with `request`) will leave the terminal making. */
function requestAfter(request: PullRequest, page: PullResponse): PullRequest {
  const r = page.reference;
  return pullRequest(page.cursor, cursorEventOf(page) ?? request.cursorEventId, {
    catalog: r.catalog?.version ?? request.versions.catalog,
    calendar: r.calendar?.version ?? request.versions.calendar,
    staff: r.staff?.version ?? request.versions.staff,
    settings: r.settings?.version ?? request.versions.settings,
  });
}

/** The event the page's cursor stands at: named apart when it is one of this PC's own. */
function cursorEventOf(page: PullResponse): string | undefined {
  return page.cursorEventId ?? page.events.at(-1)?.event.id;
}

function sameRequest(a: PullRequest, b: PullRequest): boolean {
  return (
    a.cursor === b.cursor &&
    a.cursorEventId === b.cursorEventId &&
    a.versions.catalog === b.versions.catalog &&
    a.versions.calendar === b.versions.calendar &&
    a.versions.staff === b.versions.staff &&
    a.versions.settings === b.versions.settings
  );
}

/**
 * What was checked of a page before its transaction: the event objects whose content hashes to
 * their hash (the very objects the transaction then stores, never copied or changed in between),
 * and (key, hash, signature) triples that verified. The transaction still decides which key
 * speaks for which device (its staff snapshot may replace them); a check done here with another
 * key, or not done, is simply done again there.
 */
export type Prechecked = { hashed: WeakSet<WireEvent>; signed: ReadonlySet<string> };

const signedTriple = (publicKey: string, e: WireEvent) => `${publicKey}\n${e.hash}\n${e.signature}`;

/**
 * Checks a page's foreign events ahead of its transaction: the signatures on the thread pool,
 * the hashes meanwhile on this thread. Verifying costs more than anything else a pull does for
 * an event, and inside the transaction it could only run one at a time.
 */
async function precheck(t: Terminal, page: PullResponse): Promise<Prechecked> {
  const keys = peerKeys(t.db);
  for (const d of page.reference.staff?.devices ?? []) keys.set(d.id, d.publicKey);
  const signed = new Set<string>();
  const hashed = new WeakSet<WireEvent>();
  // our own events are left to the transaction: the ones we hold are not checked at all
  const foreign = page.events.map((p) => p.event).filter((e) => e.deviceId !== t.device.id);
  const verifying = Promise.all(
    foreign.map(async (e) => {
      const key = keys.get(e.deviceId);
      if (key && (await signatureValidAsync(key, e.hash, e.signature)))
        signed.add(signedTriple(key, e));
    }),
  );
  for (const e of foreign) if (eventHash(e) === e.hash) hashed.add(e);
  await verifying;
  return { hashed, signed };
}

/**
 * Applies one page in one transaction: the reference data it carries, its events, the new cursor
 * and versions, and the projections of the cases it touched. Any failure (a forked chain, a
 * signature that does not verify, a catalog that breaks a reference) leaves the terminal exactly
 * as it was, and the same page comes again next round.
 */
export function applyPullPage(
  t: Terminal,
  page: PullResponse,
  prechecked: Prechecked = { hashed: new WeakSet(), signed: new Set() },
): void {
  inTransaction(t.db, () => {
    // Reference first: a staff snapshot brings the keys of devices whose events follow.
    applyReference(t, page.reference);
    const keys = peerKeys(t.db);
    keys.set(t.device.id, t.device.publicKey);
    const touched = new Set<string>();
    let ownAck = getSetting<number>(t.db, syncKeys.lastAckSeq) ?? 0;
    for (const pulled of page.events) {
      const e = pulled.event;
      const held = heldEvent(t.db, e.id);
      const ours = e.deviceId === t.device.id;
      // Our own event as we signed it (the same hash as the row we wrote): the pull brings back
      // every event we pushed, and only its order and verdict are news. Its content is never
      // taken from the center, so there is nothing to verify. Anything else is checked.
      if (!(ours && held?.hash === e.hash && held.deviceId === e.deviceId)) {
        checkSigned(e, keys.get(e.deviceId), prechecked);
      }
      const changed = storeAnsweredEvent(
        t.db,
        e,
        {
          serverSeq: pulled.serverSeq,
          syncState: pulled.status === 'accepted' ? 'acknowledged' : 'conflicted',
          syncNote: pulled.conflict ?? null,
        },
        held,
      );
      // our own event whose push answer was lost: the center holds it all the same
      if (ours) ownAck = Math.max(ownAck, e.deviceSeq);
      // a case is folded again once per page, and only when this page moved its fold
      if (changed) touched.add(e.caseId);
    }
    setSetting(t.db, syncKeys.lastAckSeq, ownAck);
    setSetting(t.db, syncKeys.cursor, page.cursor);
    const atCursor = cursorEventOf(page);
    if (atCursor) setSetting(t.db, syncKeys.cursorEventId, atCursor);
    refoldCases(t, touched);
  });
}

// The center verified every event already; checking again here means a compromised or buggy
// center cannot put words in a colleague's mouth on this PC. A device the snapshot does not list
// (another department's PC acting on a shared case) is checked later by verifyChain.
function checkSigned(e: WireEvent, publicKey: string | undefined, prechecked: Prechecked): void {
  if (!prechecked.hashed.has(e) && eventHash(e) !== e.hash)
    throw new Error(`拉取的事件 ${e.id} 内容与哈希不符`);
  if (
    publicKey &&
    !prechecked.signed.has(signedTriple(publicKey, e)) &&
    !signatureValid(publicKey, e.hash, e.signature)
  )
    throw new Error(`拉取的事件 ${e.id} 签名无效`);
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
    // part W of issue 16: the department's 常用语 come whole with the catalog; none sent, none kept
    savePhrases(db, c.phrases ?? noPhrases());
    versions.catalog = c.version;
  }
  if (reference.calendar) {
    // A new calendar version for cases received from now on; a case keeps the version it pinned.
    // The years' tables the center's manager entered replace the shipped ones (issue 14): a
    // center of the previous release sends none, and the shipped tables stand.
    const { closures, official = {} } = reference.calendar;
    const calendar = createCalendar(officialCalendarData(closures, official));
    saveCalendarVersion(db, calendar.version, calendar.data);
    // openTerminal rebuilds the current calendar from these at every start
    setSetting(db, 'calendar.closures', closures);
    setSetting(db, 'calendar.published', official);
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
