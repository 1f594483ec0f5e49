import { inShanghai } from '../../format';
import { materialFormWords } from '../../../shared/catalog';
import {
  documentTitles,
  type CaseDocument,
  type DeliveryDocument,
  type MaterialLine,
} from '../../../shared/documents';

// the procedures' names live with the case: the center's supervision names them too
export { procedureLabels } from '../../../shared/case';

// a notice names a material's form in the guide's words
export const formLabels: Readonly<Record<MaterialLine['form'], string>> = materialFormWords;

/**
 * The title printed on the document (and in its PDF's name): a decision is 准予 or 不予, a
 * certificate bears its own name (营业执照…); the other kinds have one title each.
 */
export function documentTitle(doc: CaseDocument): string {
  switch (doc.kind) {
    case 'decision':
      return doc.outcome === 'approve' ? '准予行政许可决定书' : '不予行政许可决定书';
    case 'certificate':
      return doc.certificateName.trim() || documentTitles.certificate;
    default:
      return documentTitles[doc.kind];
  }
}

/** The line under the title: the one-time notice's other name, or a correction's mark. */
export function documentSubtitle(doc: CaseDocument): string | undefined {
  if (doc.kind === 'notice') return '（一次性告知书）';
  if (doc.kind === 'decision' && doc.correction) return '（更正决定）';
  return undefined;
}

export const deliveryMethodLabels: Readonly<Record<DeliveryDocument['method'], string>> = {
  window: '当面送达',
  post: '邮寄送达',
  electronic: '电子送达',
};

/** '2026-02-26' or an ISO time with +08:00 → '2026年2月26日' (read from the string: never the PC's zone). */
/** A date or an instant → '2026年2月12日' (the Shanghai day). */
export function cnDate(isoOrDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(inShanghai(isoOrDate));
  if (!m) return isoOrDate;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * A last day → '2026年2月26日前（含当日）': the clocks count that day in, and a bare "…日前" reads
 * to many as "by the day before".
 */
export function cnLastDay(isoOrDate: string): string {
  return `${cnDate(isoOrDate)}前（含当日）`;
}

/** An instant → '2026年2月12日 10:00' in Beijing time. */
export function cnDateTime(iso: string): string {
  const time = /T(\d{2}:\d{2})/.exec(inShanghai(iso))?.[1];
  return time ? `${cnDate(iso)} ${time}` : cnDate(iso);
}

export { shanghaiMinute } from '../../format';
