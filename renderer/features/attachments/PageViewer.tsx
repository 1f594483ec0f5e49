import { Alert, Button, Modal, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { Attachment } from '../../../shared/case';
import { blobUrl, usePage } from './pages';
import type { AttachmentM } from './messages';

const zoomSteps = [0.5, 0.75, 1, 1.5, 2, 3, 4];

/** One page at full size: zoom in and out (buttons or + / −) to read a seal or a small print. */
export function PageViewer({
  m,
  file,
  title,
  onClose,
}: {
  m: AttachmentM;
  file: Attachment | null;
  title: string;
  onClose: () => void;
}) {
  const view = usePage(file?.sha256 ?? null, 'full');
  const [zoom, setZoom] = useState(2);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => setZoom(2), [file?.sha256]);
  const page = view.state === 'ready' ? view.page : null;
  useEffect(() => {
    if (!page?.data) return;
    const u = blobUrl(page.data, page.mediaType);
    setUrl(u);
    return () => {
      URL.revokeObjectURL(u);
      setUrl(null);
    };
  }, [page]);
  const zoomBy = (d: number) => setZoom((z) => Math.min(zoomSteps.length - 1, Math.max(0, z + d)));
  const pdf = page?.mediaType === 'application/pdf';
  return (
    <Modal
      open={file !== null}
      title={title}
      width="min(1100px, 96vw)"
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      <div
        data-testid="page-viewer"
        data-media-type={page?.mediaType}
        tabIndex={0}
        onKeyDown={(e) => {
          if (e.key === '+' || e.key === '=') zoomBy(1);
          else if (e.key === '-') zoomBy(-1);
        }}
      >
        {!pdf && (
          <Space style={{ marginBottom: 8 }}>
            <Button onClick={() => zoomBy(-1)} disabled={zoom === 0}>
              {m('zoomOut')} −
            </Button>
            <Button onClick={() => setZoom(2)}>{m('zoomFit')}</Button>
            <Button onClick={() => zoomBy(1)} disabled={zoom === zoomSteps.length - 1}>
              {m('zoomIn')} +
            </Button>
            <span data-testid="page-zoom">{Math.round((zoomSteps[zoom] as number) * 100)}%</span>
          </Space>
        )}
        {view.state === 'loading' && <Spin style={{ display: 'block', margin: 48 }} />}
        {view.state === 'failed' && (
          <Alert type="error" showIcon title={m('loadFailed', { reason: view.message })} />
        )}
        {url &&
          (pdf ? (
            // Electron's own PDF viewer draws it; the bytes never leave the page
            <iframe title={title} src={url} style={{ width: '100%', height: '75vh', border: 0 }} />
          ) : (
            <div style={{ maxHeight: '75vh', overflow: 'auto', background: '#f5f5f5' }}>
              <img
                src={url}
                alt={title}
                style={{ width: `${(zoomSteps[zoom] as number) * 100}%`, display: 'block' }}
              />
            </div>
          ))}
      </div>
    </Modal>
  );
}
