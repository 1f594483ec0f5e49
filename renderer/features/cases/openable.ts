import type { KeyboardEvent } from 'react';

/** What lets a table row open its case (or alert) by a click or by Enter, reachable with Tab. */
export function openable(open: () => void) {
  return {
    onClick: open,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter') open();
    },
    tabIndex: 0,
    style: { cursor: 'pointer' },
  };
}
