import type { CaseEventType } from './payloads';

/**
 * The events whose date is a legal fact: each starts, stops or ends a statutory clock, or is
 * the date printed on a document the applicant holds (受理通知书, 一次性告知书, 不予受理决定书,
 * 决定书 and its seal, 送达回证). A wrong PC clock on one of them moves a deadline or makes a late
 * act look on time, so a terminal whose clock is not trusted refuses to write them. The others
 * (a material checked, a review note, a rating) only order the case and are still written.
 */
export const legalEventTypes = [
  'received',
  'noticeIssued',
  'accepted',
  'refused',
  'decided',
  'stamped',
  'delivered',
] as const satisfies readonly CaseEventType[];

const legal: ReadonlySet<CaseEventType> = new Set(legalEventTypes);

export function isLegalEvent(type: CaseEventType): boolean {
  return legal.has(type);
}
