import { useState } from 'react';
import type { PrintRequest } from '../../../shared/print/routing';
import { printOnPaper } from './desktop';
import { usePrintMessages } from './messages';

/**
 * The toolbar's 打印 of every printed page, and the line that says where the paper went (or why
 * the print dialog opened instead); null before anything was printed.
 */
export function usePaper(request: PrintRequest): { print: () => void; note: string | null } {
  const m = usePrintMessages();
  const [note, setNote] = useState<string | null>(null);
  const print = () => {
    void printOnPaper(request).then((result) => {
      if (!result) return;
      setNote(
        'printed' in result
          ? m('printedTo', { printer: result.printer, copies: result.copies })
          : result.note,
      );
    });
  };
  return { print, note };
}
