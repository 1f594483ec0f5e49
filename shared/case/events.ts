import { z } from 'zod';
import { payloadSchemas, type CaseEventPayload, type CaseEventType } from './payloads';
import { roleSchema } from './roles';
import { text } from './schema-parts';

export const caseEventTypes = [
  'received',
  'materialsChecked',
  'noticeIssued',
  'supplementReceived',
  'materialsAttached',
  'accepted',
  'refused',
  'reviewed',
  'checked',
  'paused',
  'resumed',
  'extended',
  'referred',
  'decided',
  'stamped',
  'corrected',
  'certificateIssued',
  'delivered',
  'withdrawn',
  'rated',
  'rectified',
  'calendarRevised',
] as const satisfies readonly CaseEventType[];

export const actorSchema = z.object({ userId: text, name: text, role: roleSchema });
export type Actor = z.infer<typeof actorSchema>;

// The store adds device, seq and hashes around this; they are transport, not the case.
const envelope = {
  id: text,
  caseId: text,
  actor: actorSchema,
  windowId: text,
  // An offset is mandatory: a bare local time would be read in the machine's zone.
  occurredAt: z.iso.datetime({ offset: true }),
};

function eventSchema<T extends CaseEventType>(type: T) {
  return z.object({ ...envelope, type: z.literal(type), payload: payloadSchemas[type] });
}

export const caseEventSchema = z.discriminatedUnion('type', [
  eventSchema('received'),
  eventSchema('materialsChecked'),
  eventSchema('noticeIssued'),
  eventSchema('supplementReceived'),
  eventSchema('materialsAttached'),
  eventSchema('accepted'),
  eventSchema('refused'),
  eventSchema('reviewed'),
  eventSchema('checked'),
  eventSchema('paused'),
  eventSchema('resumed'),
  eventSchema('extended'),
  eventSchema('referred'),
  eventSchema('decided'),
  eventSchema('stamped'),
  eventSchema('corrected'),
  eventSchema('certificateIssued'),
  eventSchema('delivered'),
  eventSchema('withdrawn'),
  eventSchema('rated'),
  eventSchema('rectified'),
  eventSchema('calendarRevised'),
]);

export type CaseEvent = z.infer<typeof caseEventSchema>;
export type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

/** What a caller asks for, before the store wraps it in an envelope. */
export type CaseCommand = {
  [T in CaseEventType]: { type: T; payload: CaseEventPayload<T> };
}[CaseEventType];
