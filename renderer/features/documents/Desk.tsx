import { Alert, Button, Spin } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { PrintRequest } from '../../../shared/print/routing';
import { usePaper } from '../print/usePaper';
import { useDocumentMessages } from './messages';

export type Loaded<T> =
  { state: 'loading' } | { state: 'ok'; value: T } | { state: 'error'; message: string };

/**
 * Loads every face of the embedded Noto Sans SC the sheet's text needs. The font comes in woff2
 * slices by character range, fetched when a character is first drawn: printed before they have
 * arrived, lines set in the fallback font are wider and a full notice spilled onto a second sheet.
 */
async function loadSheetFonts(sheet: HTMLElement): Promise<void> {
  const text = sheet.textContent ?? '';
  await Promise.all(
    ['400', '700'].map((weight) => document.fonts.load(`${weight} 11pt "Noto Sans SC"`, text)),
  );
  await document.fonts.ready;
}

/**
 * The grey desk with the toolbar (hidden on paper) around one A4 sheet. 打印 and 保存PDF wait
 * until the sheet is loaded and its fonts have arrived; `data-ready` says so to a test.
 */
export function Desk({
  children,
  shows,
  loaded,
  pdfName,
  request,
}: {
  children: ReactNode;
  /** which document the desk holds ('caseId/eventId', 'guide/ITEM'): a test waits for this one */
  shows: string;
  /** the sheet is on the desk (not the spinner, not an error) */
  loaded: boolean;
  pdfName: string;
  /** what 打印 sends: the kind picks the printer in the window's settings */
  request: PrintRequest;
}) {
  const m = useDocumentMessages();
  const desk = useRef<HTMLDivElement>(null);
  const [fontsIn, setFontsIn] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const paper = usePaper(request);
  useEffect(() => {
    if (!loaded || !desk.current) return;
    let live = true;
    void loadSheetFonts(desk.current).then(() => live && setFontsIn(true));
    return () => {
      live = false;
    };
  }, [loaded]);
  const ready = loaded && fontsIn;
  const savePdf = async () => {
    const result = await window.hallPrint?.toPdf(pdfName);
    if (result?.ok && result.path) setSaved(result.path);
  };
  return (
    <div className="a4-desk" data-document={shows} data-ready={ready} ref={desk}>
      <div className="a4-toolbar" role="toolbar">
        {/* history.back keeps the in-memory session: the case page comes back as it was */}
        <Button onClick={() => history.back()}>{m('back')}</Button>
        <Button type="primary" disabled={!ready} onClick={paper.print}>
          {m('print')}
        </Button>
        {window.hallPrint && (
          <Button disabled={!ready} onClick={() => void savePdf()}>
            {m('savePdf')}
          </Button>
        )}
        <span className="a4-toolbar-hint" data-testid="print-note">
          {saved ? m('savedTo', { path: saved }) : (paper.note ?? m('hint'))}
        </span>
      </div>
      {children}
    </div>
  );
}

/** The spinner, the error, or the sheet of what was loaded. */
export function Status<T>({ loaded, render }: { loaded: Loaded<T>; render: (v: T) => ReactNode }) {
  const m = useDocumentMessages();
  if (loaded.state === 'loading')
    return <Spin style={{ display: 'block', marginTop: 96 }} description={m('loading')} />;
  if (loaded.state === 'error')
    return (
      <Alert
        type="error"
        showIcon
        title={m('notFound')}
        description={loaded.message}
        style={{ maxWidth: 640, margin: '48px auto' }}
      />
    );
  return <>{render(loaded.value)}</>;
}
