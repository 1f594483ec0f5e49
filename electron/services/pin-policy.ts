// Its own file: the demo seeding picks PINs by it, and the seal commands refuse PINs by it.

// PINs anyone would try first: one digit six times, or a run up or down.
export function guessablePin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - digits[i]!));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0]!);
}
