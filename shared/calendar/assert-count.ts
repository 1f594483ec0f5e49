/** Day counts come from catalog data and clerk input: a fraction or a negative is a bug to stop. */
export function assertCount(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number ≥ 0, got ${n}`);
}
