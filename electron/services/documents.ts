import { centerContract } from '../../shared/center-api';
import { callUrl } from '../../node-shared/http/client';
import type { CallOutput, ParsedInput } from '../../shared/api';
import { shanghaiDate } from '../../shared/calendar';
import {
  caseClocks,
  clockLabels,
  licenceValidity,
  type CaseEvent,
  type OpenCase,
} from '../../shared/case';
import { approverLabels, itemLaw, type IntakeSealMode } from '../../shared/catalog';
import {
  documentOfEvent,
  noticePage,
  verificationCode,
  type CaseDocument,
  type DocumentHeader,
  type IntakeSeal,
  type SealMark,
  type StatutoryLimit,
} from '../../shared/documents';
import { ApiFailure } from '../api/errors';
import { asCaseEvent, caseEvents, folds } from '../store/events';
import { boundWindow, getSetting, windowName } from '../store/reference';
import { syncKeys } from '../store/sync-state';
import { foldCase } from '../projections/cases';
import type { Terminal } from './context';
import { checkCaseScope } from './cases';
import type { SessionRecord } from './sessions';

/**
 * The notice an event issued, as the case stood right after that event: a reprint next month says
 * exactly what the first print said, dates included (the case's pinned calendar).
 */
export function caseDocument(
  t: Terminal,
  session: SessionRecord,
  input: ParsedInput<'documents.get'>,
): CallOutput<'documents.get'> {
  const stored = caseEvents(t.db, input.caseId);
  const at = stored.findIndex((e) => e.id === input.eventId);
  if (at < 0) throw new ApiFailure('not_found', '办件或事件不存在');
  const issuing = stored[at]!;
  const kind = documentOfEvent[issuing.type];
  if (!kind) throw new ApiFailure('invalid_input', '该事件不出具文书', { field: 'eventId' });
  if (!folds(issuing)) throw new ApiFailure('not_found', '该事件未被中心采纳，不出具文书');
  const state = foldCase(stored.slice(0, at + 1)) as OpenCase;
  // another department's paper is not this window's to print (issue 13 point 3)
  checkCaseScope(t, session, 'read', {
    windowId: stored[0]!.windowId,
    departmentCode: state.item.departmentCode,
  });
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
    // the center's public check of the paper, where a phone scanning its QR code lands
    verificationUrl: center ? callUrl(center, centerContract['documents.verify'], { code }) : null,
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
    intakeSeal: null,
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
      // a notice issued after a last day (a deemed acceptance recorded late) says that day has
      // passed; judged at the issuing event, so a reprint still says what the first print said
      const issuedOn = shanghaiDate(event.occurredAt);
      return {
        ...header,
        intakeSeal: intakeSealOf(header, state, event.payload.intakeSeal),
        kind: 'acceptance',
        acceptedAt: event.occurredAt,
        materials: state.item.materials
          .filter((m) => state.materials.find((s) => s.materialId === m.id)?.status === 'received')
          .map((m) => ({ name: m.name, form: m.form, count: m.count })),
        waived: waived.map((w) => ({ name: nameOf(w.materialId), rule: w.rule })),
        promisedDays: state.item.promisedDays,
        promisedDate: promised.date,
        statutoryDate: statutory.date,
        statutory: statutoryLimit(state),
        promisedPassed: promised.date < issuedOn,
        statutoryPassed: statutory.date < issuedOn,
        provisional: promised.provisional || statutory.provisional,
        deemedAcceptedOn: deemedOn ?? null,
        decidedOn: state.stamp ? shanghaiDate(state.stamp.at) : null,
      };
    }
    case 'refused':
      return {
        ...header,
        intakeSeal: intakeSealOf(header, state, event.payload.intakeSeal),
        kind: 'refusal',
        ground: event.payload.ground,
        reasons: event.payload.reasons,
        legalBasis: event.payload.legalBasis,
        rightAgency: event.payload.rightAgency ?? null,
        appealText: event.payload.appealNotice?.text ?? null,
      };
    case 'noticeIssued':
      return {
        ...header,
        intakeSeal: intakeSealOf(header, state, event.payload.intakeSeal),
        kind: 'notice',
        items: event.payload.items.map((i) => ({
          name: nameOf(i.materialId),
          problem: i.problem,
          detail: i.detail,
          // the files as they stood at the notice: a later rescan does not renumber a printed page
          page: i.page
            ? noticePage(
                state.materials.find((m) => m.materialId === i.materialId)?.files ?? [],
                i.page,
              )
            : null,
        })),
        returnBy: event.payload.returnBy ?? null,
        completenessDate: dateOf('completeness')?.date ?? '',
      };
    case 'paused': {
      const law = itemLaw(state.item);
      const statutory = dateOf('statutory');
      return {
        ...header,
        kind: 'pause',
        procedure: event.payload.procedure,
        expectedWorkingDays: event.payload.expectedWorkingDays,
        from: event.occurredAt,
        noticeRef: event.payload.applicantNoticeRef,
        publication:
          event.payload.procedure === 'publication'
            ? {
                pausesStatutory: law.publicationPausesStatutory,
                basis: law.publicationBasis ?? null,
              }
            : null,
        statutoryDate: statutory?.date ?? '',
        provisional: statutory?.provisional ?? false,
      };
    }
    case 'extended': {
      // the item's own law, never Art. 42's "二十日" for all: 食品经营许可 is 10 working days +5
      // under its own regulation, a joint item 45 +15 approved by the government's head
      const law = itemLaw(state.item);
      return {
        ...header,
        kind: 'extension',
        joint: state.item.joint,
        limit: statutoryLimit(state),
        days: event.payload.workingDays,
        // the rules refuse to extend an item whose law allows none, so both are there; the
        // fallbacks only keep a reprint printable should a stored log say otherwise
        extensionBasis: law.extensionBasis ?? law.statutoryBasis,
        approverTitle:
          approverLabels[
            law.extensionApprover ?? (state.item.joint ? 'governmentHead' : 'agencyHead')
          ],
        approver: event.payload.approver,
        reason: event.payload.reason,
        newStatutoryDate: dateOf('statutory')?.date ?? '',
        provisional: dateOf('statutory')?.provisional ?? false,
      };
    }
    case 'stamped':
      return decisionDocument(header, state, deemedOn);
    case 'certificateIssued': {
      const decision = state.decision?.decision;
      if (decision?.outcome !== 'approve' || !state.stamp)
        throw new Error('a certificate follows a sealed approval');
      return {
        ...header,
        kind: 'certificate',
        certificateName: state.item.certificate ?? '行政许可证件',
        certificateNumber: event.payload.certificateNumber,
        granted: decision.granted,
        conditions: decision.conditions ?? null,
        // the decision's validity, which a certificate recording a date must repeat (the rule
        // validity.certificate); one recorded before that rule keeps its own date on reprints
        validity: event.payload.validUntil
          ? { kind: 'until', date: event.payload.validUntil }
          : licenceValidity(state.item, decision.validUntil, state.stamp.at),
        decisionNumber: state.stamp.decisionNumber,
        seal: sealOf(header, state),
      };
    }
    case 'delivered': {
      if (!state.stamp || !state.decision) throw new Error('a delivery follows a sealed decision');
      const outcome = state.decision.decision.outcome;
      return {
        ...header,
        kind: 'delivery',
        delivered: [
          {
            title: outcome === 'approve' ? '准予行政许可决定书' : '不予行政许可决定书',
            number: state.stamp.decisionNumber,
          },
          ...(state.certificate
            ? [
                {
                  title: state.item.certificate ?? '行政许可证件',
                  number: state.certificate.certificateNumber,
                },
              ]
            : []),
        ],
        method: event.payload.method,
        recipient: event.payload.recipient,
        place:
          event.payload.method === 'window'
            ? `${header.centerName} ${header.windowName}`
            : (event.payload.address ?? ''),
        receiptRef: event.payload.receiptRef ?? null,
        deliveredAt: event.occurredAt,
        deliveredBy: event.actor.name,
      };
    }
    case 'calendarRevised':
      // both dates from the event itself: what was told, whatever calendar comes later
      return {
        ...header,
        kind: 'deadlineChange',
        previousVersion: state.calendarRevisions?.at(-1)?.from ?? '',
        calendarVersion: event.payload.calendarVersion,
        changes: event.payload.changes.map((c) => ({ ...c, label: clockLabels[c.clock] })),
      };
    default:
      throw new ApiFailure('invalid_input', '该事件不出具文书', { field: 'eventId' });
  }
}

/** The statutory limit the item's law sets, as the case's snapshot of the item carries it. */
function statutoryLimit(state: OpenCase): StatutoryLimit {
  return { days: state.item.statutoryDays, unit: itemLaw(state.item).statutoryUnit };
}

/** The intake seal as the event recorded it (see `IntakeSeal`). */
function intakeSealOf(
  header: Omit<DocumentHeader, 'kind'>,
  state: OpenCase,
  mode: IntakeSealMode | undefined,
): IntakeSeal {
  return mode ? { mode, seal: { ...sealOf(header, state), purpose: 'intake' } } : null;
}

function sealOf(header: Omit<DocumentHeader, 'kind'>, state: OpenCase): SealMark {
  return { departmentCode: state.item.departmentCode, departmentName: header.departmentName };
}

/** 准予 / 不予行政许可决定书, as sealed: the decision in force when the seal went on. */
function decisionDocument(
  header: Omit<DocumentHeader, 'kind'>,
  state: OpenCase,
  deemedOn: string | undefined,
): CaseDocument {
  const { decision: record, stamp } = state;
  if (!record || !stamp) throw new Error('a seal follows a decision');
  const d = record.decision;
  const corrected = record.correction
    ? state.superseded.find((s) => s.decision.eventId === record.correction?.corrects)
    : undefined;
  return {
    ...header,
    kind: 'decision',
    outcome: d.outcome,
    decisionNumber: stamp.decisionNumber,
    // Art. 32(4): accepted from the day of receipt, whatever day the clerk recorded 受理
    acceptedAt: deemedOn ?? state.acceptedAt ?? null,
    deemedAccepted: deemedOn !== undefined,
    sealedAt: stamp.at,
    decidedBy: record.by.name,
    sealedBy: stamp.by.name,
    seal: sealOf(header, state),
    granted: d.outcome === 'approve' ? d.granted : null,
    validity: d.outcome === 'approve' ? licenceValidity(state.item, d.validUntil, stamp.at) : null,
    conditions: d.outcome === 'approve' ? (d.conditions ?? null) : null,
    certificateName: d.outcome === 'approve' ? (state.item.certificate ?? null) : null,
    facts: d.outcome === 'deny' ? d.facts : null,
    reasons: d.outcome === 'deny' ? d.reasons : null,
    legalBasis: d.outcome === 'deny' ? d.legalBasis : null,
    appealText: d.outcome === 'deny' ? d.appealNotice.text : null,
    departmentRef: d.departmentRef ?? null,
    correction:
      record.correction && corrected
        ? { correctsNumber: corrected.stamp.decisionNumber, reason: record.correction.reason }
        : null,
  };
}
