import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

// Elements the page needs and that carry no applicant data: left where they are.
const keptTags = new Set(['SCRIPT', 'STYLE', 'LINK', 'TEMPLATE']);

/**
 * Keeps its children mounted — a half-filled intake form, its state, its running countdowns —
 * while taking every element of theirs out of the document when locked: nothing of an
 * applicant is visible, selectable or readable in the DOM behind the lock screen. The children
 * always render into the same detached-able element (a portal), which is put back on unlock; the
 * dialogs and dropdowns antd places directly in <body> are taken out and put back with it.
 */
export function Lockable({ locked, children }: { locked: boolean; children: ReactNode }) {
  const [host] = useState(() => {
    const el = document.createElement('div');
    el.style.height = '100%';
    return el;
  });
  const slot = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const place = slot.current;
    if (!place) return;
    if (!locked) {
      place.appendChild(host);
      return;
    }
    host.remove();
    const appRoot = place.closest('body > *');
    const overlays = Array.from(document.body.children).filter(
      (el) => el !== appRoot && !keptTags.has(el.tagName),
    );
    for (const el of overlays) el.remove();
    return () => {
      for (const el of overlays) document.body.appendChild(el);
    };
  }, [locked, host]);

  return (
    <div ref={slot} style={{ height: '100%' }}>
      {createPortal(children, host)}
    </div>
  );
}
