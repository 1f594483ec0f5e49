import { signedEventColumns, signedEventOf } from '../../node-shared/events/rows';
import type { Conflict, PulledEvent, PushResult, WireEvent } from '../../shared/sync';
import type { EventRow, NewEvent } from '../db/schema';

/** The columns a push answer is made of. */
export type ResultColumns = Pick<
  EventRow,
  'id' | 'device_seq' | 'server_seq' | 'status' | 'conflict_rule' | 'conflict_message'
>;
export const resultColumns = [
  'id',
  'device_seq',
  'server_seq',
  'status',
  'conflict_rule',
  'conflict_message',
] as const satisfies readonly (keyof EventRow)[];

export function conflictOf(row: ResultColumns): Conflict | undefined {
  return row.status === 'conflicted'
    ? { rule: row.conflict_rule ?? '', message: row.conflict_message ?? '' }
    : undefined;
}

export function pushResultOf(row: ResultColumns): PushResult {
  const conflict = conflictOf(row);
  return {
    id: row.id,
    deviceSeq: row.device_seq,
    serverSeq: row.server_seq,
    status: row.status,
    ...(conflict ? { conflict } : {}),
  };
}

export function pulledEventOf(row: EventRow): PulledEvent {
  const conflict = conflictOf(row);
  return {
    serverSeq: row.server_seq,
    status: row.status,
    ...(conflict ? { conflict } : {}),
    event: signedEventOf(row),
  };
}

export type Admission = {
  departmentCode: string;
  status: EventRow['status'];
  conflict: Conflict | null;
  receivedAt: string;
  verificationCode: string | null;
};

export function newEventRow(e: WireEvent, a: Admission): NewEvent {
  return {
    ...signedEventColumns(e),
    department_code: a.departmentCode,
    status: a.status,
    conflict_rule: a.conflict?.rule ?? null,
    conflict_message: a.conflict?.message ?? null,
    received_at: a.receivedAt,
    verification_code: a.verificationCode,
  };
}
