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

/** Move left, retake, remove, move right: under each page in the scan dialog. */
function TileActions({
  m,
  edits,
  index: i,
  last,
}: {
  m: AttachmentM;
  edits: PageEdits;
  index: number;
  last: boolean;
}) {
  const actions = [
    { label: '←', name: m('moveLeft'), run: () => edits.move(i, -1), off: i === 0 },
    { label: m('retakeShort'), name: m('retake'), run: () => edits.retake(i), off: false },
    { label: m('removeShort'), name: m('remove'), run: () => edits.remove(i), off: false },
    { label: '→', name: m('moveRight'), run: () => edits.move(i, 1), off: last },
  ];
  return (
    <Space size={0}>
      {actions.map((a) => (
        <Button
          key={a.name}
          size="small"
          type="text"
          danger={a.name === m('remove')}
          aria-label={`${m('page', { n: i + 1 })} ${a.name}`}
          disabled={a.off}
          onClick={a.run}
        >
          {a.label}
        </Button>
      ))}
    </Space>
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
            {edits && <TileActions m={m} edits={edits} index={i} last={i === files.length - 1} />}
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
