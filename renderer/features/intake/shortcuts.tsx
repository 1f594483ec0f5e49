import { Popover, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { M } from './messages';

// Keyboard-first counter work: one window listener, layers of bindings. The newest layer answers
// first; a modal layer swallows every chord so a page shortcut can't fire behind an open dialog.

export type Binding = { combo: string; run: () => void; when?: boolean };
type Layer = { bindings: () => readonly Binding[]; modal: boolean };

const layers: Layer[] = [];

const keyName: Record<string, string> = { Enter: 'Enter', Escape: 'Esc' };

/** "Ctrl+Enter", "Alt+1", "Alt+A", "Esc", "F2" — from e.code, so keyboard layouts don't matter. */
export function comboOf(e: KeyboardEvent): string | null {
  let key: string | undefined;
  if (/^Digit\d$/.test(e.code)) key = e.code.slice(5);
  else if (/^Key[A-Z]$/.test(e.code)) key = e.code.slice(3);
  else if (/^F([1-9]|1[0-2])$/.test(e.key)) key = e.key;
  else key = keyName[e.key];
  if (!key) return null;
  const ctrl = e.ctrlKey || e.metaKey;
  // a function key is a chord by itself (F2 reads the ID card): it types nothing into a field
  if (!ctrl && !e.altKey && key !== 'Esc' && !/^F\d+$/.test(key)) return null;
  return [ctrl ? 'Ctrl' : '', e.altKey ? 'Alt' : '', e.shiftKey ? 'Shift' : '', key]
    .filter(Boolean)
    .join('+');
}

function onKeyDown(e: KeyboardEvent) {
  const combo = comboOf(e);
  if (!combo) return;
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    if (!layer) continue;
    const binding = layer.bindings().find((b) => b.combo === combo && b.when !== false);
    if (binding) {
      e.preventDefault();
      e.stopPropagation();
      binding.run();
      return;
    }
    if (layer.modal) return;
  }
}

if (typeof window !== 'undefined') window.addEventListener('keydown', onKeyDown, true);

/** Registers chords while the component is mounted (and `active`). */
export function useShortcuts(
  bindings: readonly Binding[],
  opts: { modal?: boolean; active?: boolean } = {},
) {
  const ref = useRef(bindings);
  ref.current = bindings;
  const active = opts.active ?? true;
  const modal = opts.modal ?? false;
  useEffect(() => {
    if (!active) return;
    const layer: Layer = { bindings: () => ref.current, modal };
    layers.push(layer);
    return () => {
      const i = layers.indexOf(layer);
      if (i >= 0) layers.splice(i, 1);
    };
  }, [active, modal]);
}

/** The chord printed on a button, so the clerk learns it by using the mouse once. */
export function Kbd({ children }: { children: string }) {
  return (
    <span
      aria-hidden
      style={{
        marginLeft: 6,
        padding: '0 4px',
        fontSize: 11,
        lineHeight: '16px',
        border: '1px solid currentColor',
        borderRadius: 3,
        opacity: 0.65,
        fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
      }}
    >
      {children}
    </span>
  );
}

export function ShortcutHelp({ m }: { m: M }) {
  const list: [string, string][] = [
    ['Alt+1', m('sc_item')],
    ['Alt+2', m('sc_applicant')],
    ['F2', m('sc_idCard')],
    ['Alt+3', m('sc_materials')],
    ['1 / 2 / 3', m('sc_rows')],
    ['Ctrl+Enter', m('sc_submit')],
    ['Alt+A', m('sc_accept')],
    ['Alt+N', m('sc_notice')],
    ['Alt+R', m('sc_refuse')],
    ['Alt+W', m('sc_withdraw')],
    ['Alt+P', m('sc_print')],
    ['Esc', m('sc_back')],
  ];
  const content = (
    <table data-testid="shortcut-help" style={{ borderSpacing: '12px 4px' }}>
      <tbody>
        {list.map(([k, v]) => (
          <tr key={k}>
            <td>
              <Typography.Text keyboard>{k}</Typography.Text>
            </td>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Popover
      content={content}
      title={m('shortcuts')}
      trigger={['hover', 'click']}
      placement="bottomRight"
    >
      <Typography.Link>⌨ {m('shortcuts')}</Typography.Link>
    </Popover>
  );
}
