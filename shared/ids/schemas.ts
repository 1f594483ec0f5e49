import { z } from 'zod';
import type { IdCheck } from './id-check';
import { checkMobile } from './mobile';
import { checkResidentId } from './resident-id';
import { checkUscc } from './uscc';

// Clerks type or scan these: surrounding spaces and a lower-case 'x' are typing noise, not errors,
// so the API accepts them and hands on the normalised string.
function checked(check: (value: string) => IdCheck) {
  return z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((value, ctx) => {
      const result = check(value);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason });
    });
}

export const residentIdSchema = checked(checkResidentId);
export const usccSchema = checked(checkUscc);
export const mobileSchema = checked(checkMobile);
