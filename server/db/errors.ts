/** A UNIQUE or PRIMARY KEY constraint refused a row, on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code: unknown = (error as { code?: unknown }).code;
  // 23505: PostgreSQL unique_violation; SQLite reports the constraint kind in its extended code.
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
