import {
  clockCorrectionHeader,
  headerCorrection,
  headerTime,
  terminalTimeHeader,
} from '../../shared/sync';

// Its own file, apart from clock.ts (which records and raises alerts): the request context
// (http/spec.ts) carries this report, and everything a handler imports imports that context.

/** What a request said of the terminal's clock. Nothing in it is trusted beyond comparison. */
export type TerminalClockReport = {
  /** the PC's own clock when it sent the request, ms */
  terminalTime: number;
  /** what it subtracts to date events (a manager acknowledged the offset); null: nothing */
  correctionMs: number | null;
};

export function terminalClockOf(
  headers: Record<string, string | string[] | undefined>,
): TerminalClockReport | null {
  const terminalTime = headerTime(headers[terminalTimeHeader]);
  if (terminalTime === null) return null;
  return { terminalTime, correctionMs: headerCorrection(headers[clockCorrectionHeader]) };
}
