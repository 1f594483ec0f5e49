import { ratingReasons, type RatingChannel } from '../../../shared/center-api';
import type { RatingMessages } from './messages';

// The stored values (a level 1–5, a channel, the fixed reasons in Chinese) as the page's language
// says them: the center keeps the Chinese reason, the English page shows its translation.

const levelKeys = { 1: 'level1', 2: 'level2', 3: 'level3', 4: 'level4', 5: 'level5' } as const;
const channelKeys = {
  device: 'channelDevice',
  qr: 'channelQr',
  sms: 'channelSms',
  paper: 'channelPaper',
} as const;
const reasonKeys = ['reason0', 'reason1', 'reason2', 'reason3', 'reason4', 'reason5'] as const;

export const ratingLevels = [1, 2, 3, 4, 5] as const;

export function levelLabel(m: RatingMessages, level: number): string {
  return level in levelKeys ? m(levelKeys[level as keyof typeof levelKeys]) : String(level);
}

export function channelLabel(m: RatingMessages, channel: RatingChannel): string {
  return m(channelKeys[channel]);
}

export function reasonLabel(m: RatingMessages, reason: string): string {
  const key = reasonKeys[ratingReasons.findIndex((r) => r === reason)];
  return key ? m(key) : reason;
}

/** The reasons a bad rating picks from, in the center's order: its value and its label. */
export function reasonOptions(m: RatingMessages) {
  return ratingReasons.map((value) => ({ value, label: reasonLabel(m, value) }));
}
