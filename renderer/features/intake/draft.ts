import { create } from 'zustand';
import type { Agent, Applicant } from '../../../shared/case';

/** A new intake prefilled from an earlier case (二次申请): handed over once, then forgotten. */
export type IntakeDraft = {
  itemCode: string;
  applicant: Applicant;
  agent: Agent | null;
  secondApplicationOf: string;
  originalCaseNumber: string;
};

type DraftState = {
  draft: IntakeDraft | null;
  set: (d: IntakeDraft) => void;
  take: () => IntakeDraft | null;
};

export const useIntakeDraft = create<DraftState>((set, get) => ({
  draft: null,
  set: (draft) => set({ draft }),
  take: () => {
    const d = get().draft;
    if (d) set({ draft: null });
    return d;
  },
}));
