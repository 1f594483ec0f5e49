import { Button, Card, Input, Radio, Tag, Tooltip, Typography } from 'antd';
import { useRef } from 'react';
import type { OpenCase } from '../../../shared/case';
import { useRuleSentence } from '../../i18n/errors';
import { lockedByNotice, type Mark, type Marks } from './checklist-model';
import type { M } from './messages';
import { Kbd } from './shortcuts';
import { usePhrases } from '../phrases/PhraseTextArea';
import { ScanButton } from '../attachments/MaterialScans';

const notesListId = 'phrases-supplementNote';

type Props = {
  m: M;
  state: OpenCase;
  marks: Marks;
  errors: Record<string, string>;
  onMark: (materialId: string, mark: Mark) => void;
  onAllReceived: () => void;
  onSave: () => void;
  saving: boolean;
  editable: boolean;
  firstRowRef: React.RefObject<HTMLDivElement | null>;
  /** issue 18: a material's scans were saved; the case is read again, the marks kept */
  onAttached: () => void;
};

const statusColor = {
  received: 'green',
  missing: 'red',
  defective: 'orange',
  pending: 'default',
} as const;

/** Every material of the item: required/optional, original/copy, count, and what the clerk found. */
export function Checklist({
  m,
  state,
  marks,
  errors,
  onMark,
  onAllReceived,
  onSave,
  saving,
  editable,
  firstRowRef,
  onAttached,
}: Props) {
  const ruleSentence = useRuleSentence();
  const notes = usePhrases('supplementNote');
  const rows = useRef<(HTMLDivElement | null)[]>([]);
  const defects = useRef<Record<string, HTMLInputElement | null>>({});
  const specs = new Map(state.item.materials.map((s) => [s.id, s]));

  const onRowKey = (e: React.KeyboardEvent, index: number, materialId: string) => {
    if (
      (e.target as HTMLElement).tagName === 'INPUT' &&
      (e.target as HTMLInputElement).type === 'text'
    )
      return;
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const mark = marks[materialId] ?? { status: null, defect: '' };
    const set = (status: Mark['status']) => {
      e.preventDefault();
      onMark(materialId, { ...mark, status });
      if (status === 'defective') setTimeout(() => defects.current[materialId]?.focus(), 0);
      else rows.current[index + 1]?.focus();
    };
    if (e.key === '1') set('received');
    else if (e.key === '2') set('missing');
    else if (e.key === '3') set('defective');
    else if (e.key === 'ArrowDown') {
      e.preventDefault();
      rows.current[index + 1]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      rows.current[index - 1]?.focus();
    }
  };

  return (
    <Card
      size="small"
      title={
        <>
          <span>{m('checklistTitle')}</span>
          <Kbd>Alt+3</Kbd>
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12, fontWeight: 400, marginLeft: 12 }}
          >
            {m('checklistHint')}
          </Typography.Text>
        </>
      }
      extra={
        editable && (
          <Button size="small" onClick={onAllReceived}>
            {m('allReceived')}
          </Button>
        )
      }
    >
      <div role="table" aria-label={m('checklistTitle')} data-testid="checklist">
        {state.materials.map((mat, i) => {
          const spec = specs.get(mat.materialId);
          const mark = marks[mat.materialId] ?? { status: null, defect: '' };
          const locked = !editable || lockedByNotice(state, mat.materialId);
          return (
            <div
              key={mat.materialId}
              role="row"
              aria-label={mat.name}
              data-testid={`material-${mat.materialId}`}
              tabIndex={locked ? -1 : 0}
              ref={(el) => {
                rows.current[i] = locked ? null : el;
                if (
                  i === state.materials.findIndex((x) => !lockedByNotice(state, x.materialId)) &&
                  firstRowRef
                )
                  firstRowRef.current = el;
              }}
              onKeyDown={(e) => !locked && onRowKey(e, i, mat.materialId)}
              className="intake-material-row"
              style={{
                display: 'grid',
                gridTemplateColumns: '28px minmax(0,1fr) 150px 250px',
                gap: 10,
                alignItems: 'start',
                padding: '8px 6px',
                borderBottom: '1px solid #f0f0f0',
                outlineOffset: -2,
              }}
            >
              <Typography.Text type="secondary" style={{ paddingTop: 4 }}>
                {i + 1}
              </Typography.Text>
              <div style={{ paddingTop: 4, minWidth: 0 }}>
                <div>{mat.name}</div>
                {editable && (
                  <div style={{ marginTop: 4 }}>
                    <ScanButton caseId={state.caseId} material={mat} onSaved={onAttached} />
                  </div>
                )}
                {errors[mat.materialId] && (
                  <div role="alert" style={{ color: '#b3261e', fontSize: 12 }}>
                    {errors[mat.materialId]}
                  </div>
                )}
              </div>
              <div style={{ paddingTop: 4 }}>
                <Tag color={mat.required ? 'red' : 'default'}>
                  {mat.required ? m('required') : m('optional')}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {spec ? `${m(`form_${spec.form}`)} · ${m('copies', { n: spec.count })}` : ''}
                </Typography.Text>
              </div>
              <div>
                {locked ? (
                  <Tooltip title={editable ? ruleSentence('notice.newItems') : undefined}>
                    <Tag color={statusColor[mat.status]} style={{ marginTop: 4 }}>
                      {m(`st_${mat.status}`)}
                    </Tag>
                    {mat.defect && <Typography.Text type="secondary">{mat.defect}</Typography.Text>}
                  </Tooltip>
                ) : (
                  <>
                    <Radio.Group
                      size="small"
                      optionType="button"
                      buttonStyle="solid"
                      value={mark.status}
                      onChange={(e) =>
                        onMark(mat.materialId, {
                          ...mark,
                          status: e.target.value as Mark['status'],
                        })
                      }
                      options={[
                        { value: 'received', label: `1 ${m('st_received')}` },
                        { value: 'missing', label: `2 ${m('st_missing')}` },
                        { value: 'defective', label: `3 ${m('st_defective')}` },
                      ]}
                    />
                    {mark.status === 'defective' && (
                      <Input
                        size="small"
                        style={{ marginTop: 6 }}
                        aria-label={`${mat.name} ${m('defectPlaceholder')}`}
                        placeholder={m('defectPlaceholder')}
                        status={errors[mat.materialId] ? 'error' : ''}
                        value={mark.defect}
                        // the department's 补正内容说明 常用语, offered as the clerk types
                        list={notes.length > 0 ? notesListId : undefined}
                        ref={(el) => {
                          defects.current[mat.materialId] = el?.input ?? null;
                        }}
                        onChange={(e) =>
                          onMark(mat.materialId, { ...mark, defect: e.target.value })
                        }
                        onKeyDown={(e) => {
                          if (e.key === 'Enter' && !e.ctrlKey) {
                            e.preventDefault();
                            rows.current[i + 1]?.focus();
                          }
                        }}
                      />
                    )}
                  </>
                )}
              </div>
            </div>
          );
        })}
      </div>
      <datalist id={notesListId}>
        {notes.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {editable && (
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 10 }}>
          <Button onClick={onSave} loading={saving}>
            {m('saveChecklist')}
            <Kbd>Ctrl+Enter</Kbd>
          </Button>
        </div>
      )}
    </Card>
  );
}
