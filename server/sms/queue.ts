import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { smsKinds, type SmsKind } from '../../shared/center-api';
import type { CaseState } from '../../shared/case';
import { shanghaiIso } from '../../shared/calendar';
import type { NewEvent, ServerDb } from '../db/schema';
import { nextSendingTime } from './sending-window';
import { readSmsConfig } from './settings';
import { renderSms, smsParams } from './templates';

// Called by the push (server/sync/push.ts) inside the transaction that stores the events: a
// notice is queued exactly when its event is stored, or neither happens. The unique event_id
// makes the insert idempotent — a re-pushed batch, or the same event arriving at a second center
// process, adds nothing.

function isSmsKind(type: string): type is SmsKind {
  return (smsKinds as readonly string[]).includes(type);
}

/**
 * Queues the SMS of each admitted event of the batch that tells the applicant something, when
 * the applicant agreed at intake. `caseOf` is the case as the batch left it.
 */
export async function queueNotices(
  trx: Transaction<ServerDb>,
  now: Date,
  stored: readonly NewEvent[],
  caseOf: (caseId: string) => CaseState | undefined,
): Promise<number> {
  const telling = stored.filter((e) => e.status === 'accepted' && isSmsKind(e.type));
  const rows = telling.flatMap((e) => {
    const state = caseOf(e.case_id);
    // a case received before consent was asked reads as not asked: no SMS
    if (!state || state.status === 'none' || state.smsConsent !== true) return [];
    return [{ event: e, kind: e.type as SmsKind, state }];
  });
  if (rows.length === 0) return 0;
  const config = await readSmsConfig(trx);
  const due = shanghaiIso(nextSendingTime(now, config.window));
  const created = shanghaiIso(now);
  const inserted = await trx
    .insertInto('sms_messages')
    .values(
      rows.map(({ event, kind, state }) => {
        const params = smsParams(kind, state, event.occurred_at, event.verification_code ?? null);
        return {
          id: randomUUID(),
          event_id: event.id,
          case_id: event.case_id,
          case_number: state.caseNumber,
          kind,
          phone: state.applicant.mobile,
          params: JSON.stringify(params),
          text: renderSms(config.signName, config.templates[kind].text, params),
          status: 'queued',
          due_at: due,
          created_at: created,
        };
      }),
    )
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}
