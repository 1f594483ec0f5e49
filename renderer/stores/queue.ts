import { create } from 'zustand';
import type { Ticket } from '../../shared/center-api';

type QueueState = {
  /** the ticket this window has called and not yet finished: a case received now is received for it */
  current: Ticket | null;
  setCurrent: (ticket: Ticket | null) => void;
};

// UI state only: the center owns the queue; this is the last answer it gave this window.
export const useQueue = create<QueueState>((set) => ({
  current: null,
  setCurrent: (current) => set({ current }),
}));
