// Every rule the case enforces — and the rules of signing in and sealing that guard it — with the
// sentence a clerk sees when it bites. The id travels in API errors (`ApiError.rule`, the center's
// error body) and supervision records, so renaming one is a breaking change; the renderer's English
// catalogue (renderer/i18n/errors.ts) has a sentence for each id and the compiler demands it.

/** The rules the reducer enforces: `apply` throws them, and rules.test.ts has a scenario for each. */
export const caseRuleMessages = {
  'case.firstMustBeReceived': '办件的第一个环节必须是收件',
  'case.alreadyReceived': '该办件已经收件，不能重复收件',
  'case.otherCase': '该事件不属于本办件',
  'case.timeInvalid': '事件时间无效：须为带时区的 ISO 8601 时间',
  'case.timeBackwards': '事件时间早于本办件上一环节的时间',
  'case.closed': '办件已终结（不予受理、已撤回或已送达并评价），不能再办理',
  'role.notAllowed': '当前角色无权办理此环节',
  'status.notAllowed': '办件当前状态下不能办理此环节',
  'material.unknown': '材料不在本事项公布的申报材料目录中',
  'notice.pageNotAttached': '告知所指的页面不在该材料已附的扫描件中',
  'notice.newItems': '一次性告知后再次告知只能重复首次告知的材料，不得提出新的补正要求',
  'notice.overrideNotSupervisor': '监督例外只能由监察人员本人作出',
  'notice.supervisorOverrideOnly': '监察人员只能对再次告知作出监督例外',
  'accept.materialsIncomplete': '必要材料尚未齐全（也未按容缺规则登记），不能受理',
  'refusal.reasonsAndBasis': '不予受理须写明理由和法律依据',
  'refusal.rightAgency': '不属于本机关职权范围的，须告知申请人向哪个行政机关申请',
  'decision.denialReasonsAndBasis': '不予许可须写明事实、理由和法律依据',
  'decision.appealNotice': '不予许可须告知申请人可在60日内申请行政复议或在6个月内提起行政诉讼',
  'decision.whilePaused': '特别程序进行中，不能作出决定',
  'decision.final': '决定已盖章生效，不能更改（更正须另立关联办件）',
  'pause.noticeAndFiling': '特别程序须事先书面告知申请人并报中心备案',
  'pause.alreadyPaused': '已有进行中的特别程序',
  'pause.timing': '特别程序只能在受理后、作出决定前启动',
  'resume.notPaused': '没有进行中的特别程序，无需恢复计时',
  'extension.once': '办理期限只能延长一次',
  'extension.approverAndReason': '延期须经法定的负责人批准，写明批准人和理由并书面告知申请人',
  'extension.beyondLimit': '延长的期限超过了本事项法定可延长的期限',
  'extension.timing': '延期只能在受理后、作出决定前办理',
  'review.missing': '一审一核事项须先经审查，才能作出决定',
  'review.checkMissing': '一审一核事项须经另一人复核同意，才能作出决定',
  'review.checkNotRequired': '本事项不实行一审一核，无需复核',
  'review.checkBeforeReview': '尚未审查，不能复核',
  'review.checkerIsReviewer': '复核人不能是审查人本人',
  'review.reviewerDecides': '审查人不能对同一办件作出决定',
  'stamp.beforeDecision': '尚未作出决定，不能盖章',
  'stamp.notCurrentDecision': '印章只能加盖在现行有效的决定上',
  'correction.reason': '更正决定须写明更正理由',
  'power.accept': '本窗口未获该事项的受理授权，不能收件',
  'power.approve': '本窗口未获该事项的审批授权：须先报部门审批（报批件）',
  'power.certify': '本窗口未获该事项的制证授权，证照由部门制发',
  'power.deliver': '本窗口未获该事项的办结送达授权：由部门送达，窗口登记部门的送达凭证',
  'delivery.certificateFirst': '本窗口制发证照：须先制证，再将决定书和证照一并送达',
  'referral.notNeeded': '本窗口已获审批授权，应在窗口作出决定，无需报批',
  'referral.departmentRef': '报批件须写明部门的批复文号',
  'delivery.addressAndReceipt': '邮寄或电子送达须写明送达地址和回执编号',
  'rectification.pending': '差评尚待整改：整改之前不能办理其他环节',
  'rectification.notNeeded': '没有待整改的差评',
  'rectification.measures': '整改须写明整改措施',
  'certificate.notApproved': '只有准予许可的办件才能制发证照',
} as const;

/** The rules main and the center enforce around the reducer: the clock, sign-in, seal, setup. */
export const serviceRuleMessages = {
  'rating.applicantOnly':
    '好差评须由申请人本人在评价器、扫码或短信中作出，工作人员不能录入（纸质评价表由中心代录）',
  'seal.pinNotSet': '尚未设置盖章密码：请先设置',
  'seal.wrongPin': '盖章密码不正确',
  'seal.locked': '盖章密码连续输错次数过多，已暂时锁定',
  'seal.trivialPin': '盖章密码过于简单：不能是相同或连续的数字',
  'seal.wrongPassword': '登录密码不正确',
  // Sign-in: the terminal answers a deactivated account as a wrong password, so that a guesser
  // does not learn which accounts exist; the center, behind its own lockout, says so.
  'signIn.wrongPassword': '用户名或密码错误',
  'signIn.locked': '密码连续输错次数过多，请稍后再试',
  'signIn.inactive': '账号已停用',
  'signIn.otherWindow': '此账号不属于本终端所在窗口',
  // the manager's center session is missing or has lapsed: the page asks for the password again
  'center.signIn': '请先输入密码登录中心',
  'terminal.notBound': '本终端尚未绑定窗口：请在设置中登记',
  'terminal.notEnrolled': '本终端尚未注册到中心',
  'enrollment.hasEvents':
    '本终端已有办件记录，不能再注册为另一台终端：请在未办理过业务的终端上注册',
} as const;

/**
 * Issue 13 point 5 — the rules a NEW event must pass that read the case's clocks at the event's
 * time, or that were tightened after logs were written (shared/case/timed-rules.ts). The terminal
 * and the center both apply them; the fold never does, so stored logs still fold.
 */
export const timedRuleMessages = {
  // Art. 32(4): five working days without a one-time notice = accepted on the day of receipt
  'intake.deemedAccepted': '已逾五个工作日未一次告知，依法视为受理：不能再出具补正告知书或不予受理',
  // Art. 42: the extension is approved before the limit ends, never after
  'extension.afterExpiry': '法定办结期限已届满，不能再延期：延期须在期限届满前经法定的负责人批准',
  // Art. 32(1)(2): the only grounds for 不予受理; incomplete materials get the one-time notice
  'refusal.ground':
    '不予受理只能依据《行政许可法》第三十二条：依法不需要取得行政许可，或不属于本机关职权范围',
} as const;

// Issue 13 point 4, time you can trust: the terminal's own refusal and the center's two rules.
export const clockRuleMessages = {
  'clock.skewed':
    '本机时钟与中心时间相差超过 5 分钟，不能办理受理、告知、决定、盖章、送达等法定环节：请校准时钟或请中心管理人员确认时差',
  'time.future': '事件时间晚于中心时间 5 分钟以上，不予采信',
  'time.deviceSkew': '该终端提交时时钟与中心相差超过 5 分钟，其新写入事件的时间不予采信',
  'time.backdated': '事件时间早于本终端已记录的事件 10 分钟以上，疑为倒签',
} as const;

/**
 * Issue 13 (authority): who may act on which case. The center judges every pushed event by its own
 * records of the staff, the catalog and the windows' powers in force at the event's time; the
 * scope rules (shared/case/scope.ts) also bite at the terminal, on every case call.
 */
export const authorityRuleMessages = {
  'actor.unknown': '中心没有该办理人员的记录',
  'actor.inactive': '办理人员在该时间未在岗（账号尚未建立或已停用）',
  'actor.roleMismatch': '事件所称的办理人员角色与中心记录不符',
  'actor.nameMismatch': '事件所称的办理人员姓名与中心记录不符',
  'actor.windowMismatch': '事件所记的窗口不是该办理人员所在的窗口',
  'scope.otherWindow': '该环节只能由办件所属窗口办理',
  'scope.otherDepartment': '该办件属于其他部门，不能查看或办理',
  'item.notPublished': '收件所记的事项与中心发布过的任何版本都不一致',
  'powers.mismatch': '收件所记的窗口授权与中心当时登记的授权不符',
  'device.otherWindow': '事件所记的窗口不是提交终端所在的窗口',
} as const;

// Issue 13, the seal is the chief's own key: what the center says of a `stamped` event whose
// seal it cannot trust. Declared before `ruleMessages`, which spreads it.
export const sealRuleMessages = {
  'seal.missing': '盖章事件未附首席代表的印章签名',
  'seal.keyUnknown': '印章密钥未在中心登记',
  'seal.keyNotActor': '印章密钥不属于盖章的首席代表',
  'seal.otherDevice': '印章密钥登记于另一台终端：印章只能在设置它的终端上使用',
  'seal.keyRevoked': '印章密钥在盖章时已被注销',
  'seal.badSignature': '印章签名与决定不符',
  'seal.decisionNumber': '决定书文号与办件不符',
  'seal.unregistered': '印章尚未在中心登记：请输入登录密码登记',
} as const;

export type SealRuleId = keyof typeof sealRuleMessages;

// Issue 14 part B1 (the printed words): an extension only where the item's own law allows one.
export const extensionLawRuleMessages = {
  'extension.notAllowed': '本事项的法律没有规定可以延长办理期限，不能延期',
} as const;

// Issue 14 point 12, part C (期限变更告知书): what the reducer and the center say of a
// `calendarRevised` event. Declared before `ruleMessages`, which spreads it.
export const calendarRevisionRuleMessages = {
  'calendarRevision.sameVersion': '办件已按该日历版本计算期限，无须变更告知',
  'calendarRevision.unknownVersion': '该日历版本不是中心制定的版本',
  'calendarRevision.datesDiffer': '告知的期限与日历计算的不一致',
} as const;

/**
 * Issue 14 part B2, what a notice must carry: the licence's validity, the appeal bodies, the
 * intake seal, the suggested return date. Rules a NEW event must pass (shared/case/notice-rules.ts):
 * logs written before them still fold.
 */
export const noticeRuleMessages = {
  'validity.required': '本事项的许可有效期由决定确定：准予许可须填写“有效期至”',
  'validity.beyondLaw': '许可的有效期至晚于法定有效期的最后一日',
  'validity.permanent': '本事项的许可依法长期有效：不得填写“有效期至”',
  'validity.notAfterDecision': '许可的有效期至须晚于决定之日',
  'validity.certificate': '证照的有效期须与决定书载明的有效期一致',
  'appeal.bodies':
    '须写明申请行政复议的行政复议机关和提起行政诉讼的人民法院（《行政复议法》第二十条、《行政诉讼法》第四十六条）',
  'appeal.departmentUnset':
    '本部门尚未设置行政复议机关和管辖法院：请中心管理人员在“部门设置”中填写，同步后再出具',
  'intakeSeal.missing': '受理通知书、不予受理决定书和补正告知书须加盖受理专用章：请加盖并确认',
  'returnBy.notWorkingDay': '建议补正日期须为工作日',
  'returnBy.tooEarly': '建议补正日期须在收件之日以后，且不早于告知之日',
  'returnBy.tooFar': '建议补正日期不能晚于告知之日起60日',
  'notice.incomplete':
    '一次性告知须列明全部需要补正的材料：核验为缺少的必要材料和有误的材料都要写入告知书',
  'notice.notAsChecked':
    '一次性告知只能要求补正经核验缺少或有误的材料，且与核验结果一致（未核验的材料须先核验）',
} as const;

/**
 * Issue 16 part Q, dates by meaning: a licence whose term the decision sets may not run for ever
 * (shared/case/notice-rules.ts; the term the law fixes is `validity.beyondLaw`).
 */
export const typedDateRuleMessages = {
  'validity.tooFar': '许可的有效期至不能晚于决定之日起30年',
} as const;

/** Part A of issue 15: recovery without loss (re-admission, duplicate case numbers). */
export const recoveryRuleMessages = {
  'recovery.caseNumberDuplicate':
    '办件编号与本机另一办件重复（中心曾从旧备份恢复后重复分配了终端号）：两件均已完整保存，请中心管理人员核对',
  'recovery.notEnrolled': '本终端尚未注册到中心，无需重新注册：请使用“注册到中心”',
} as const;

/** Part S of issue 16: a public counter locks itself. */
export const screenLockRuleMessages = {
  'screenLock.locked': '屏幕已锁定：请输入本人密码解锁',
} as const;

/**
 * Issue 16 part P: deemed acceptance moves the case on by itself. The reducer lets a case the law
 * has accepted (Art. 32(4)) be reviewed and decided without a 受理 record; whether the five working
 * days have run out is read from the clocks at the event's time (shared/case/timed-rules.ts).
 */
export const deemedAcceptanceRuleMessages = {
  'intake.notYetAccepted':
    '办件尚未受理：须先受理，或收件满五个工作日未一次告知、依法视为受理后，才能办理该环节',
  'intake.notDeemed':
    '办件尚未依法视为受理（收件未满五个工作日，或已出具补正告知书）：请按材料核验的结果受理',
} as const;

/** Part U of issue 16: the center's browser console is the center staff's. */
export const consoleRuleMessages = {
  'console.centerStaffOnly':
    '中心控制台只供中心的管理人员和监察人员登录，窗口人员请在本窗口的终端登录',
} as const;

/** Part T of issue 16: the department is the unit of service. */
export const departmentServiceRuleMessages = {
  'intake.duplicateOpen':
    '该申请人的同一事项在本部门已有在办办件：请继续办理原办件，或填写仍然新建的理由',
} as const;

/** Part W of issue 16: a demo PC is cleared before it enrolls (only practice, never real cases). */
export const demoClearingRuleMessages = {
  'demo.enrolled': '本终端已注册到中心，不能清除数据：这里的办件都是正式办件',
  'demo.notDemo': '本终端不是示范终端，没有可清除的演示数据',
  'demo.realCases': '本终端存有正式办件（非示范窗口或已与中心同步的记录），不能清除',
  'demo.confirmation': '确认词不符：请准确输入“清除演示数据”',
  'demo.changedMeanwhile': '备份期间又有新的办理记录，未清除任何数据：请再试一次',
} as const;

export const ruleMessages = {
  ...caseRuleMessages,
  ...serviceRuleMessages,
  ...timedRuleMessages,
  ...clockRuleMessages,
  ...authorityRuleMessages,
  ...sealRuleMessages,
  ...extensionLawRuleMessages,
  ...calendarRevisionRuleMessages,
  ...noticeRuleMessages,
  ...recoveryRuleMessages,
  ...screenLockRuleMessages,
  // part Q (issue 16)
  ...typedDateRuleMessages,
  ...deemedAcceptanceRuleMessages,
  // part U (issue 16)
  ...consoleRuleMessages,
  // part T (issue 16)
  ...departmentServiceRuleMessages,
  // part W (issue 16)
  ...demoClearingRuleMessages,
} as const;

export type RuleId = keyof typeof ruleMessages;

export const ruleIds = Object.keys(ruleMessages) as [RuleId, ...RuleId[]];

/** For ids from the wire: a newer center may name a rule this terminal does not know yet. */
export function isRuleId(id: unknown): id is RuleId {
  return typeof id === 'string' && Object.hasOwn(ruleMessages, id);
}

export type Rejection = { ok: false; rule: RuleId; message: string };

export function reject(rule: RuleId, detail?: string): Rejection {
  return {
    ok: false,
    rule,
    message: detail ? `${ruleMessages[rule]}：${detail}` : ruleMessages[rule],
  };
}

/** Thrown by `apply`; the API turns it into a `not_allowed` answer carrying the rule id. */
export class RuleViolation extends Error {
  readonly rule: RuleId;

  constructor(rule: RuleId, message: string) {
    super(message);
    this.name = 'RuleViolation';
    this.rule = rule;
  }
}
