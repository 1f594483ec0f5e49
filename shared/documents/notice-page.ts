import type { Attachment, PageRef } from '../case';

/**
 * Where a notice's page sits among the material's files as the applicant holds them: an image is
 * one page, so its place in the list is its page number; a PDF's own pages are not counted here
 * (its page count is only known to who opens it), so a page inside a PDF is named by the file's
 * place and the page within it. Null when the file is no longer among the material's files.
 */
export type NoticePage = { position: number; pdfPage: number | null };

export function noticePage(files: readonly Attachment[], ref: PageRef): NoticePage | null {
  const index = files.findIndex((f) => f.sha256 === ref.sha256);
  if (index < 0) return null;
  const pdf = files[index]!.mediaType === 'application/pdf';
  return { position: index + 1, pdfPage: pdf ? ref.page : null };
}

/** The words a printed notice uses for the page: 「第2页」, or 「第2份文件第3页」 inside a PDF. */
export function noticePageWords(p: NoticePage): string {
  return p.pdfPage === null ? `第${p.position}页` : `第${p.position}份文件第${p.pdfPage}页`;
}
