import type { CaseState } from '../../shared/case';
import type { SignedEvent } from '../../shared/sync';
import { eventFault } from '../events/crypto';
import { sealFault, sealKeyIdOf, type RegisteredSealKey } from '../seal/verdict';

// A printed document is checked at a window and at the center (by its QR code) against each
// one's own copy of the log. Both must reach the same verdict in the same words: a holder told
// "genuine" at one and "altered" at the other would trust neither.

export const documentMessages = {
  genuine: '验证通过：该文书与窗口记录一致',
  malformedCode: '验证码格式不正确：应为 12 位字母数字，如 ABCD-EFGH-JKMN',
  /** a terminal holds only its department's cases; the center holds every case */
  unknownAtTerminal: '本终端没有该验证码的文书：请核对验证码，或到出具窗口核验',
  unknownAtCenter: '服务中心没有该验证码的文书：请核对验证码，或到出具窗口核验',
  altered: '文书对应的记录已被改动，验证未通过：请勿采信，并报告服务中心',
  decisionAltered: '盖章后决定内容已被改动，验证未通过：请勿采信，并报告服务中心',
  notAdmitted: '该文书与服务中心的记录不一致（未被中心采纳）：请向服务中心核实',
  corrected: '该决定已被更正，本文书不再有效：请以更正后的决定书为准',
  sealInvalid: '决定书的印章未通过核验（非首席代表本人登记的印章签署）：请勿采信，并报告服务中心',
} as const;

/** Why a document that was found does not verify, in the order it is checked. */
export type DocumentFault =
  'altered' | 'decisionAltered' | 'sealInvalid' | 'notAdmitted' | 'corrected';

export type DocumentVerdict =
  { genuine: true; message: string } | { genuine: false; fault: DocumentFault; message: string };

/** What one side knows of the event a verification code names. */
export type IssuedDocument = {
  issuing: SignedEvent;
  /** for a seal: the event its sealedDecisionId names, when it is held */
  sealedDecision: SignedEvent | undefined;
  /** false when the center's record did not take the issuing event (conflicted, rejected) */
  admitted: boolean;
  /** the case folded from its admitted events; null when the case is not held */
  state: CaseState | null;
  publicKeyOf: (deviceId: string) => string | undefined;
  /** the seal key as registered at the center; undefined when this side does not hold it */
  sealKeyOf: (keyId: string) => RegisteredSealKey | undefined;
  /**
   * The center accepted the stamp, having checked its seal itself (a terminal holds only its own
   * chiefs' keys): a key this side does not hold is then not a fault. Always false at the center.
   */
  sealCheckedByCenter: boolean;
};

type Seal = { decisionEventId?: string; decisionHash?: string };

/** The decision a seal sealed: the caller loads it for judgeDocument. */
export function sealedDecisionId(issuing: SignedEvent): string | null {
  return issuing.type === 'stamped' ? ((issuing.payload as Seal).decisionEventId ?? null) : null;
}

/**
 * The issuing event must re-hash to its hash and carry its device's signature, and a seal must
 * still hold the hash of the decision it sealed — so an edit of the decision after sealing, even
 * one that rewrote the decision's own hash, shows — and carry the signature of the chief's own
 * seal key, registered at the center and not revoked when it was applied. A corrected decision, and the certificate and
 * receipt that went with it, no longer hold.
 */
export function judgeDocument(d: IssuedDocument): DocumentVerdict {
  const refused = (fault: DocumentFault): DocumentVerdict => ({
    genuine: false,
    fault,
    message: documentMessages[fault],
  });
  const intact = (e: SignedEvent) => eventFault(e, d.publicKeyOf(e.deviceId)) === null;
  if (!intact(d.issuing)) return refused('altered');
  if (d.issuing.type === 'stamped') {
    const decision = d.sealedDecision;
    const sealedHash = (d.issuing.payload as Seal).decisionHash;
    if (!decision || decision.hash !== sealedHash || !intact(decision)) {
      return refused('decisionAltered');
    }
    // the decision is the chief's only under the chief's own registered seal (issue 13)
    const keyId = sealKeyIdOf(d.issuing);
    const key = keyId === null ? undefined : d.sealKeyOf(keyId);
    const trusted = key === undefined && keyId !== null && d.sealCheckedByCenter;
    if (!trusted && sealFault(d.issuing, key) !== null) return refused('sealInvalid');
  }
  if (!d.admitted) return refused('notAdmitted');
  const state = d.state;
  const replaced =
    state !== null &&
    state.status !== 'none' &&
    state.superseded.some((s) =>
      [s.stamp.eventId, s.certificate?.eventId, s.delivery?.eventId].includes(d.issuing.id),
    );
  if (replaced) return refused('corrected');
  return { genuine: true, message: documentMessages.genuine };
}
