import { shanghaiIso } from '../../shared/calendar';
import type { Terminal } from '../services/context';
import { replaceSupervisionCopy } from '../store/supervision-copy';
import { CenterFailure, type SyncClient } from './client';

/**
 * Takes the department's alerts and complaints from the center with the device's credentials,
 * at the end of each round, and keeps them as the window's copy for offline reading. A center of
 * the previous release has no such route (404): the copy then waits for its update and the
 * round is not failed for it.
 */
export async function fetchSupervision(t: Terminal, client: SyncClient): Promise<void> {
  let feed;
  try {
    feed = await client.supervision();
  } catch (failure) {
    if (failure instanceof CenterFailure && failure.status === 404) return;
    throw failure;
  }
  replaceSupervisionCopy(t.db, feed, shanghaiIso(t.now()));
}
