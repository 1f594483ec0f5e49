import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../shared/api';
import { call } from '../../api';

type PageData = CallOutput<'attachments.page'>;
export type PageView =
  { state: 'loading' } | { state: 'ready'; page: PageData } | { state: 'failed'; message: string };

// A file named by its hash never changes, so a thumbnail once shown is kept for the session; a
// failure (the center does not have it yet) is not kept, so the next look asks again.
const thumbnails = new Map<string, Promise<PageView>>();

async function fetchPage(sha256: string, size: 'thumbnail' | 'full'): Promise<PageView> {
  const r = await call('attachments.page', { sha256, size });
  return r.ok ? { state: 'ready', page: r.value } : { state: 'failed', message: r.error.message };
}

function pageOf(sha256: string, size: 'thumbnail' | 'full'): Promise<PageView> {
  if (size === 'full') return fetchPage(sha256, size);
  const known = thumbnails.get(sha256);
  if (known) return known;
  const asked = fetchPage(sha256, size).then((v) => {
    if (v.state === 'failed') thumbnails.delete(sha256);
    return v;
  });
  thumbnails.set(sha256, asked);
  return asked;
}

export function usePage(sha256: string | null, size: 'thumbnail' | 'full'): PageView {
  const [view, setView] = useState<PageView>({ state: 'loading' });
  useEffect(() => {
    if (!sha256) return;
    let live = true;
    setView({ state: 'loading' });
    void pageOf(sha256, size).then((v) => live && setView(v));
    return () => {
      live = false;
    };
  }, [sha256, size]);
  return view;
}

/** base64 → a blob: URL (a full PDF in a frame; big images without a data: URL the size of the file). */
export function blobUrl(data: string, mediaType: string): string {
  const bin = atob(data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: mediaType }));
}
