import type { CallOutput, ParsedInput } from '../../shared/api';
import { caseClocks, type CaseEvent, type OpenCase } from '../../shared/case';
import {
  documentOfEvent,
  verificationCode,
  type CaseDocument,
  type DocumentHeader,
} from '../../shared/documents';
import { ApiFailure } from '../api/errors';
import { asCaseEvent, caseEvents, folds } from '../store/events';
import { boundWindow, getSetting, windowName } from '../store/reference';
import { syncKeys } from '../store/sync-state';
import { foldCase } from './projections';
import type { Terminal } from './terminal';

/**
 * The notice an event issued, as the case stood right after that event: a reprint next month says
 * exactly what the first print said, dates included (the case's pinned calendar).
 */
export function caseDocument(
  t: Terminal,
  input: ParsedInput<'documents.get'>,
): CallOutput<'documents.get'> {
  const stored = caseEvents(t.db, input.caseId);
  const at = stored.findIndex((e) => e.id === input.eventId);
  if (at < 0) throw new ApiFailure('not_found', '办件或事件不存在');
  const issuing = stored[at]!;
  const kind = documentOfEvent[issuing.type];
  if (!kind) throw new ApiFailure('invalid_input', '该事件不出具文书', { field: 'eventId' });
  if (!folds(issuing))
    throw new ApiFailure('not_found', '该事件未被中心采纳，不出具文书 (event not admitted)');
  const state = foldCase(stored.slice(0, at + 1)) as OpenCase;
  const event = asCaseEvent(issuing);
  const clocks = caseClocks(
    state,
    t.calendar(state.calendarVersion),
    event.occurredAt,
    t.thresholds(),
  );
  const dateOf = (k: string) => clocks.find((c) => c.kind === k)?.deadline;
  const code = verificationCode(issuing.hash);
  const center = getSetting<string>(t.db, syncKeys.server) ?? null;
  const header: Omit<DocumentHeader, 'kind'> = {
    caseId: state.caseId,
    eventId: event.id,
    caseNumber: state.caseNumber,
    verificationCode: code,
    verificationUrl: center ? `${center}/verify/${code}` : null,
    issuedAt: event.occurredAt,
    centerName: state.issuer?.centerName ?? t.centerName(),
    departmentName:
      state.issuer?.departmentName ??
      boundWindow(t.db)?.department_name ??
      state.item.departmentCode,
    windowName: windowName(t.db, event.windowId) ?? '',
    clerkName: event.actor.name,
    applicant: state.applicant,
    itemCode: state.item.code,
    itemName: state.item.name,
    receivedAt: state.receivedAt,
  };
  const nameOf = (materialId: string) =>
    state.item.materials.find((m) => m.id === materialId)?.name ?? materialId;
  const deemedOn = clocks.find((c) => c.deemedAccepted)?.deemedAccepted?.on;
  return build(header, event, state, dateOf, nameOf, deemedOn);
}

function build(
  header: Omit<DocumentHeader, 'kind'>,
  event: CaseEvent,
  state: OpenCase,
  dateOf: (kind: string) => { date: string; provisional: boolean } | undefined,
  nameOf: (materialId: string) => string,
  deemedOn: string | undefined,
): CaseDocument {
  switch (event.type) {
    case 'accepted': {
      const promised = dateOf('promised');
      const statutory = dateOf('statutory');
      if (!promised || !statutory) throw new Error('an accepted case has decision clocks');
      const waived = event.payload.waivedMaterials ?? [];
      return {
        ...header,
        kind: 'acceptance',
        acceptedAt: event.occurredAt,
        materials: state.item.materials
          .filter((m) => state.materials.find((s) => s.materialId === m.id)?.status === 'received')
          .map((m) => ({ name: m.name, form: m.form, count: m.count })),
        waived: waived.map((w) => ({ name: nameOf(w.materialId), rule: w.rule })),
        promisedDate: promised.date,
        statutoryDate: statutory.date,
        provisional: promised.provisional || statutory.provisional,
        deemedAcceptedOn: deemedOn ?? null,
      };
    }
    case 'refused':
      return {
        ...header,
        kind: 'refusal',
        ground: event.payload.ground,
        reasons: event.payload.reasons,
        legalBasis: event.payload.legalBasis,
        rightAgency: event.payload.rightAgency ?? null,
      };
    case 'noticeIssued':
      return {
        ...header,
        kind: 'notice',
        items: event.payload.items.map((i) => ({
          name: nameOf(i.materialId),
          problem: i.problem,
          detail: i.detail,
        })),
        returnBy: event.payload.returnBy ?? null,
        completenessDate: dateOf('completeness')?.date ?? '',
      };
    case 'paused':
      return {
        ...header,
        kind: 'pause',
        procedure: event.payload.procedure,
        expectedWorkingDays: event.payload.expectedWorkingDays,
        from: event.occurredAt,
        noticeRef: event.payload.applicantNoticeRef,
      };
    case 'extended':
      return {
        ...header,
        kind: 'extension',
        joint: state.item.joint,
        workingDays: event.payload.workingDays,
        reason: event.payload.reason,
        approver: event.payload.approver,
        newStatutoryDate: dateOf('statutory')?.date ?? '',
      };
    default:
      throw new ApiFailure('invalid_input', '该事件不出具文书', { field: 'eventId' });
  }
}
