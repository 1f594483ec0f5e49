import type { IdCardReaderSettings } from '../../../shared/id-card';
import type { LocalDate } from '../../../shared/calendar/local-date';

// What every vendor's local service comes down to. A vendor is one file that turns its URL,
// field names, date formats, encodings and return codes into this; the reader service
// (./reader.ts) turns the outcome into what the clerk is told. Adding a vendor: one more file
// like ./zkidronline.ts, one more entry in `adapters` (./reader.ts) and in `idCardVendors`.

/** The card as the reader decoded it, before main keeps only what the intake form needs. */
export type CardData = {
  name: string;
  idNumber: string;
  sex: string;
  nation: string;
  birthDate: LocalDate | null;
  address: string;
  issuedBy: string;
  validFrom: LocalDate | null;
  /** null: 长期 */
  validUntil: LocalDate | null;
  /** the photo's bytes as the service sent them (JPEG or BMP), or null when it sent none */
  photo: Uint8Array | null;
};

export type ReaderOutcome =
  | { kind: 'card'; card: CardData }
  /** the service answers, but no card lies on the reader (or it was lifted too soon) */
  | { kind: 'noCard' }
  /** the service answers, but finds no reader on its USB or serial port */
  | { kind: 'readerAbsent' }
  /** the reader found the card and could not read it through: put it down again */
  | { kind: 'readFailed'; detail: string };

/**
 * Failures of the service itself (port closed, timeout, an answer that is not the protocol) are
 * thrown: the reader service tells them apart by what was thrown, since every vendor's HTTP
 * client fails the same way.
 */
export class ProtocolError extends Error {}

export type IdCardReaderAdapter = {
  /** for the log and the settings page */
  readonly product: string;
  read(endpoint: IdCardReaderSettings, signal: AbortSignal): Promise<ReaderOutcome>;
};
