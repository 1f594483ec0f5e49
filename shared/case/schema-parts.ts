import { z } from 'zod';

// Whitespace-only text would print as an empty line on a legal document, so it counts as missing.
export const text = z.string().trim().min(1, '必填');

export const localDateSchema = z.iso.date();

export const workingDaysSchema = z.number().int().nonnegative();

/** The same test the schemas apply, for the reducer, which also folds events no schema has seen. */
export function isBlank(value: string | undefined | null): boolean {
  return value === undefined || value === null || value.trim() === '';
}
