import { Input, Select } from 'antd';
import type { TextAreaProps } from 'antd/es/input';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { DepartmentPhrases, PhraseKind } from '../../../shared/catalog';
import { call } from '../../api';
import { defineMessages } from '../../i18n';

const useM = defineMessages({
  zh: {
    insert: '插入常用语…',
  },
  en: {
    insert: 'Insert a phrase…',
  },
});

type Props = Omit<TextAreaProps, 'onChange' | 'value'> & {
  kind: PhraseKind;
  value?: string;
  /** an event from typing, the new text from an inserted phrase (antd Form and react-hook-form take both) */
  onChange?: (value: string | ChangeEvent<HTMLTextAreaElement>) => void;
};

/** The department's 常用语 of `kind`, as this PC holds them (none until they are read). */
export function usePhrases(kind: PhraseKind): readonly string[] {
  const [phrases, setPhrases] = useState<DepartmentPhrases | null>(null);
  useEffect(() => {
    let live = true;
    void call('phrases.list', {}).then((r) => live && r.ok && setPhrases(r.value));
    return () => {
      live = false;
    };
  }, []);
  return phrases?.[kind] ?? [];
}

/**
 * Part W of issue 16: a text area with the department's 常用语 of `kind` beside it. A phrase goes
 * in at the cursor (or over the selection), the cursor after it, and the clerk goes on typing:
 * the phrase is a start, never the whole text. The picker is a searchable select, reached by Tab
 * from the field: type to filter, arrows, Enter. Without phrases of the kind, only the text area.
 */
export function PhraseTextArea({ kind, value = '', onChange, id, ...rest }: Props) {
  const m = useM();
  const list = usePhrases(kind);
  // whether the clerk has been in the text area: before that its cursor means nothing
  const visited = useRef(false);

  const insert = (phrase: string) => {
    const area = id ? (document.getElementById(id) as HTMLTextAreaElement | null) : null;
    // never visited: the phrase goes at the end
    const start = area && visited.current ? area.selectionStart : value.length;
    const end = area && visited.current ? area.selectionEnd : value.length;
    const next = value.slice(0, start) + phrase + value.slice(end);
    onChange?.(next);
    visited.current = true;
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + phrase.length, start + phrase.length);
    });
  };

  return (
    <>
      <Input.TextArea
        id={id}
        value={value}
        onChange={(e) => onChange?.(e)}
        {...rest}
        onFocus={(e) => {
          visited.current = true;
          rest.onFocus?.(e);
        }}
      />
      {list.length > 0 && (
        <Select<string>
          size="small"
          showSearch
          value={null}
          placeholder={m('insert')}
          // the field's own label stays the field's: tests and screen readers find it by that name
          aria-label={m('insert')}
          data-testid={`phrases-${kind}`}
          style={{ marginTop: 4, width: '100%', maxWidth: 420 }}
          popupMatchSelectWidth={false}
          options={list.map((p, i) => ({ value: String(i), label: p }))}
          filterOption={(input, option) =>
            (list[Number(option?.value)] ?? '').includes(input.trim())
          }
          onChange={(v) => {
            const phrase = list[Number(v)];
            if (phrase !== undefined) insert(phrase);
          }}
        />
      )}
    </>
  );
}
