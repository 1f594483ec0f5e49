import { shanghaiIso } from '../../shared/calendar';
import type { SmsMessage } from '../../shared/center-api';
import type { SmsMessageTable } from '../db/schema';
import { HttpError } from '../http/errors';
import type { CenterHandlers } from '../http/spec';
import type { Selectable } from 'kysely';
import { nextSendingTime } from './sending-window';
import { publicSmsSettings, readSmsConfig, writeSmsSettings } from './settings';

// The manager's view of the outbox (queued, sent, failed with the error), 重发 for a failed
// message, and the provider's settings — whose secret goes in and never comes out.

/** 13812345678 → 138****5678: the manager needs to tell messages apart, not to read numbers. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

function view(row: Selectable<SmsMessageTable>): SmsMessage {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    kind: row.kind as SmsMessage['kind'],
    phone: maskPhone(row.phone),
    text: row.text,
    status: row.status as SmsMessage['status'],
    dueAt: row.due_at,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

const listLimit = 500;

export const smsHandlers = {
  'sms.messages.list': async ({ query }, ctx) => {
    const rows = await ctx.db
      .selectFrom('sms_messages')
      .selectAll()
      .$if(query.status !== undefined, (q) => q.where('status', '=', query.status!))
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(listLimit)
      .execute();
    return { body: rows.map(view) };
  },
  'sms.messages.resend': async ({ params }, ctx) => {
    const { window } = await readSmsConfig(ctx.db);
    // only a failed message goes back to the queue: a sent one is never sent twice, and one still
    // queued or sending is on its way. Its attempts stay on record; the retry limit starts anew.
    const updated = await ctx.db
      .updateTable('sms_messages')
      .set({
        status: 'queued',
        attempts: 0,
        due_at: shanghaiIso(nextSendingTime(ctx.now(), window)),
      })
      .where('id', '=', params.id)
      .where('status', '=', 'failed')
      .returningAll()
      .executeTakeFirst();
    if (updated) return { body: view(updated) };
    const row = await ctx.db
      .selectFrom('sms_messages')
      .select('status')
      .where('id', '=', params.id)
      .executeTakeFirst();
    if (!row) throw new HttpError(404, 'not_found', '短信不存在');
    throw new HttpError(
      409,
      'conflict',
      row.status === 'sent' ? '该短信已发送成功，不会重复发送' : '只有发送失败的短信可以重发',
    );
  },
  'sms.settings.get': async (_input, ctx) => ({
    body: publicSmsSettings(await readSmsConfig(ctx.db)),
  }),
  'sms.settings.set': async ({ body }, ctx) => ({ body: await writeSmsSettings(ctx.db, body) }),
} satisfies Partial<CenterHandlers>;
