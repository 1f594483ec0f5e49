import type { Level } from '../shared/calendar';

/** The supervision colours of a clock's level, the same on every screen. */
export const levelColor: Readonly<Record<Level, string>> = {
  normal: 'green',
  warning: 'blue',
  yellow: 'gold',
  red: 'red',
};
