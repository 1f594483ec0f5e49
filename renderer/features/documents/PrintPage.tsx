import { Alert, Button, Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { ServiceItem } from '../../../shared/catalog';
import type { CaseDocument } from '../../../shared/documents';
import type { PrintRequest } from '../../../shared/print/routing';
import { call } from '../../api';
import { usePaper } from '../print/usePaper';
import { useSession } from '../../stores/session';
import { CaseNotice } from './CaseNotice';
import { DeadlineChangeNotice } from './DeadlineChangeNotice';
import { documentTitle } from './labels';
import { useDocumentMessages } from './messages';
import { ServiceGuide } from './ServiceGuide';

type Loaded<T> =
  { state: 'loading' } | { state: 'ok'; value: T } | { state: 'error'; message: string };

/** The grey desk with the toolbar (hidden on paper) around one A4 sheet. */
export function Desk({
  children,
  shows,
  pdfName,
  request,
}: {
  children: ReactNode;
  /** which document the desk holds ('caseId/eventId', 'guide/ITEM'): a test waits for this one */
  shows: string;
  pdfName: string;
  /** what 打印 sends: the kind picks the printer in the window's settings */
  request: PrintRequest;
}) {
  const m = useDocumentMessages();
  const [saved, setSaved] = useState<string | null>(null);
  const paper = usePaper(request);
  const savePdf = async () => {
    const result = await window.hallPrint?.toPdf(pdfName);
    if (result?.ok && result.path) setSaved(result.path);
  };
  return (
    <div className="a4-desk" data-document={shows}>
      <div className="a4-toolbar" role="toolbar">
        {/* history.back keeps the in-memory session: the case page comes back as it was */}
        <Button onClick={() => history.back()}>{m('back')}</Button>
        <Button type="primary" onClick={paper.print}>
          {m('print')}
        </Button>
        {window.hallPrint && <Button onClick={() => void savePdf()}>{m('savePdf')}</Button>}
        <span className="a4-toolbar-hint" data-testid="print-note">
          {saved ? m('savedTo', { path: saved }) : (paper.note ?? m('hint'))}
        </span>
      </div>
      {children}
    </div>
  );
}

function Status<T>({ loaded, render }: { loaded: Loaded<T>; render: (v: T) => ReactNode }) {
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

export function PrintPage({ caseId, eventId }: { caseId: string; eventId: string }) {
  const [doc, setDoc] = useState<Loaded<CaseDocument>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void call('documents.get', { caseId, eventId }).then((r) => {
      if (!live) return;
      setDoc(r.ok ? { state: 'ok', value: r.value } : { state: 'error', message: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [caseId, eventId]);
  return (
    <Desk
      shows={`${caseId}/${eventId}`}
      request={{ kind: doc.state === 'ok' ? doc.value.kind : 'acceptance' }}
      pdfName={
        doc.state === 'ok' ? `${documentTitle(doc.value)}-${doc.value.caseNumber}` : 'notice'
      }
    >
      <Status
        loaded={doc}
        render={(d) =>
          d.kind === 'deadlineChange' ? <DeadlineChangeNotice doc={d} /> : <CaseNotice doc={d} />
        }
      />
    </Desk>
  );
}

/** Today in Shanghai as 'YYYY-MM-DD', whatever zone the PC is set to. */
function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

export function GuidePage({ itemCode }: { itemCode: string }) {
  const session = useSession((s) => s.session);
  const [item, setItem] = useState<Loaded<ServiceItem>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void call('catalog.item', { code: itemCode }).then((r) => {
      if (!live) return;
      setItem(
        r.ok ? { state: 'ok', value: r.value } : { state: 'error', message: r.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, [itemCode]);
  return (
    <Desk shows={`guide/${itemCode}`} pdfName={`办事指南-${itemCode}`} request={{ kind: 'guide' }}>
      <Status
        loaded={item}
        render={(i) => (
          <ServiceGuide
            item={i}
            centerName={session?.centerName ?? ''}
            departmentName={session?.department?.name ?? i.departmentCode}
            date={shanghaiToday()}
          />
        )}
      />
    </Desk>
  );
}
