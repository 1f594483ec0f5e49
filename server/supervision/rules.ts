import {
  clockLabels,
  eventLabels,
  procedureLabels,
  type ClockView,
  type OpenCase,
  type PauseOverrun,
} from '../../shared/case';

// The electronic supervision rules of the center: what a case's state and clocks, or an event the
// center would not admit, say about a window. Pure: the engine stores what these find.

export type AlertLevel = 'warning' | 'yellow' | 'red' | 'violation';

export type AlertFinding = {
  /** one alert per case, rule and level, however often the rules look */
  key: string;
  rule: string;
  level: AlertLevel;
  message: string;
  evidence: string[];
};

const levelWords: Readonly<Record<Exclude<AlertLevel, 'violation'>, string>> = {
  warning: '预警',
  yellow: '黄牌',
  red: '红牌',
};

/** The clock rules: warning before a deadline, yellow card at the threshold, red card overdue. */
function clockFindings(state: OpenCase, clocks: readonly ClockView[]): AlertFinding[] {
  const findings: AlertFinding[] = [];
  for (const c of clocks) {
    if (c.state !== 'running') continue;
    const level = c.remaining.level;
    if (level === 'normal') continue;
    findings.push({
      key: `${state.caseId}:clock.${c.kind}:${level}`,
      rule: `clock.${c.kind}.${level}`,
      level,
      message:
        level === 'red'
          ? `${levelWords[level]}：${clockLabels[c.kind]}已逾期（截止 ${c.deadline.date}）`
          : `${levelWords[level]}：${clockLabels[c.kind]}将于 ${c.deadline.date} 届满，剩 ${c.remaining.workingDays} 个工作日`,
      evidence: [state.lastEventId],
    });
  }
  const deemed = clocks.find((c) => c.deemedAccepted)?.deemedAccepted;
  if (deemed) {
    findings.push({
      key: `${state.caseId}:intake.deemedAccepted`,
      rule: 'intake.deemedAccepted',
      level: 'violation',
      message: `五个工作日内未一次告知，依法视为于 ${deemed.on} 受理`,
      evidence: [state.lastEventId],
    });
  }
  return findings;
}

/** Violations the rules let through on a supervisor's override, kept on the case. */
function recordedViolations(state: OpenCase): AlertFinding[] {
  return state.violations.map((v) => ({
    key: `${state.caseId}:${v.rule}:${v.eventId}`,
    rule: v.rule,
    level: 'violation' as const,
    message:
      v.rule === 'notice.newItems'
        ? '再次告知提出了首次一次性告知以外的新要求（监察人员例外）'
        : `违反规则 ${v.rule}`,
    evidence: [v.eventId],
  }));
}

/**
 * Art. 45 (issue 13 point 5): the special procedure runs past the working days the applicant was
 * told in writing — the clock stands still without the applicant knowing for how long. Once per
 * pause; the window owes a new written notice, filed with the center.
 */
export function pauseOverrunFinding(state: OpenCase, overrun: PauseOverrun): AlertFinding {
  return {
    key: `${state.caseId}:pause.overrun:${overrun.eventId}`,
    rule: 'pause.overrun',
    level: 'violation',
    message: `特别程序（${procedureLabels[overrun.procedure]}）已超过告知的 ${overrun.expectedWorkingDays} 个工作日（应于 ${overrun.announcedEnd} 结束），仍未恢复计时：须向申请人出具新的书面告知并报中心备案`,
    evidence: [overrun.eventId],
  };
}

/** Everything the state and clocks of one case say now. */
export function caseFindings(
  state: OpenCase,
  clocks: readonly ClockView[],
  overrun: PauseOverrun | null = null,
): AlertFinding[] {
  return [
    ...clockFindings(state, clocks),
    ...recordedViolations(state),
    ...(overrun ? [pauseOverrunFinding(state, overrun)] : []),
  ];
}

// The rules whose breach at a window deserves its own name in the supervision list.
const namedBreaches: Readonly<Record<string, string>> = {
  'review.reviewerDecides': '一审一核事项由审查人本人作出决定',
  'review.missing': '一审一核事项未经审查即作出决定',
  'review.checkMissing': '一审一核事项未经复核即作出决定',
  'decision.denialReasonsAndBasis': '不予许可未写明事实、理由和法律依据',
  'refusal.reasonsAndBasis': '不予受理未写明理由和法律依据',
  'pause.noticeAndFiling': '特别程序未告知申请人或未报中心备案',
  // issue 13 point 5: the timed rules
  'intake.deemedAccepted': '已依法视为受理后仍出具补正告知书或不予受理',
  'extension.afterExpiry': '法定办结期限届满后才办理延期',
  'refusal.ground': '不予受理未依据《行政许可法》第三十二条的法定情形',
};

/** An event the center stored as conflicted: a sync conflict, and the breach when it is one. */
export function conflictFinding(event: {
  id: string;
  caseId: string;
  type: string;
  rule: string;
  message: string;
}): AlertFinding {
  const breach = namedBreaches[event.rule];
  return {
    key: `${event.caseId}:conflict:${event.id}`,
    rule: breach ? event.rule : 'sync.conflict',
    level: 'violation',
    message: breach
      ? `${breach}（未被中心采纳）`
      : // the glossary's word for the act, never the event type (an internal id)
        `同步冲突：“${eventLabels[event.type as keyof typeof eventLabels] ?? '办理记录'}”未被中心采纳（${event.message}）`,
    evidence: [event.id],
  };
}

/** A case of the department still open for the same applicant and item, as the center holds it. */
export type OpenTwin = { caseNumber: string; windowName: string };

/**
 * Review of issue 16 (F3): the department received the applicant again for the same item while
 * another case of theirs was open — at a PC that had not yet seen it (offline, or both at once),
 * since a PC that sees it asks for a reason (`intake.duplicateOpen`). The applicant now has two
 * cases and one will sit 待补正 for ever: the window is told which, to keep one and withdraw the
 * other.
 */
export function duplicateCaseFinding(state: OpenCase, twins: readonly OpenTwin[]): AlertFinding {
  const named = twins.map((t) => `${t.caseNumber}（${t.windowName}）`).join('、');
  return {
    key: `${state.caseId}:intake.duplicateCase`,
    rule: 'intake.duplicateCase',
    level: 'warning',
    message: `重复收件：该申请人的同一事项在本部门另有在办件 ${named}，两件收件时互未同步：请核实，只保留一件，另一件办理撤回`,
    evidence: [state.lastEventId],
  };
}

/** A public complaint as the rules see it. */
export type ComplaintFacts = {
  id: string;
  channel: string;
  content: string;
  dueDate: string;
};

function excerpt(text: string): string {
  // its own closing stop would stand before the sentence's next clause: 材料。；请于 …
  const line = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[。.；;，,！!]+$/, '');
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

/** Recording a complaint puts it on the window's alert list at once. */
export function complaintRecordedFinding(c: ComplaintFacts): AlertFinding {
  return {
    key: `complaint:${c.id}:recorded`,
    rule: 'complaint',
    level: 'warning',
    message: `公众投诉（${c.channel}）：${excerpt(c.content)}；请于 ${c.dueDate} 前答复`,
    evidence: [c.id],
  };
}

/**
 * The handling clock of an open complaint (shared/reports complaintClock): a warning with one
 * working day left, a red card once overdue; nothing while it has time.
 */
export function complaintClockFinding(
  c: ComplaintFacts,
  level: 'normal' | 'warning' | 'red',
): AlertFinding | null {
  if (level === 'normal') return null;
  return {
    key: `complaint:${c.id}:${level}`,
    rule: `complaint.${level}`,
    level,
    message:
      level === 'red'
        ? `红牌：公众投诉逾期未办结（截止 ${c.dueDate}）`
        : `预警：公众投诉将于 ${c.dueDate} 到期，请尽快答复并办结`,
    evidence: [c.id],
  };
}
