import { pushLimits } from '../../shared/sync';

// `{"events":[` and `]}` around the comma-separated events.
const envelopeBytes = Buffer.byteLength('{"events":[]}');

/**
 * Cuts events (already in chain order) into push requests of at most `limits.events` events and
 * `limits.bytes` bytes of JSON. An event larger than the byte limit on its own still travels,
 * alone: the center names it in its refusal, and the queue stops there visibly.
 */
export function splitBatches<E>(
  events: readonly E[],
  limits: { events: number; bytes: number } = pushLimits,
): E[][] {
  const batches: E[][] = [];
  let batch: E[] = [];
  let bytes = envelopeBytes;
  for (const e of events) {
    const size = Buffer.byteLength(JSON.stringify(e));
    if (batch.length > 0 && (batch.length >= limits.events || bytes + 1 + size > limits.bytes)) {
      batches.push(batch);
      batch = [];
      bytes = envelopeBytes;
    }
    bytes += (batch.length > 0 ? 1 : 0) + size;
    batch.push(e);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
