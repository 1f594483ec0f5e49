import type { Actor } from '../../shared/case';
import type { ConflictList, ConflictListQuery } from '../../shared/center-api';
import type { ServerContext } from '../http/spec';

/** Every conflicted event, newest first: the supervisor's list of what two windows disagreed on. */
export async function listConflicts(
  ctx: ServerContext,
  f: ConflictListQuery,
): Promise<ConflictList> {
  let base = ctx.db.selectFrom('events as e').where('e.status', '=', 'conflicted');
  if (f.department) base = base.where('e.department_code', '=', f.department);
  const [counted, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .leftJoin('cases as c', 'c.id', 'e.case_id')
      .leftJoin('windows as w', 'w.id', 'e.window_id')
      .leftJoin('windows as cw', 'cw.id', 'c.window_id')
      .select([
        'e.server_seq',
        'e.id',
        'e.type',
        'e.case_id',
        'e.department_code',
        'e.conflict_rule',
        'e.conflict_message',
        'e.actor_id',
        'e.actor_name',
        'e.actor_role',
        'e.device_id',
        'e.occurred_at',
        'e.received_at',
        'e.window_id',
        'w.code as window_code',
        'w.name as window_name',
        'c.case_number',
        'c.item_name',
        'c.applicant_name',
        'c.status as case_status',
        'c.window_id as case_window_id',
        'cw.code as case_window_code',
        'cw.name as case_window_name',
      ])
      .orderBy('e.server_seq', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
  ]);
  return {
    total: counted.n,
    conflicts: rows.map((r) => ({
      serverSeq: r.server_seq,
      eventId: r.id,
      type: r.type,
      caseId: r.case_id,
      caseNumber: r.case_number,
      itemName: r.item_name,
      applicantName: r.applicant_name,
      caseStatus: r.case_status,
      departmentCode: r.department_code,
      rule: r.conflict_rule ?? '',
      message: r.conflict_message ?? '',
      actor: { userId: r.actor_id, name: r.actor_name, role: r.actor_role as Actor['role'] },
      deviceId: r.device_id,
      occurredAt: r.occurred_at,
      receivedAt: r.received_at,
      window: { id: r.window_id, code: r.window_code ?? '', name: r.window_name ?? '' },
      caseWindow: r.case_window_id
        ? { id: r.case_window_id, code: r.case_window_code ?? '', name: r.case_window_name ?? '' }
        : null,
    })),
  };
}
