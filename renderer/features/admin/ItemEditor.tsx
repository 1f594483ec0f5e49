import { Alert, Button, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiResult } from '../../../shared/api';
import { serviceItemSchema, type ServiceItem } from '../../../shared/catalog';
import { useAdminMessages } from './messages';

type Problem = { path: string; message: string };

// What a new item starts from: every required key, so the manager fills in rather than recalls.
const template = (departmentCode: string) => ({
  code: `${departmentCode}-001`,
  name: '',
  initials: '',
  // part R of issue 16: what applicants call the item, each with its pinyin initials
  aliases: [],
  // issue 17 part 3: the life events the public guide lists the item under
  lifeEvents: [],
  departmentCode,
  legalBasis: [''],
  conditions: [''],
  materials: [
    { id: 'id-card', name: '申请人身份证件', required: true, form: 'original', count: 1 },
  ],
  procedure: ['收件', '受理', '审查', '决定', '送达'],
  promisedDays: 5,
  statutoryDays: 20,
  statutoryUnit: 'workingDays',
  statutoryBasis: '《中华人民共和国行政许可法》第四十二条第一款',
  extensionDays: 10,
  extensionBasis: '《中华人民共和国行政许可法》第四十二条第一款',
  extensionApprover: 'agencyHead',
  publicationPausesStatutory: false,
  validity: { kind: 'decided' },
  sampleForm: '',
  quantityLimit: '无数量限制',
  joint: false,
  reviewMode: 'single',
  fee: { standard: '不收费', basis: '' },
  contact: { phone: '029-', address: '' },
});

/** The catalog speaks both languages ('… / …'); the manager reads the Chinese half. */
const chineseHalf = (message: string) => message.split(' / ')[0] ?? message;

/** The problems this PC can find by itself, all at once: the center reports only the first. */
function check(text: string, syntax: (reason: string) => string): Problem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [{ path: '', message: syntax(error instanceof Error ? error.message : String(error)) }];
  }
  const parsed = serviceItemSchema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: chineseHalf(i.message),
  }));
}

export type ItemEditing =
  { mode: 'create'; departmentCode: string } | { mode: 'edit'; item: ServiceItem };

/**
 * The catalog is kept as JSON by tradition: the editor is that JSON, checked here against the
 * catalog's schema and then by the center against the whole catalog, each problem with its path.
 */
export function ItemEditor({
  editing,
  save,
  onDone,
  onCancel,
}: {
  editing: ItemEditing | null;
  save: (item: Record<string, unknown>) => Promise<ApiResult<unknown>>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const m = useAdminMessages();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!editing) return;
    const start = editing.mode === 'edit' ? editing.item : template(editing.departmentCode);
    setText(JSON.stringify(start, null, 2));
    setProblems([]);
  }, [editing]);

  const submit = async () => {
    const found = check(text, (reason) => m('jsonSyntax', { reason }));
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    const r = await save(JSON.parse(text) as Record<string, unknown>);
    setBusy(false);
    if (r.ok) onDone();
    else
      setProblems([
        { path: (r.error.field ?? '').replace(/^item\.?/, ''), message: r.error.message },
      ]);
  };

  return (
    <Modal
      open={editing !== null}
      title={editing?.mode === 'edit' ? m('editItem', { code: editing.item.code }) : m('addItem')}
      onCancel={onCancel}
      width={820}
      style={{ top: 24 }}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {m('cancel')}
        </Button>,
        <Button key="save" type="primary" loading={busy} onClick={() => void submit()}>
          {m('save')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        {m('itemJsonHint')}
        <br />
        {m('itemAliasesHint')}
        <br />
        {m('itemLifeEventsHint')}
      </Typography.Paragraph>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={m('itemProblems')}
          data-testid="item-problems"
          style={{ marginBottom: 12 }}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p, i) => (
                <li key={i}>
                  {p.path && <Typography.Text code>{p.path}</Typography.Text>} {p.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Input.TextArea
        aria-label={m('itemJson')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
        // sized to the screen so the buttons stay in view at 1366×768 with the problems shown
        style={{
          height: 'calc(100vh - 404px)',
          minHeight: 200,
          fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
          fontSize: 13,
        }}
        data-testid="item-json"
      />
    </Modal>
  );
}
