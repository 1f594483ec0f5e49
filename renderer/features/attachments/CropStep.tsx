import { Alert, Typography } from 'antd';
import { useRef } from 'react';
import { quadProblem, type Quad } from '../../../shared/scan/geometry';
import { nudgeCorner, placeCorner } from './crop';
import type { AttachmentM } from './messages';

const handle = 22;

/**
 * The still with the page's four corners on it: dragged with the mouse, or moved with the arrow
 * keys once a corner has focus (Tab goes round them). Main straightens the page from them.
 */
export function CropStep({
  m,
  url,
  width,
  height,
  quad,
  found,
  onChange,
  maxWidth = 720,
  maxHeight = 440,
}: {
  m: AttachmentM;
  url: string;
  width: number;
  height: number;
  quad: Quad;
  found: boolean;
  onChange: (q: Quad) => void;
  maxWidth?: number;
  maxHeight?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const scale = Math.min(maxWidth / width, maxHeight / height);
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  const problem = quadProblem(quad, width, height);
  const drag = (index: number, e: React.PointerEvent) => {
    const r = box.current!.getBoundingClientRect();
    onChange(
      placeCorner(
        quad,
        index,
        { x: (e.clientX - r.left) / scale, y: (e.clientY - r.top) / scale },
        width,
        height,
      ),
    );
  };
  return (
    <div>
      <Typography.Paragraph style={{ marginBottom: 6 }}>
        <Typography.Text strong>{m('cropTitle')}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
          {found ? m('cropFound') : m('cropNotFound')} · {m('cropHint')}
        </Typography.Text>
      </Typography.Paragraph>
      <div
        ref={box}
        data-testid="crop-area"
        style={{
          position: 'relative',
          width: w,
          height: h,
          userSelect: 'none',
          touchAction: 'none',
        }}
      >
        <img src={url} alt="" width={w} height={h} draggable={false} style={{ display: 'block' }} />
        <svg width={w} height={h} style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }}>
          <polygon
            points={quad.map((p) => `${p.x * scale},${p.y * scale}`).join(' ')}
            fill="rgba(22,119,255,0.12)"
            stroke={problem ? '#cf1322' : '#1677ff'}
            strokeWidth={2}
          />
        </svg>
        {quad.map((p, i) => (
          <div
            key={i}
            role="button"
            tabIndex={0}
            aria-label={m(`corner_${i}` as 'corner_0')}
            data-testid={`crop-corner-${i}`}
            data-x={Math.round(p.x)}
            data-y={Math.round(p.y)}
            onPointerDown={(e) => {
              e.currentTarget.setPointerCapture(e.pointerId);
              e.currentTarget.focus();
            }}
            onPointerMove={(e) => {
              if (e.currentTarget.hasPointerCapture(e.pointerId)) drag(i, e);
            }}
            onKeyDown={(e) => {
              const moved = nudgeCorner(quad, i, e.key, e.shiftKey, width, height);
              if (!moved) return;
              e.preventDefault();
              onChange(moved);
            }}
            className="crop-corner"
            style={{
              position: 'absolute',
              left: p.x * scale - handle / 2,
              top: p.y * scale - handle / 2,
              width: handle,
              height: handle,
              borderRadius: '50%',
              background: '#fff',
              border: '3px solid #1677ff',
              boxShadow: '0 0 0 1px #fff',
              cursor: 'move',
            }}
          />
        ))}
      </div>
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={problem}
          data-testid="crop-problem"
        />
      )}
    </div>
  );
}
