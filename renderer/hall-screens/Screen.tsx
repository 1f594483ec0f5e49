import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueBoard } from '../../shared/center-api';
import { hallCenter } from './center';
import { announce, canSpeak } from './Speaker';
import { usePoll } from './usePoll';

// Issue 17: the hall's big screen (叫号屏) — the call now being made in large type, the calls
// before it, and every window's state; each new call is said aloud once it appears.

const stateLabels = { idle: '空闲', calling: '叫号中', paused: '暂停服务' } as const;

/**
 * The calls not yet announced, oldest first. By sequence number seen, not "after the last one":
 * two center processes may commit calls out of their number order, and a late lower number must
 * still be heard.
 */
function unheard(board: QueueBoard, heard: Set<number>) {
  return board.calls.filter((c) => !heard.has(c.seq)).sort((a, b) => a.seq - b.seq);
}

export function Screen() {
  const load = useCallback(() => hallCenter.board(), []);
  const { value: board, error } = usePoll(load, 1500);
  const heard = useRef<Set<number> | null>(null);
  const [voice, setVoice] = useState(false);
  const [lastSaid, setLastSaid] = useState('');

  useEffect(() => {
    if (!board) return;
    // what was called before the screen was switched on is history, not news
    if (heard.current === null) {
      heard.current = new Set(board.calls.map((c) => c.seq));
      return;
    }
    for (const call of unheard(board, heard.current)) {
      heard.current.add(call.seq);
      if (voice) announce(call.text);
      setLastSaid(call.text);
    }
  }, [board, voice]);

  // the large number is the call still being made; once it is finished the screen waits
  const [latest, ...before] = board?.calls ?? [];
  const now = latest?.current ? latest : undefined;
  const earlier = now ? before : (board?.calls ?? []);
  return (
    <main className="screen">
      <header className="screen-header">
        <h1>{board?.centerName ?? '政务服务中心'}</h1>
        <span className="screen-waiting">
          等候 <b>{board?.waiting ?? 0}</b> 人
        </span>
      </header>
      {error && <p className="screen-error">{error}</p>}
      <section className="screen-now" aria-label="正在叫号">
        {now ? (
          <>
            <p className="screen-now-number" data-testid="now-number">
              {now.number}
            </p>
            <p className="screen-now-text">{now.text}</p>
          </>
        ) : (
          <p className="screen-now-text">欢迎光临，请取号等候</p>
        )}
      </section>
      <div className="screen-body">
        <section className="screen-calls" aria-label="最近叫号">
          <h2>最近叫号</h2>
          <ol>
            {earlier.map((c) => (
              <li key={c.seq}>
                <b>{c.number}</b> → {c.windowName}
                {c.kind === 'recall' && <em>（重呼）</em>}
              </li>
            ))}
          </ol>
        </section>
        <section className="screen-windows" aria-label="窗口状态">
          <h2>窗口</h2>
          <ul>
            {board?.windows.map((w) => (
              <li key={w.code} className={`screen-window ${w.state}`} data-window={w.code}>
                <span className="screen-window-name">{w.name}</span>
                <span className="screen-window-number">{w.number ?? ''}</span>
                <span className="screen-window-state">{stateLabels[w.state]}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      {canSpeak() && !voice && (
        <button type="button" className="screen-voice" onClick={() => setVoice(true)}>
          点击开启语音播报
        </button>
      )}
      <p className="visually-hidden" aria-live="assertive" data-testid="last-said">
        {lastSaid}
      </p>
    </main>
  );
}
