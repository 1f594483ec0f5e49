import type { MaterialState, NoticeItem, OpenCase } from '../../../shared/case';

export type Mark = { status: 'received' | 'missing' | 'defective' | null; defect: string };
export type Marks = Record<string, Mark>;

export function marksOf(state: OpenCase): Marks {
  return Object.fromEntries(
    state.materials.map((mat) => [
      mat.materialId,
      { status: mat.status === 'pending' ? null : mat.status, defect: mat.defect ?? '' },
    ]),
  );
}

export function marksChanged(state: OpenCase, marks: Marks): boolean {
  return state.materials.some((mat) => {
    const mark = marks[mat.materialId];
    const status = mat.status === 'pending' ? null : mat.status;
    return (
      mark?.status !== status ||
      (mark.status === 'defective' && mark.defect.trim() !== (mat.defect ?? ''))
    );
  });
}

export type Verdict = 'accept' | 'notice' | 'pending';

/** What the checklist lets the clerk do: accept only with every required material received. */
export function verdictOf(materials: readonly MaterialState[], marks: Marks): Verdict {
  const required = materials
    .filter((mat) => mat.required)
    .map((mat) => marks[mat.materialId]?.status ?? null);
  if (required.some((s) => s === 'missing' || s === 'defective')) return 'notice';
  if (required.some((s) => s === null)) return 'pending';
  return 'accept';
}

/** The one-time notice the checklist implies: every required material missing or defective. */
export function noticeItemsOf(
  materials: readonly MaterialState[],
  marks: Marks,
  missingDetail: string,
): NoticeItem[] {
  return materials.flatMap((mat): NoticeItem[] => {
    const mark = marks[mat.materialId];
    if (!mark || (mark.status !== 'missing' && mark.status !== 'defective')) return [];
    if (!mat.required && mark.status === 'missing') return [];
    return [
      {
        materialId: mat.materialId,
        problem: mark.status,
        detail: mark.status === 'defective' ? mark.defect.trim() : missingDetail,
      },
    ];
  });
}

/** Once a notice is out, only its materials may still change (Art. 32(4): one notice, all of it). */
export function lockedByNotice(state: OpenCase, materialId: string): boolean {
  return state.firstNotice !== null && !state.firstNotice.some((i) => i.materialId === materialId);
}
