import { addDays, shanghaiDate, type LocalDate } from '../calendar';
import { itemLaw } from '../catalog/law';
import type { ItemSnapshot } from './payloads';

/**
 * What 有效期至 says on the decision and on the certificate — one answer for both documents:
 * a date; 长期, only where the item's law makes the licence permanent; or, on a reprint of a
 * decision recorded before validity was required, that the decision did not state it (never
 * 长期: a blank field is not a permanent licence).
 */
export type LicenceValidity =
  { kind: 'until'; date: LocalDate } | { kind: 'permanent' } | { kind: 'unstated' };

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The last day of an N-year licence sealed on `sealedOn`. The day of the seal is the licence's
 * first day (有效期自发证之日起计算, as 食品经营许可证 and most certificates print it): issued
 * 2026-03-02 for 5 years, valid until 2031-03-01 — the day before the anniversary. Sealed on
 * 29 February, the anniversary in a common year is 1 March, so the last day is 28 February.
 */
export function lastDayOfTerm(sealedOn: LocalDate, years: number): LocalDate {
  const [y, m, d] = sealedOn.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const anniversary =
    m === 2 && d === 29 && !isLeap(year)
      ? `${year}-03-01`
      : `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return addDays(anniversary, -1);
}

/**
 * The validity an approval carries: the date the chief entered; else, for a fixed-term item, the
 * term counted from the seal; 长期 only for a permanent item. `sealedAt` null: not sealed yet.
 */
export function licenceValidity(
  item: ItemSnapshot,
  validUntil: string | undefined | null,
  sealedAt: string | null,
): LicenceValidity {
  const law = itemLaw(item).validity;
  if (validUntil) return { kind: 'until', date: validUntil };
  if (law.kind === 'permanent') return { kind: 'permanent' };
  if (law.kind === 'years' && sealedAt !== null) {
    return { kind: 'until', date: lastDayOfTerm(shanghaiDate(sealedAt), law.years) };
  }
  return { kind: 'unstated' };
}

/** The date a certificate records, when the validity is a date. */
export function validityDate(validity: LicenceValidity): LocalDate | null {
  return validity.kind === 'until' ? validity.date : null;
}
