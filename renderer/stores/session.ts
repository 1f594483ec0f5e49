import { create } from 'zustand';
import type { Session } from '../../shared/api';

type SessionState = {
  session: Session | null;
  set: (session: Session) => void;
  clear: () => void;
};

// Memory only: closing the window or reloading signs the user out of a shared hall PC.
export const useSession = create<SessionState>((set) => ({
  session: null,
  set: (session) => set({ session }),
  clear: () => set({ session: null }),
}));
