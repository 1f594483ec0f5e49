import { smsRateableKinds, type SmsKind } from '../../shared/center-api';
import type { OpenCase } from '../../shared/case';
import { shanghaiDate } from '../../shared/calendar';

// What one notice tells the applicant: the template's variables, from the case as the event left
// it. Never the ID number, the name or the mobile: the text passes through the provider.

export type SmsParams = Record<string, string>;

/** '2026-03-02' → '2026年3月2日' */
function cnDate(iso: string): string {
  const [y, m, d] = shanghaiDate(iso).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export function smsParams(
  kind: SmsKind,
  state: OpenCase,
  occurredAt: string,
  verificationCode: string | null,
): SmsParams {
  const params: SmsParams = {
    caseNumber: state.caseNumber,
    itemName: state.item.name,
    date: cnDate(occurredAt),
  };
  // the code on the notice, for the link to rate its step (rating.phone with ?via=sms)
  if (smsRateableKinds.includes(kind) && verificationCode) params.rateCode = verificationCode;
  if (kind === 'stamped' && state.decision) {
    params.result = state.decision.decision.outcome === 'approve' ? '准予许可' : '不予许可';
  }
  return params;
}

/** The text as the applicant reads it (the provider prefixes 【signName】 the same way). */
export function renderSms(signName: string, text: string, params: SmsParams): string {
  return `【${signName}】${text.replace(/\$\{(\w+)\}/g, (_, name: string) => params[name] ?? '')}`;
}
