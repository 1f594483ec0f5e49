import { create } from 'zustand';

type ScreenLockState = {
  locked: boolean;
  lock: () => void;
  unlock: () => void;
};

// UI state only: main keeps its own lock per session and refuses a locked session's calls, so
// flipping this flag from a script shows the page's frame but none of its data.
export const useScreenLock = create<ScreenLockState>((set) => ({
  locked: false,
  lock: () => set({ locked: true }),
  unlock: () => set({ locked: false }),
}));
