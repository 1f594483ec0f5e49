import { useEffect, useState } from 'react';
import type { CaseDocument } from '../../../shared/documents';
import { call } from '../../api';
import type { Loaded } from '../documents/Desk';
import { DocumentSheet } from '../documents/PrintPage';

/**
 * `#/archive-sheet/<token>`: one document of a case archive under way, for the Chromium that
 * prints it to PDF (issue 18 part 4). Shown without a sign-in: the one-time token is the
 * exporting session's grant for this one document, and main takes it back at the first use.
 */
export function ArchiveSheet({ token }: { token: string }) {
  const [doc, setDoc] = useState<Loaded<CaseDocument>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void call('documents.archiveSheet', { token }).then((r) => {
      if (!live) return;
      setDoc(r.ok ? { state: 'ok', value: r.value } : { state: 'error', message: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [token]);
  return <DocumentSheet shows={`archive/${token.slice(0, 8)}`} doc={doc} />;
}

/** The token of an archive sheet's address, or null for every other page of the app. */
export function archiveSheetToken(hash: string): string | null {
  return /^#\/archive-sheet\/([A-Za-z0-9_-]{43})$/.exec(hash)?.[1] ?? null;
}
