import { z } from 'zod';
import { isBlank, text } from './schema-parts';

// Art. 38 行政许可法; the periods are those of 行政复议法 Art. 20 and 行政诉讼法 Art. 46.
export const reconsiderationDays = 60;
export const litigationMonths = 6;

/**
 * Where the applicant may appeal: the department's 行政复议机关 and the court with jurisdiction,
 * as the center's department settings name them. Without both named, 行政复议法 (2023) Art. 20
 * and 行政诉讼法 Art. 46 let the period run from when the applicant learns them, up to a year.
 */
export type AppealBodies = { reconsiderationBody: string; court: string };

/** The two rights a denial must name; a notice that drops either one misleads the applicant. */
export function appealNoticeComplete(notice: {
  reconsiderationDays: number;
  litigationMonths: number;
  text: string;
}): boolean {
  return (
    notice.reconsiderationDays === reconsiderationDays &&
    notice.litigationMonths === litigationMonths &&
    !isBlank(notice.text) &&
    notice.text.includes('行政复议') &&
    notice.text.includes('行政诉讼')
  );
}

/**
 * Whether the notice names the 复议机关 and the court, in its fields and in the text the applicant
 * reads. Stored notices written before the bodies were recorded have neither: only new events are
 * held to this (shared/case/notice-rules.ts).
 */
export function appealBodiesNamed(notice: {
  text: string;
  reconsiderationBody?: string | undefined;
  court?: string | undefined;
}): boolean {
  const { reconsiderationBody, court } = notice;
  return (
    reconsiderationBody !== undefined &&
    court !== undefined &&
    !isBlank(reconsiderationBody) &&
    !isBlank(court) &&
    notice.text.includes(reconsiderationBody.trim()) &&
    notice.text.includes(court.trim())
  );
}

export const appealNoticeSchema = z
  .object({
    reconsiderationDays: z.literal(reconsiderationDays),
    litigationMonths: z.literal(litigationMonths),
    text,
    // optional: logs written before issue 14 do not carry them
    reconsiderationBody: text.optional(),
    court: text.optional(),
  })
  .refine(appealNoticeComplete, {
    message: '告知内容须写明申请行政复议和提起行政诉讼的权利',
    path: ['text'],
  });

export type AppealNotice = z.infer<typeof appealNoticeSchema>;

/**
 * The standard wording printed on a 不予行政许可决定书 or a 不予受理决定书. Without `bodies` it is
 * the wording of notices issued before the bodies were recorded (reprints of them only).
 */
export function appealNoticeText(departmentName?: string, bodies?: AppealBodies): string {
  const decider = departmentName?.trim() || '本机关';
  if (!bodies) {
    return (
      `申请人如对${decider}作出的本决定不服，可以自收到本决定书之日起${reconsiderationDays}日内依法申请行政复议，` +
      `或者自收到本决定书之日起${litigationMonths}个月内依法向人民法院提起行政诉讼。`
    );
  }
  return (
    `申请人如对${decider}作出的本决定不服，可以自收到本决定书之日起${reconsiderationDays}日内` +
    `向${bodies.reconsiderationBody.trim()}申请行政复议，` +
    `或者自收到本决定书之日起${litigationMonths}个月内向${bodies.court.trim()}提起行政诉讼。`
  );
}

export function appealNotice(departmentName?: string, bodies?: AppealBodies): AppealNotice {
  return {
    reconsiderationDays,
    litigationMonths,
    text: appealNoticeText(departmentName, bodies),
    ...(bodies
      ? { reconsiderationBody: bodies.reconsiderationBody.trim(), court: bodies.court.trim() }
      : {}),
  };
}

/** The department's bodies when both are set, else null: then no denial or refusal may be issued. */
export function appealBodiesOf(department: {
  reconsiderationBody?: string | null | undefined;
  court?: string | null | undefined;
}): AppealBodies | null {
  const { reconsiderationBody, court } = department;
  if (isBlank(reconsiderationBody) || isBlank(court)) return null;
  return { reconsiderationBody: reconsiderationBody!.trim(), court: court!.trim() };
}
