import { z } from 'zod';
import { isBlank, text } from './schema-parts';

// Art. 38 行政许可法; the periods are those of 行政复议法 Art. 20 and 行政诉讼法 Art. 46.
export const reconsiderationDays = 60;
export const litigationMonths = 6;

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

export const appealNoticeSchema = z
  .object({
    reconsiderationDays: z.literal(reconsiderationDays),
    litigationMonths: z.literal(litigationMonths),
    text,
  })
  .refine(appealNoticeComplete, {
    message: '告知内容须写明申请行政复议和提起行政诉讼的权利',
    path: ['text'],
  });

export type AppealNotice = z.infer<typeof appealNoticeSchema>;

/** The standard wording printed on a 不予行政许可决定书. */
export function appealNoticeText(departmentName?: string): string {
  const decider = departmentName?.trim() || '本机关';
  return (
    `申请人如对${decider}作出的本决定不服，可以自收到本决定书之日起${reconsiderationDays}日内依法申请行政复议，` +
    `或者自收到本决定书之日起${litigationMonths}个月内依法向人民法院提起行政诉讼。`
  );
}

export function appealNotice(departmentName?: string): AppealNotice {
  return { reconsiderationDays, litigationMonths, text: appealNoticeText(departmentName) };
}
