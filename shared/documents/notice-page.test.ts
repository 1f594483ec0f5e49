import { describe, expect, it } from 'vitest';
import type { Attachment } from '../case';
import { noticePage, noticePageWords } from './notice-page';

const file = (n: number, mediaType: Attachment['mediaType'] = 'image/jpeg'): Attachment => ({
  sha256: String(n).repeat(64).slice(0, 64),
  mediaType,
  bytes: 1000,
  source: 'camera',
});

describe('noticePage', () => {
  const files = [file(1), file(2), file(3, 'application/pdf')];

  it('names an image by its place among the material’s files', () => {
    const p = noticePage(files, { sha256: file(2).sha256, page: 1 });
    expect(p).toEqual({ position: 2, pdfPage: null });
    expect(noticePageWords(p!)).toBe('第2页');
  });

  it('names a page inside a PDF by the file’s place and the page within it', () => {
    const p = noticePage(files, { sha256: file(3).sha256, page: 4 });
    expect(p).toEqual({ position: 3, pdfPage: 4 });
    expect(noticePageWords(p!)).toBe('第3份文件第4页');
  });

  it('finds nothing for a file the material no longer holds', () => {
    expect(noticePage(files, { sha256: file(9).sha256, page: 1 })).toBeNull();
  });
});
