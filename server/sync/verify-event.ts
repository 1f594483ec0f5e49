import { caseEventSchema, type CaseEvent } from '../../shared/case';
import { casePart, type WireEvent } from '../../shared/sync';
import { HttpError } from '../http/errors';
import { eventFault } from '../../node-shared/events/crypto';

/** Where a device's chain continues: the hash of its last stored event. */
export type ChainHead = { lastSeq: number; lastHash: string };

/** What an event's own content says: the case event the reducer folds, or the 4xx naming it. */
export type ContentCheck = CaseEvent | HttpError;

export function eventAtFault(e: WireEvent): { event: { id: string; deviceSeq: number } } {
  return { event: { id: e.id, deviceSeq: e.deviceSeq } };
}

/**
 * Content, signature, then the case schema: everything that needs only the event and its
 * device's key, so a push checks it before taking any lock. Returns the error rather than
 * throwing it: an earlier event of the batch may fail in another way first, and that one must
 * be named. `where` is the event's place in the request ('body.events.3'), so a schema error
 * names its field the way the app's own validation does.
 */
export function checkContent(e: WireEvent, publicKeyPem: string, where: string): ContentCheck {
  const at = eventAtFault(e);
  const fault = eventFault(e, publicKeyPem);
  if (fault === 'altered') return new HttpError(400, 'chain_broken', '事件内容与哈希不符', at);
  if (fault) return new HttpError(400, 'bad_signature', '事件签名无效', at);
  const parsed = caseEventSchema.safeParse(casePart(e));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return new HttpError(400, 'invalid_input', `事件内容不合规范：${issue?.message ?? ''}`, {
      ...at,
      field: [where, ...(issue?.path ?? []).map(String)].join('.'),
    });
  }
  // The reducer folds the event as signed, not zod's output: the schema trims text and drops
  // unknown keys, and the terminal folds its stored events untouched — folding the parsed copy
  // could make the two sides reach different states from the same log.
  return casePart(e) as CaseEvent;
}

/**
 * Checks the event that continues the device's chain (deviceSeq = lastSeq + 1): first the link,
 * then the verdict of checkContent. Returns the case event the reducer folds, or throws the 4xx
 * that names it.
 */
export function verifyNextEvent(e: WireEvent, head: ChainHead, content: ContentCheck): CaseEvent {
  if (e.prevHash !== head.lastHash) {
    throw new HttpError(409, 'chain_broken', '事件未接续本设备上一事件的哈希', {
      ...eventAtFault(e),
      lastSeq: head.lastSeq,
    });
  }
  if (content instanceof HttpError) throw content;
  return content;
}
