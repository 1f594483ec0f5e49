import { useEffect, useState } from 'react';
import type { ServiceItem } from '../../../shared/catalog';
import type { CaseDocument } from '../../../shared/documents';
import { call } from '../../api';
import { useSession } from '../../stores/session';
import { CaseNotice } from './CaseNotice';
import { DeadlineChangeNotice } from './DeadlineChangeNotice';
import { Desk, Status, type Loaded } from './Desk';
import { documentTitle } from './labels';
import { ServiceGuide } from './ServiceGuide';

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
  return <DocumentSheet shows={`${caseId}/${eventId}`} doc={doc} />;
}

/**
 * A notice or decision on the desk, as 打印 prints it: the window's print page, and the page the
 * case archive's Chromium prints to PDF (ArchiveSheet), so both are the same layout.
 */
export function DocumentSheet({ shows, doc }: { shows: string; doc: Loaded<CaseDocument> }) {
  return (
    <Desk
      shows={shows}
      loaded={doc.state === 'ok'}
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
    <Desk
      shows={`guide/${itemCode}`}
      loaded={item.state === 'ok'}
      pdfName={`办事指南-${itemCode}`}
      request={{ kind: 'guide' }}
    >
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
