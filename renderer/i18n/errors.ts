import type { ApiError, ApiErrorCode } from '../../shared/api';
import { isRuleId, ruleMessages, type RuleId } from '../../shared/case';
import { useLocale, type Locale } from './index';

// The English half of the language policy (shared/api/errors.ts): main and the center say every
// failure in Chinese with its code and, when a rule refused, the rule id; an English UI shows the
// sentence from here instead. A `Record` over every id, so a rule added in shared/case without its
// English does not compile.

export const ruleSentencesEn: Record<RuleId, string> = {
  'case.firstMustBeReceived': 'The first step of a case must be its receipt',
  'case.alreadyReceived': 'This case has been received already',
  'case.otherCase': 'This event belongs to another case',
  'case.timeInvalid': 'Invalid event time: it must be an ISO 8601 time with an offset',
  'case.timeBackwards': 'The event time is earlier than the previous step of this case',
  'case.closed':
    'The case is closed (refused at intake, withdrawn, or delivered and rated): nothing more can be done',
  'role.notAllowed': 'Your role may not take this step',
  'status.notAllowed': "This step is not possible in the case's current status",
  'material.unknown': "This material is not in the item's published list of materials",
  'notice.pageNotAttached':
    'The page the notice points to is not one of the material’s attached scans',
  'notice.newItems':
    "A repeated one-time notice may only repeat the first notice's materials, never ask for new ones",
  'notice.overrideNotSupervisor': 'Only a supervisor in person may make a supervision exception',
  'notice.supervisorOverrideOnly': 'A supervisor may only make an exception for a repeated notice',
  'accept.materialsIncomplete':
    'Required materials are missing (and not registered as tolerated): the case cannot be accepted',
  'refusal.reasonsAndBasis': 'A refusal at intake must state its reasons and legal basis',
  'refusal.rightAgency':
    "Outside this agency's powers: the applicant must be told which agency to apply to",
  'decision.denialReasonsAndBasis': 'A denial must state the facts, reasons and legal basis',
  'decision.appealNotice':
    'A denial must tell the applicant of administrative review within 60 days or a lawsuit within 6 months',
  'decision.whilePaused': 'A special procedure is under way: no decision can be made',
  'decision.final':
    'The decision is sealed and in force and cannot be changed (a correction needs a linked case)',
  'pause.noticeAndFiling':
    'A special procedure needs a written notice to the applicant and filing with the center first',
  'pause.alreadyPaused': 'A special procedure is already under way',
  'pause.timing': 'A special procedure may start only after acceptance and before the decision',
  'resume.notPaused': 'No special procedure is under way: the clock is running',
  'extension.once': 'The time limit may be extended only once',
  'extension.approverAndReason':
    'An extension needs the approval of the head the law names, a reason, and a written notice to the applicant',
  'extension.beyondLimit': 'The extension is longer than the law of this item allows',
  'extension.timing': 'An extension is possible only after acceptance and before the decision',
  'review.missing': 'This two-person item must be reviewed before a decision',
  'review.checkMissing':
    'This two-person item must be checked by a second person before a decision',
  'review.checkNotRequired': 'This item is not two-person: no check is needed',
  'review.checkBeforeReview': 'Not reviewed yet: nothing to check',
  'review.checkerIsReviewer': 'The checker cannot be the reviewer',
  'review.reviewerDecides': 'The reviewer cannot decide the same case',
  'stamp.beforeDecision': 'No decision yet: nothing to seal',
  'stamp.notCurrentDecision': 'The seal goes only on the decision currently in force',
  'correction.reason': 'A corrected decision must state the reason for the correction',
  'power.accept': 'This window holds no acceptance power for the item: it cannot receive it',
  'power.approve':
    'This window holds no approval power for the item: refer it to the department first',
  'power.certify':
    'This window holds no certificate power for the item: the department issues the certificate',
  'power.deliver':
    'This window holds no delivery power for the item: the department delivers, the window records its receipt',
  'delivery.certificateFirst':
    'This window issues the certificate: issue it first, then deliver it with the decision',
  'referral.notNeeded':
    'This window holds the approval power: decide at the window, no referral needed',
  'referral.departmentRef': "A referral must name the department's reply reference",
  'delivery.addressAndReceipt': 'Mail or electronic delivery needs an address and a receipt number',
  'rectification.pending': 'A bad rating awaits rectification: nothing else can be done first',
  'rectification.notNeeded': 'No bad rating awaits rectification',
  'rectification.measures': 'A rectification must state its measures',
  'certificate.notApproved': 'Only an approved case gets a certificate',
  'rating.applicantOnly':
    'Ratings are given by the applicant (rating device, QR code or SMS); staff cannot enter one — a paper form is keyed in at the center',
  'seal.pinNotSet': 'No seal PIN yet: set one first',
  'seal.wrongPin': 'Wrong seal PIN',
  'seal.locked': 'Too many wrong seal PINs: the seal is locked for a while',
  'seal.trivialPin': 'The seal PIN is too simple: no repeated or consecutive digits',
  'seal.wrongPassword': 'Wrong sign-in password',
  'signIn.wrongPassword': 'Wrong username or password',
  'signIn.locked': 'Too many wrong passwords: try again later',
  'signIn.inactive': 'This account is deactivated',
  'signIn.otherWindow': "This account does not belong to this terminal's window",
  'center.signIn': 'Enter your password to sign in at the center',
  'terminal.notBound': 'This terminal is not bound to a window: register it in the settings',
  'terminal.notEnrolled': 'This terminal is not enrolled with the center',
  'enrollment.hasEvents':
    'This terminal holds cases already and cannot enroll as another terminal: enroll one that has not been used',
  // issue 13 point 5: the timed rules (shared/case/timed-rules.ts)
  'intake.deemedAccepted':
    'No one-time notice within five working days: by law the case is accepted, so no notice or refusal can follow',
  'extension.afterExpiry':
    'The statutory limit has passed: an extension must be approved before the limit ends (Art. 42)',
  'refusal.ground':
    "Refusal at intake only on the grounds of Art. 32: no licence needed, or not this agency's power",
  // issue 13 point 4: time you can trust
  'clock.skewed':
    "This PC's clock is more than 5 minutes off the center's: receipts, notices, acceptances, refusals, decisions, seals and deliveries cannot be written until the clock is set right or a center manager acknowledges the offset",
  'time.future':
    "The event is dated more than 5 minutes after the center's time and is not trusted",
  'time.deviceSkew':
    "The terminal's clock was more than 5 minutes off the center's when it sent this event: its time is not trusted",
  // issue 13 (authority): the center's records of who and what, and the case's scope
  'actor.unknown': 'The center has no record of the staff member named in the event',
  'actor.inactive':
    'The staff member was not on duty at that time (not yet created or deactivated)',
  'actor.roleMismatch': "The role the event claims is not the staff member's role on record",
  'actor.nameMismatch': "The name the event claims is not the staff member's name on record",
  'actor.windowMismatch': "The event's window is not the staff member's window",
  'scope.otherWindow': "Only the case's own window may record this step",
  'scope.otherDepartment':
    'This case belongs to another department: it cannot be viewed or handled',
  'item.notPublished': 'The item recorded at receipt matches no version the center published',
  'device.otherWindow': 'The event names a window other than the one the sending PC belongs to',
  'time.backdated':
    'The event is dated more than 10 minutes before events this PC already recorded: it looks backdated',
  'powers.mismatch':
    'The powers recorded at receipt differ from what the center recorded for the window',
  // issue 13: the seal is the chief's own key
  'seal.missing': "The seal event carries no signature of the chief's seal",
  'seal.keyUnknown': 'The seal key is not registered at the center',
  'seal.keyNotActor': 'The seal key does not belong to the chief who sealed',
  'seal.otherDevice':
    'The seal key was registered from another PC: a seal is used only on the PC where it was set',
  'seal.keyRevoked': 'The seal key had been revoked when the seal was applied',
  'seal.badSignature': 'The seal signature does not match the decision',
  'seal.decisionNumber': 'The decision number does not match the case',
  'seal.unregistered':
    'The seal is not registered at the center yet: enter your sign-in password to register it',
  // issue 14 part B1: the item's own law on extensions
  'extension.notAllowed': 'The law of this item allows no extension of its time limit',
  // issue 14 point 12, part C: notice of changed deadlines
  'calendarRevision.sameVersion': 'The case is already counted on this calendar: nothing changed',
  'calendarRevision.unknownVersion': 'This calendar version was not made by the center',
  'calendarRevision.datesDiffer': 'The dates told differ from what the calendars give',
  // — issue 14 part B2, what a notice must carry —
  'validity.required':
    'This item\'s licence validity is set by the decision: an approval must state "valid until"',
  'validity.beyondLaw':
    'The "valid until" date is later than the last day of the term the law sets',
  'validity.permanent': 'This item\'s licence is permanent by law: leave "valid until" empty',
  'validity.notAfterDecision': 'The "valid until" date must be later than the day of the decision',
  'validity.certificate': "The certificate's validity must be the one the decision states",
  'appeal.bodies':
    'The notice must name the administrative reconsideration body and the court (Administrative Reconsideration Law Art. 20, Administrative Litigation Law Art. 46)',
  'appeal.departmentUnset':
    'This department has no reconsideration body and court set: the center manager must set them in the department settings; sync, then issue',
  'intakeSeal.missing':
    'Acceptance, refusal and one-time notices must carry the intake seal: stamp the paper and confirm',
  'returnBy.notWorkingDay': 'The suggested return date must be a working day',
  'returnBy.tooEarly':
    'The suggested return date must be after the day of receipt and not before the notice',
  'returnBy.tooFar': 'The suggested return date may be at most 60 days after the notice',
  'notice.incomplete':
    'A one-time notice lists everything to supplement: every required material found missing and every material found defective',
  'notice.notAsChecked':
    'A one-time notice may ask only for materials the check found missing or defective, as it found them (check a material before asking for it)',
  // part A of issue 15: recovery without loss
  'recovery.caseNumberDuplicate':
    'This case number is also held by another case on this PC (the center was restored from an old backup and numbered a terminal twice): both cases are kept whole; ask the center manager to check',
  'recovery.notEnrolled':
    'This terminal is not enrolled with a center, so there is nothing to re-register: use "Enroll"',
  // part S of issue 16: the screen lock
  'screenLock.locked': 'The screen is locked: enter your password to unlock',
  // part Q (issue 16): dates by meaning
  'validity.tooFar': 'The "valid until" date may be at most 30 years after the decision',
  // issue 16 part P: deemed acceptance
  'intake.notYetAccepted':
    'The case has not been accepted: accept it first, or wait until it is deemed accepted after five working days without a one-time notice',
  'intake.notDeemed':
    'The case has not been deemed accepted (five working days have not passed, or a one-time notice was issued): accept it on its materials check',
  // part U of issue 16: the center's console
  'console.centerStaffOnly':
    "The center console is for the center's managers and supervisors: window staff sign in at their window's terminal",
  // part T of issue 16: the department is the unit of service
  'intake.duplicateOpen':
    'The department already has an open case of this applicant for this item: continue it, or give the reason for opening a new one',
  // issue 16 part W: clearing demo data, 常用语
  'demo.enrolled':
    'This terminal is enrolled with the center: its cases are real and cannot be cleared',
  'demo.notDemo': 'This terminal is not a demo terminal: there is no demo data to clear',
  'demo.realCases':
    'This terminal holds real cases (of another window, or already synced with the center): they cannot be cleared',
  'demo.confirmation':
    'The confirmation does not match: type the confirmation word exactly as shown',
  'demo.changedMeanwhile':
    'Something was recorded while the backup was taken; nothing was cleared. Try again',
};

/** For a failure no rule names: what its code says, whatever the call. */
export const codeSentencesEn: Record<ApiErrorCode, string> = {
  invalid_input: 'Invalid input',
  invalid_json: 'The request is not valid JSON',
  payload_too_large: 'The request is too large',
  unknown_call: 'Unknown call',
  unauthenticated: 'Please sign in',
  forbidden: 'Not permitted',
  not_allowed: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Changed by someone else meanwhile: reload and try again',
  unavailable: 'Cannot be reached right now: try again later',
  internal: 'Internal error: nothing was done',
  // part B of issue 15
  disk_full: 'The disk is full: nothing was saved. Free some space and try again',
  database_damaged: 'The database is damaged and read-only: restore a backup before saving',
};

/**
 * What the Chinese message says beyond the rule's own sentence ('还可再试3次', an item's name):
 * the particulars stay visible in an English UI, in the only language they exist in.
 */
function particulars(message: string, sentence: string): string {
  if (message === sentence) return '';
  if (!message.startsWith(sentence)) return message;
  return message
    .slice(sentence.length)
    .replace(/^[：，:,\s]+/, '')
    .replace(/^（(.*)）$/, '$1');
}

/** The message to show: main's Chinese as is, or in English the catalogue's sentence first. */
export function errorMessage(error: ApiError, locale: Locale): string {
  if (locale !== 'en') return error.message;
  const english = error.rule ? ruleSentencesEn[error.rule] : codeSentencesEn[error.code];
  // a rule or code newer than this renderer (never from a terminal of the same build)
  if (!english) return error.message;
  const detail = particulars(error.message, error.rule ? ruleMessages[error.rule] : '');
  return detail ? `${english} (${detail})` : english;
}

// — part V (issue 16 point 6): no internal id on the screen —

/** A rule's sentence in the user's language: the id itself never reaches the screen. */
export function ruleSentence(rule: RuleId, locale: Locale): string {
  return locale === 'en' ? ruleSentencesEn[rule] : ruleMessages[rule];
}

/** `ruleSentence` for a component, in the current language. */
export function useRuleSentence(): (rule: RuleId) => string {
  const locale = useLocale((s) => s.locale);
  return (rule) => ruleSentence(rule, locale);
}

/**
 * What main or the center said when a rule refused (a sync conflict's note, a refusal): its own
 * Chinese words, or in English the rule's sentence with the particulars. A rule this renderer does
 * not know (a newer center) shows its message, never its id.
 */
export function ruleText(rule: string, message: string, locale: Locale): string {
  if (!isRuleId(rule)) return message;
  return errorMessage({ code: 'conflict', rule, message }, locale);
}
