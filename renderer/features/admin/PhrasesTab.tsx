import { Button, Form, Input, Popconfirm, Segmented, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../shared/api';
import { phraseKinds, phraseLimits, type PhraseKind } from '../../../shared/catalog';
import { defineMessages } from '../../i18n';
import { adminCall, useCenterQuery } from './center';
import { FormModal } from './FormModal';
import { useAdminMessages } from './messages';
import { SaveError, TabFrame } from './TabFrame';

const useM = defineMessages({
  zh: {
    hint: '每个部门的常用语在该部门窗口的相应填写框旁提供，窗口人员选用后可继续修改。修改随下次同步下发到该部门的终端。',
    department: '部门',
    kind_refusalReason: '不予受理理由',
    kind_denyReason: '不予许可理由',
    kind_legalBasis: '法律依据',
    kind_supplementNote: '补正内容说明',
    kind_reviewOpinion: '审查意见',
    text: '常用语',
    add: '新增常用语',
    edit: '修改常用语',
    up: '上移',
    down: '下移',
    removeConfirm: '删除这条常用语？',
    empty: '该类别还没有常用语',
    limit: '每条不超过 {max} 字，每类最多 {n} 条',
  },
  en: {
    hint: "Each department's phrases are offered beside the matching fields at its windows; the clerk can edit a phrase after inserting it. Changes reach the department's terminals with the next sync.",
    department: 'Department',
    kind_refusalReason: 'Refusal reasons',
    kind_denyReason: 'Denial reasons',
    kind_legalBasis: 'Legal basis',
    kind_supplementNote: 'Supplement notes',
    kind_reviewOpinion: 'Review opinions',
    text: 'Phrase',
    add: 'Add a phrase',
    edit: 'Edit the phrase',
    up: 'Up',
    down: 'Down',
    removeConfirm: 'Delete this phrase?',
    empty: 'No phrases of this kind yet',
    limit: 'At most {max} characters each, {n} per kind',
  },
});

type Editing = { index: number | null; text: string };

/**
 * Part W of issue 16: 常用语 per department and kind. Every change sends the kind's list as it now
 * stands; the center checks each phrase (empty, too long, repeated) and names its index.
 */
export function PhrasesTab() {
  const m = useM();
  const departments = useCenterQuery('admin.departments.list', {});
  const [picked, setPicked] = useState<string | null>(null);
  const [kind, setKind] = useState<PhraseKind>('refusalReason');
  const code = picked ?? departments.data?.[0]?.code ?? null;
  return (
    <TabFrame error={departments.error} onRetry={departments.reload}>
      <Typography.Paragraph type="secondary">{m('hint')}</Typography.Paragraph>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
        <Select
          aria-label={m('department')}
          showSearch
          optionFilterProp="label"
          style={{ width: 220 }}
          value={code}
          loading={departments.loading}
          options={(departments.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
          onChange={setPicked}
          data-testid="phrases-department"
        />
        <Segmented<PhraseKind>
          value={kind}
          onChange={setKind}
          options={phraseKinds.map((k) => ({ value: k, label: m(`kind_${k}`) }))}
        />
      </div>
      {code && <PhraseList key={code} code={code} kind={kind} />}
    </TabFrame>
  );
}

function PhraseList({ code, kind }: { code: string; kind: PhraseKind }) {
  const am = useAdminMessages();
  const m = useM();
  const phrases = useCenterQuery('admin.phrases.get', { departmentCode: code });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const list = phrases.data?.[kind] ?? [];

  const save = (next: string[]) =>
    adminCall('admin.phrases.set', { departmentCode: code, kind, phrases: next });
  const change = async (next: string[]) => {
    const r = await save(next);
    setError(r.ok ? null : r.error);
    phrases.reload();
  };
  const moved = (i: number, by: -1 | 1) => {
    const next = [...list];
    const [p] = next.splice(i, 1);
    next.splice(i + by, 0, p!);
    return next;
  };

  return (
    <div data-testid="phrases-list">
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 8 }}>
        <Button type="primary" onClick={() => setEditing({ index: null, text: '' })}>
          {m('add')}
        </Button>
        <Typography.Text type="secondary">
          {m('limit', { max: phraseLimits.maxLength, n: phraseLimits.perKind })}
        </Typography.Text>
      </div>
      <SaveError error={error ?? phrases.error} />
      <Table<{ i: number; text: string }>
        rowKey="i"
        size="small"
        loading={phrases.loading}
        pagination={false}
        locale={{ emptyText: m('empty') }}
        dataSource={list.map((text, i) => ({ i, text }))}
        columns={[
          { title: '#', width: 48, render: (_, r) => r.i + 1 },
          {
            title: m('text'),
            dataIndex: 'text',
            render: (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>,
          },
          {
            title: am('actions'),
            width: 260,
            render: (_, r) => (
              <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
                <Button size="small" onClick={() => setEditing({ index: r.i, text: r.text })}>
                  {am('edit')}
                </Button>
                <Button
                  size="small"
                  disabled={r.i === 0}
                  onClick={() => void change(moved(r.i, -1))}
                >
                  {m('up')}
                </Button>
                <Button
                  size="small"
                  disabled={r.i === list.length - 1}
                  onClick={() => void change(moved(r.i, 1))}
                >
                  {m('down')}
                </Button>
                <Popconfirm
                  title={m('removeConfirm')}
                  okText={am('delete')}
                  cancelText={am('cancel')}
                  onConfirm={() => void change(list.filter((_, i) => i !== r.i))}
                >
                  <Button size="small" danger>
                    {am('delete')}
                  </Button>
                </Popconfirm>
              </div>
            ),
          },
        ]}
      />
      <FormModal<{ text: string }>
        title={editing?.index === null ? m('add') : m('edit')}
        open={editing !== null}
        initialValues={{ text: editing?.text ?? '' }}
        testId="phrase-form"
        submit={({ text }) =>
          save(
            editing?.index === null || editing === null
              ? [...list, text]
              : list.map((p, i) => (i === editing.index ? text : p)),
          )
        }
        onDone={() => {
          setEditing(null);
          phrases.reload();
        }}
        onCancel={() => setEditing(null)}
      >
        <Form.Item
          name="text"
          label={m(`kind_${kind}`)}
          rules={[{ required: true, whitespace: true, message: am('required') }]}
        >
          <Input.TextArea rows={4} maxLength={phraseLimits.maxLength} showCount autoFocus />
        </Form.Item>
      </FormModal>
    </div>
  );
}
