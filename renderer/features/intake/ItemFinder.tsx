import { Input, Tag, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState, type Ref } from 'react';
import { matchedAlias, type ServiceItem } from '../../../shared/catalog';
import { call } from '../../api';
import type { M } from './messages';

type Props = {
  m: M;
  departmentCode: string | undefined;
  selected: ServiceItem | null;
  onSelect: (item: ServiceItem) => void;
  inputRef: Ref<InputRef>;
  error?: string | undefined;
};

/**
 * Search by name, pinyin initials, code or an alias over the window's department; ↑/↓ and Enter
 * pick.
 */
export function ItemFinder({ m, departmentCode, selected, onSelect, inputRef, error }: Props) {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<ServiceItem[]>([]);
  const [active, setActive] = useState(0);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      void call('catalog.items', {
        ...(query.trim() ? { query: query.trim() } : {}),
        ...(departmentCode ? { departmentCode } : {}),
      }).then((r) => {
        // a slower answer to an older query must not overwrite a newer one
        if (mine !== seq.current) return;
        setItems(r.ok ? r.value : []);
        setActive(0);
      });
    }, 120);
    return () => clearTimeout(timer);
  }, [query, departmentCode]);

  const pick = (item: ServiceItem | undefined) => {
    if (!item) return;
    onSelect(item);
    setQuery('');
  };

  const showList = query.trim() !== '' || !selected;

  return (
    <div>
      <Input
        ref={inputRef}
        autoFocus
        size="large"
        allowClear
        aria-label={m('finderTitle')}
        placeholder={m('finderPlaceholder')}
        value={query}
        status={error ? 'error' : ''}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, items.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter' && !e.ctrlKey && showList) {
            e.preventDefault();
            pick(items[active]);
          }
        }}
        suffix={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m('finderHint')}
          </Typography.Text>
        }
      />
      {error && (
        <div role="alert" style={{ color: '#b3261e', fontSize: 13, marginTop: 4 }}>
          {error}
        </div>
      )}
      {showList && (
        <ul
          role="listbox"
          aria-label={m('finderTitle')}
          style={{
            listStyle: 'none',
            margin: '8px 0 0',
            padding: 0,
            border: '1px solid #e5e7eb',
            borderRadius: 6,
            maxHeight: 236,
            overflowY: 'auto',
          }}
        >
          {items.length === 0 && (
            <li style={{ padding: '10px 12px', color: '#888' }}>{m('finderEmpty')}</li>
          )}
          {items.map((item, i) => (
            <li
              key={item.code}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(item);
              }}
              onMouseEnter={() => setActive(i)}
              style={{
                display: 'flex',
                gap: 12,
                alignItems: 'center',
                padding: '7px 12px',
                cursor: 'pointer',
                background: i === active ? '#fdf1f0' : undefined,
                borderLeft: `3px solid ${i === active ? '#b3261e' : 'transparent'}`,
              }}
            >
              <Typography.Text code style={{ flex: 'none' }}>
                {item.code}
              </Typography.Text>
              <span style={{ flex: 1, fontWeight: i === active ? 600 : 400 }}>{item.name}</span>
              <AliasTag m={m} item={item} query={query} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.initials}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <div
          data-testid="selected-item"
          style={{ marginTop: 10, display: 'flex', gap: 8, alignItems: 'center' }}
        >
          <Tag color="red" style={{ margin: 0 }}>
            {selected.code}
          </Tag>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {selected.name}
          </Typography.Text>
          <Typography.Text type="secondary">
            {m('timeLimitValue', {
              promised: selected.promisedDays,
              statutory: selected.statutoryDays,
            })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/** Part R of issue 16: the alias the query found the item by, so the clerk sees why it is listed. */
function AliasTag({ m, item, query }: { m: M; item: ServiceItem; query: string }) {
  const alias = matchedAlias(item, query);
  if (alias === undefined) return null;
  return (
    <Tag data-testid="item-alias" style={{ margin: 0, flex: 'none' }}>
      {m('finderAlias', { alias })}
    </Tag>
  );
}
