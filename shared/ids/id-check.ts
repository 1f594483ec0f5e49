/** The outcome of checking an identifier; `reason` is shown to the clerk as is (Chinese). */
export type IdCheck = { ok: true } | { ok: false; reason: string };

export const valid: IdCheck = Object.freeze({ ok: true });

export function invalid(reason: string): IdCheck {
  return { ok: false, reason };
}
