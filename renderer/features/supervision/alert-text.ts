import { eventLabels, isRuleId, type CaseEventType, type ClockKind } from '../../../shared/case';
import type { Locale } from '../../i18n';
import { domainLabels } from '../../i18n/domain';
import { ruleSentence } from '../../i18n/errors';

// What an alert says, in the user's language and without internal ids (issue 16 point 6). The
// center writes each alert's message in Chinese once, when it raises it (server/supervision
// rules.ts, device-alerts.ts, sync/clock.ts); the rule id and the message's dates and numbers are
// all an English screen needs to say the same. An alert this renderer cannot read (a newer
// center's rule) shows the center's words, with any id taken out.

type AlertWords = { rule: string; level: string; message: string };

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const date = /\d{4}-\d{2}-\d{2}/g;

const clockKinds: readonly ClockKind[] = [
  'completeness',
  'promised',
  'statutory',
  'delivery',
  'rectification',
];

/** The center's words without a device's or an event's id: the window column names the PC. */
export function withoutIds(message: string): string {
  return message
    .replace(new RegExp(`[（(]设备 ${uuid.source}[)）]`, 'gi'), '')
    .replace(new RegExp(`的终端 ${uuid.source}`, 'gi'), '的终端')
    .replace(uuid, '')
    .replace(/\s{2,}/g, ' ');
}

function eventTypeOfLabel(label: string): CaseEventType | null {
  const found = Object.entries(eventLabels).find(([, zh]) => zh === label);
  return found ? (found[0] as CaseEventType) : null;
}

function datesIn(message: string): string[] {
  return message.match(date) ?? [];
}

function numberAfter(message: string, word: string): string {
  return new RegExp(`${word}\\s*(\\d+)`).exec(message)?.[1] ?? '';
}

const levelEn: Readonly<Record<string, string>> = {
  warning: 'Warning',
  yellow: 'Yellow card',
  red: 'Red card',
};

/** The English of an alert the center raised; null when this renderer does not know its rule. */
function english(a: AlertWords): string | null {
  const l = domainLabels('en');
  const [first, second] = datesIn(a.message);
  const clock = /^clock\.([a-z]+)\.(warning|yellow|red)$/.exec(a.rule);
  if (clock && (clockKinds as readonly string[]).includes(clock[1]!)) {
    const what = l.clock(clock[1] as ClockKind);
    const level = levelEn[clock[2]!]!;
    return clock[2] === 'red'
      ? `${level}: ${what} overdue (due ${first ?? '—'})`
      : `${level}: ${what} ends on ${first ?? '—'}, ${numberAfter(a.message, '剩')} working days left`;
  }
  switch (a.rule) {
    case 'intake.deemedAccepted':
      return `No one-time notice within five working days: by law deemed accepted on ${first ?? '—'}`;
    case 'pause.overrun':
      return `The special procedure has run past the ${numberAfter(a.message, '告知的')} working days the applicant was told (it should have ended on ${first ?? '—'}) and the clock is still paused: issue a new written notice and file it with the center`;
    case 'complaint': {
      // 公众投诉（现场）：<what the complainant said>；请于 <date> 前答复 — the excerpt is theirs
      const m = /^公众投诉（(.+?)）：(.*)；请于 \S+ 前答复$/.exec(a.message);
      return m
        ? `Public complaint (${l.complaintChannel(m[1]!)}): ${m[2]}; answer by ${first ?? '—'}`
        : null;
    }
    case 'complaint.warning':
      return `Warning: a public complaint is due on ${first ?? '—'}: answer and close it soon`;
    case 'complaint.red':
      return `Red card: a public complaint is overdue (due ${first ?? '—'})`;
    case 'device.revoked':
      return 'A revoked terminal is still syncing with the center: refused';
    case 'device.unknown':
      return a.message.includes('合并')
        ? 'Unregistered terminals from many sources: further requests refused and counted here'
        : `An unregistered terminal contacted the center: refused ${numberAfter(a.message, '已拒绝')} times today`;
    case 'clock.skew':
      return `A terminal's clock is more than 5 minutes off the center's (measured ${second ?? first ?? ''})`.trim();
    case 'sync.conflict': {
      // 同步冲突：“<the act in the glossary's word>”未被中心采纳（<the center's reason>）
      const act = /^同步冲突：“(.+?)”/.exec(a.message)?.[1];
      const type = act ? eventTypeOfLabel(act) : null;
      return type
        ? `Sync conflict: "${l.event(type)}" was not admitted by the center`
        : 'Sync conflict: an action was not admitted by the center';
    }
    case 'intake.duplicateCase': {
      // 另有在办件 <number>（<window>）、<number>（<window>），两件…: a case number is ASCII, a window
      // name any text in full-width brackets (a 、 inside one does not split it)
      const twins = [...a.message.matchAll(/([A-Z0-9][A-Z0-9-]*)（([^（）]+)）/g)]
        .map((t) => `${t[1]} at ${t[2]}`)
        .join(', ');
      return `Duplicate intake: the department has another open case of this applicant for this item (${twins || '—'}), and neither terminal had seen the other when receiving: check, keep one and withdraw the other`;
    }
    default:
      // a breach the rules let through, or one the center would not admit: the rule's sentence
      return isRuleId(a.rule) ? ruleSentence(a.rule, 'en') : null;
  }
}

/** An alert's message as the user reads it. */
export function alertText(a: AlertWords, locale: Locale): string {
  if (locale === 'en') return english(a) ?? withoutIds(a.message);
  return withoutIds(a.message);
}

/**
 * The rule of an alert as a sentence (the drawer's 规则 line): the rule's own sentence where the
 * rule is a case rule, else what kind of alert it is. Never the id.
 */
export function alertRuleText(a: AlertWords, locale: Locale): string {
  if (isRuleId(a.rule)) return ruleSentence(a.rule, locale);
  const zh = locale !== 'en';
  const clock = /^clock\.([a-z]+)\.(warning|yellow|red)$/.exec(a.rule);
  if (clock && (clockKinds as readonly string[]).includes(clock[1]!)) {
    const what = domainLabels(locale).clock(clock[1] as ClockKind);
    return zh ? `${what}的监察` : `Supervision of the ${what.toLowerCase()}`;
  }
  const kinds: Readonly<Record<string, [string, string]>> = {
    'pause.overrun': ['特别程序超过告知的期限', 'Special procedure past the days told'],
    complaint: ['公众投诉', 'Public complaint'],
    'complaint.warning': ['公众投诉办理期限', 'Complaint handling limit'],
    'complaint.red': ['公众投诉办理期限', 'Complaint handling limit'],
    'device.revoked': ['已停用的终端', 'Revoked terminal'],
    'device.unknown': ['未注册的终端', 'Unregistered terminal'],
    'clock.skew': ['终端时钟偏差', "Terminal's clock off"],
    'sync.conflict': ['同步冲突', 'Sync conflict'],
    'intake.duplicateCase': [
      '同一申请人同一事项重复收件',
      'Same applicant and item received twice',
    ],
  };
  const kind = kinds[a.rule];
  if (kind) return zh ? kind[0] : kind[1];
  return zh ? '其他监察规则' : 'Another supervision rule';
}
