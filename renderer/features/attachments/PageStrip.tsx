import { Button, Space, Spin, Tooltip } from 'antd';
import { useState } from 'react';
import type { Attachment } from '../../../shared/case';
import { usePage } from './pages';
import { PageViewer } from './PageViewer';
import type { AttachmentM } from './messages';

/** What the scan dialog lets the clerk do to a page; absent where pages are only looked at. */
export type PageEdits = {
  move: (index: number, by: -1 | 1) => void;
  remove: (index: number) => void;
  retake: (index: number) => void;
  retaking: number | null;
};

function Thumb({ m, file, height }: { m: AttachmentM; file: Attachment; height: number }) {
  const view = usePage(file.sha256, 'thumbnail');
  const box = {
    height,
    width: Math.round(height / Math.SQRT2),
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    background: '#fafafa',
    border: '1px solid #d9d9d9',
    overflow: 'hidden',
  } as const;
  if (view.state === 'loading')
    return (
      <div style={box}>
        <Spin size="small" />
      </div>
    );
  if (view.state === 'failed')
    return (
      <Tooltip title={view.message}>
        <div style={{ ...box, color: '#b3261e', fontSize: 12 }}>!</div>
      </Tooltip>
    );
  if (!view.page.data)
    return (
      <div
        style={{ ...box, flexDirection: 'column', fontSize: 11, padding: 2 }}
        data-testid="pdf-tile"
      >
        <strong style={{ color: '#b3261e' }}>PDF</strong>
        <span style={{ wordBreak: 'break-all', textAlign: 'center' }}>
          {file.name ?? m('pdfFile')}
        </span>
      </div>
    );
  return (
    <div style={box}>
      <img
        src={`data:${view.page.mediaType};base64,${view.page.data}`}
        alt=""
        data-testid="page-thumb"
        style={{ maxWidth: '100%', maxHeight: '100%' }}
      />
    </div>
  );
}

/** A material's pages in order, each a thumbnail that opens the full page. */
export function PageStrip({
  m,
  name,
  files,
  height = 96,
  edits,
}: {
  m: AttachmentM;
  name: string;
  files: readonly Attachment[];
  height?: number;
  edits?: PageEdits;
}) {
  // pages only looked at stay on one row and scroll: a material's row stays one thumbnail tall
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <div
        style={{
          display: 'flex',
          gap: 8,
          flexWrap: edits ? 'wrap' : 'nowrap',
          overflowX: edits ? undefined : 'auto',
          alignItems: 'flex-start',
        }}
        data-testid="page-strip"
      >
        {files.map((f, i) => (
          <figure
            key={f.sha256}
            data-testid="page-tile"
            data-sha256={f.sha256}
            aria-label={m('page', { n: i + 1 })}
            style={{
              margin: 0,
              padding: 2,
              outline: edits?.retaking === i ? '2px solid #fa8c16' : undefined,
            }}
          >
            <button
              type="button"
              onClick={() => setOpen(i)}
              aria-label={m('zoomTitle', { name, n: i + 1 })}
              style={{ padding: 0, border: 0, background: 'none', cursor: 'zoom-in' }}
            >
              <Thumb m={m} file={f} height={height} />
            </button>
            <figcaption style={{ fontSize: 12, textAlign: 'center', color: '#59636e' }}>
              {m('page', { n: i + 1 })}
            </figcaption>
            {edits && (
              <Space size={0}>
                <Button
                  size="small"
                  type="text"
                  aria-label={`${m('page', { n: i + 1 })} ${m('moveLeft')}`}
                  disabled={i === 0}
                  onClick={() => edits.move(i, -1)}
                >
                  ←
                </Button>
                <Button
                  size="small"
                  type="text"
                  aria-label={`${m('page', { n: i + 1 })} ${m('retake')}`}
                  onClick={() => edits.retake(i)}
                >
                  {m('retakeShort')}
                </Button>
                <Button
                  size="small"
                  type="text"
                  danger
                  aria-label={`${m('page', { n: i + 1 })} ${m('remove')}`}
                  onClick={() => edits.remove(i)}
                >
                  {m('removeShort')}
                </Button>
                <Button
                  size="small"
                  type="text"
                  aria-label={`${m('page', { n: i + 1 })} ${m('moveRight')}`}
                  disabled={i === files.length - 1}
                  onClick={() => edits.move(i, 1)}
                >
                  →
                </Button>
              </Space>
            )}
          </figure>
        ))}
      </div>
      <PageViewer
        m={m}
        file={open === null ? null : (files[open] ?? null)}
        title={m('zoomTitle', { name, n: (open ?? 0) + 1 })}
        onClose={() => setOpen(null)}
      />
    </>
  );
}
