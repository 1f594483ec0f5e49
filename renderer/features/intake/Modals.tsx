import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Checkbox, Form, Input, List, Modal, Radio, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import {
  payloadSchemas,
  refusalGrounds,
  returnByHorizonDays,
  type CaseEventPayload,
  type MaterialState,
  type NoticeItem,
  type PageRef,
} from '../../../shared/case';
import type { ApiError } from '../../../shared/api';
import { addDays, shanghaiDate } from '../../../shared/calendar';
import type { IntakeSealMode } from '../../../shared/catalog';
import { useRuleSentence } from '../../i18n/errors';
import { localized } from '../../i18n/validation';
import { useSession } from '../../stores/session';
import type { M } from './messages';
import { Kbd, useShortcuts } from './shortcuts';
import { PhraseTextArea } from '../phrases/PhraseTextArea';
import { DefectPagePicker } from '../attachments/DefectPagePicker';

type Base = { m: M; open: boolean; busy: boolean; onCancel: () => void };

/**
 * The 受理专用章 of an acceptance, refusal or one-time notice (Art. 32), as the department does
 * it: printed, the notice draws it; by hand, the clerk ticks that the paper was stamped — the tick
 * is recorded on the event, and main refuses the event without it.
 */
function useIntakeSeal(m: M, open: boolean) {
  const mode: IntakeSealMode = useSession((s) => s.session?.department?.intakeSeal) ?? 'printed';
  const [confirmed, setConfirmed] = useState(false);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (open) {
      setConfirmed(false);
      setTried(false);
    }
  }, [open]);
  const ready = mode === 'printed' || confirmed;
  const field: ReactNode =
    mode === 'printed' ? (
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        {m('intakeSealPrinted')}
      </Typography.Paragraph>
    ) : (
      <Form.Item
        validateStatus={tried && !confirmed ? 'error' : ''}
        help={tried && !confirmed ? m('intakeSealRequired') : m('intakeSealByHandHint')}
        style={{ marginBottom: 0, marginTop: 8 }}
      >
        <Checkbox
          data-testid="intake-seal-confirm"
          checked={confirmed}
          onChange={(e) => setConfirmed(e.target.checked)}
        >
          {m('intakeSealByHand')}
        </Checkbox>
      </Form.Item>
    );
  return {
    field,
    /** the payload's field when the seal is done, else null (and the field shows why) */
    take(): { intakeSeal: IntakeSealMode } | null {
      setTried(true);
      return ready ? { intakeSeal: mode } : null;
    },
  };
}

function okText(label: string) {
  return (
    <>
      {label}
      <Kbd>Ctrl+Enter</Kbd>
    </>
  );
}

/** 受理: lists what was received; a required material not received needs a named 容缺 rule. */
export function AcceptModal({
  m,
  open,
  busy,
  onCancel,
  materials,
  onConfirm,
}: Base & {
  materials: readonly MaterialState[];
  onConfirm: (p: CaseEventPayload<'accepted'>) => void;
}) {
  const outstanding = materials.filter((mat) => mat.required && mat.status !== 'received');
  const [rules, setRules] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const seal = useIntakeSeal(m, open);
  const confirm = () => {
    setTried(true);
    const sealed = seal.take();
    if (outstanding.some((mat) => !rules[mat.materialId]?.trim()) || !sealed) return;
    onConfirm({
      ...sealed,
      ...(outstanding.length > 0
        ? {
            waivedMaterials: outstanding.map((mat) => ({
              materialId: mat.materialId,
              rule: rules[mat.materialId]!.trim(),
            })),
          }
        : {}),
    });
  };
  useShortcuts([{ combo: 'Ctrl+Enter', run: confirm }], { modal: true, active: open });
  return (
    <Modal
      open={open}
      title={outstanding.length > 0 ? m('acceptWaived') : m('acceptTitle')}
      okText={okText(m('acceptConfirm'))}
      cancelText={m('cancel')}
      confirmLoading={busy}
      onOk={confirm}
      onCancel={onCancel}
      destroyOnHidden
      okButtonProps={{ autoFocus: outstanding.length === 0, 'data-testid': 'confirm-accept' }}
    >
      <Typography.Text type="secondary">{m('acceptMaterials')}</Typography.Text>
      <List
        size="small"
        dataSource={materials.filter((mat) => mat.status === 'received')}
        renderItem={(mat) => <List.Item style={{ paddingInline: 0 }}>✓ {mat.name}</List.Item>}
      />
      {outstanding.length > 0 && (
        <>
          <Alert type="warning" showIcon style={{ margin: '8px 0' }} title={m('waiverTitle')} />
          {outstanding.map((mat, i) => (
            <Form.Item
              key={mat.materialId}
              layout="vertical"
              label={mat.name}
              htmlFor={`waiver-${mat.materialId}`}
              validateStatus={tried && !rules[mat.materialId]?.trim() ? 'error' : ''}
              help={tried && !rules[mat.materialId]?.trim() ? m('waiverRequired') : undefined}
              style={{ marginBottom: 8 }}
            >
              <Input
                id={`waiver-${mat.materialId}`}
                autoFocus={i === 0}
                placeholder={m('waiverRule')}
                value={rules[mat.materialId] ?? ''}
                onChange={(e) => setRules({ ...rules, [mat.materialId]: e.target.value })}
              />
            </Form.Item>
          ))}
        </>
      )}
      {seal.field}
    </Modal>
  );
}

/** The one-time notice as it will be frozen: every item, what is wrong, an optional return date. */
export function NoticeModal({
  m,
  open,
  busy,
  onCancel,
  items,
  names,
  materials,
  onConfirm,
  error,
}: Base & {
  items: readonly NoticeItem[];
  names: ReadonlyMap<string, string>;
  /** issue 18: a defective material's scans, to point the notice at the page */
  materials: readonly MaterialState[];
  onConfirm: (p: CaseEventPayload<'noticeIssued'>) => void;
  /** the last refusal of this notice: a return-date rule is shown at the date */
  error: ApiError | null;
}) {
  const [returnBy, setReturnBy] = useState('');
  const [pages, setPages] = useState<Record<string, PageRef | undefined>>({});
  const today = shanghaiDate(Date.now());
  useEffect(() => {
    if (open) setPages({});
  }, [open]);
  const filesOf = (id: string) => materials.find((mat) => mat.materialId === id)?.files ?? [];
  const seal = useIntakeSeal(m, open);
  // the date is checked by the shared rules against the case's pinned calendar (main and center)
  const returnByError = error?.rule?.startsWith('returnBy.') ? error.message : undefined;
  const confirm = () => {
    const sealed = seal.take();
    if (items.length === 0 || !sealed) return;
    onConfirm({
      items: items.map((it) => {
        const page = it.problem === 'defective' ? pages[it.materialId] : undefined;
        return page ? { ...it, page } : it;
      }),
      ...(returnBy ? { returnBy } : {}),
      ...sealed,
    });
  };
  useShortcuts([{ combo: 'Ctrl+Enter', run: confirm }], { modal: true, active: open });
  return (
    <Modal
      open={open}
      width={640}
      title={m('noticeTitle')}
      okText={okText(m('noticeConfirm'))}
      cancelText={m('cancel')}
      confirmLoading={busy}
      onOk={confirm}
      onCancel={onCancel}
      destroyOnHidden
      okButtonProps={{
        disabled: items.length === 0,
        autoFocus: true,
        'data-testid': 'confirm-notice',
      }}
    >
      <Typography.Paragraph>{m('noticeIntro')}</Typography.Paragraph>
      <ol data-testid="notice-preview" style={{ paddingLeft: 20 }}>
        {items.map((it) => (
          <li key={it.materialId} style={{ marginBottom: 4 }}>
            {names.get(it.materialId) ?? it.materialId}{' '}
            <Tag color={it.problem === 'missing' ? 'red' : 'orange'}>
              {it.problem === 'missing' ? m('problemMissing') : m('problemDefective')}
            </Tag>
            <Typography.Text type="secondary">{it.detail}</Typography.Text>
            {it.problem === 'defective' && filesOf(it.materialId).length > 0 && (
              <div>
                <DefectPagePicker
                  name={names.get(it.materialId) ?? it.materialId}
                  files={filesOf(it.materialId)}
                  value={pages[it.materialId]}
                  onChange={(ref) => setPages((all) => ({ ...all, [it.materialId]: ref }))}
                />
              </div>
            )}
          </li>
        ))}
      </ol>
      <Form.Item
        label={m('noticeReturnBy')}
        htmlFor="notice-return-by"
        layout="horizontal"
        validateStatus={returnByError ? 'error' : ''}
        help={returnByError ?? m('noticeReturnByHint')}
        style={{ marginBottom: 0 }}
      >
        <Input
          id="notice-return-by"
          type="date"
          // the picker offers the rule's window (notice-rules.ts judges the working day)
          min={today}
          max={addDays(today, returnByHorizonDays)}
          style={{ width: 180 }}
          value={returnBy}
          onChange={(e) => setReturnBy(e.target.value)}
        />
      </Form.Item>
      {seal.field}
    </Modal>
  );
}

type RefuseValues = {
  ground: (typeof refusalGrounds)[number];
  reasons: string;
  legalBasis: string;
  rightAgency: string;
};
const refuseSchema = z.preprocess(
  ({ rightAgency, ...v }: RefuseValues) =>
    v.ground === 'notThisAgency' ? { ...v, rightAgency } : v,
  payloadSchemas.refused,
);

/** 不予受理 under Art. 32: ground, reasons and legal basis required; the right agency when it applies. */
export function RefuseModal({
  m,
  open,
  busy,
  onCancel,
  onConfirm,
}: Base & { onConfirm: (p: CaseEventPayload<'refused'>) => void }) {
  const { control, handleSubmit, watch } = useForm<
    RefuseValues,
    unknown,
    CaseEventPayload<'refused'>
  >({
    resolver: localized(zodResolver(refuseSchema)),
    defaultValues: { ground: 'notThisAgency', reasons: '', legalBasis: '', rightAgency: '' },
  });
  const ground = watch('ground');
  const ruleSentence = useRuleSentence();
  const seal = useIntakeSeal(m, open);
  // the appeal notice is main's to write, from the department's 复议机关 and court
  const confirm = handleSubmit((p) => {
    const sealed = seal.take();
    if (sealed) onConfirm({ ...p, ...sealed });
  });
  useShortcuts([{ combo: 'Ctrl+Enter', run: () => void confirm() }], { modal: true, active: open });
  const text = (
    name: 'reasons' | 'legalBasis' | 'rightAgency',
    label: string,
    rows: number,
    autoFocus = false,
  ) => (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Form.Item
          label={label}
          htmlFor={`refuse-${name}`}
          required
          validateStatus={fieldState.error ? 'error' : ''}
          help={fieldState.error?.message}
          style={{ marginBottom: 12 }}
        >
          {name === 'rightAgency' ? (
            <Input.TextArea id={`refuse-${name}`} autoFocus={autoFocus} rows={rows} {...field} />
          ) : (
            // part W of issue 16: the department's 常用语
            <PhraseTextArea
              kind={name === 'reasons' ? 'refusalReason' : 'legalBasis'}
              id={`refuse-${name}`}
              autoFocus={autoFocus}
              rows={rows}
              {...field}
            />
          )}
        </Form.Item>
      )}
    />
  );
  return (
    <Modal
      open={open}
      width={620}
      title={m('refuseTitle')}
      okText={okText(m('refuseConfirm'))}
      okButtonProps={{ danger: true, 'data-testid': 'confirm-refuse' }}
      cancelText={m('cancel')}
      confirmLoading={busy}
      onOk={() => void confirm()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form component={false} layout="vertical">
        <Form.Item label={m('ground')} required style={{ marginBottom: 12 }}>
          <Controller
            control={control}
            name="ground"
            render={({ field }) => (
              <Radio.Group
                value={field.value}
                onChange={(e) => field.onChange(e.target.value)}
                // Art. 32 allows refusal only for these two grounds; incomplete materials get the notice
                options={refusalGrounds.map((g) => ({
                  value: g,
                  label: m(`ground_${g}`),
                }))}
              />
            )}
          />
        </Form.Item>
        {ground === 'notThisAgency' && text('rightAgency', m('rightAgency'), 1)}
        {text('reasons', m('reasons'), 3, true)}
        {text('legalBasis', m('legalBasisField'), 2)}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {ruleSentence('refusal.reasonsAndBasis')}
        </Typography.Text>
        {seal.field}
      </Form>
    </Modal>
  );
}

/** Withdrawal at the applicant's request, with the reason they gave. */
export function WithdrawModal({
  m,
  open,
  busy,
  onCancel,
  onConfirm,
}: Base & { onConfirm: (p: CaseEventPayload<'withdrawn'>) => void }) {
  const { control, handleSubmit } = useForm<
    { reason: string },
    unknown,
    CaseEventPayload<'withdrawn'>
  >({
    resolver: localized(zodResolver(payloadSchemas.withdrawn)),
    defaultValues: { reason: '' },
  });
  const confirm = handleSubmit((p) => onConfirm(p));
  useShortcuts([{ combo: 'Ctrl+Enter', run: () => void confirm() }], { modal: true, active: open });
  return (
    <Modal
      open={open}
      title={m('withdrawTitle')}
      okText={okText(m('withdrawConfirm'))}
      cancelText={m('cancel')}
      confirmLoading={busy}
      onOk={() => void confirm()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form component={false} layout="vertical">
        <Controller
          control={control}
          name="reason"
          render={({ field, fieldState }) => (
            <Form.Item
              label={m('withdrawReason')}
              htmlFor="withdraw-reason"
              required
              validateStatus={fieldState.error ? 'error' : ''}
              help={fieldState.error?.message}
            >
              <Input.TextArea id="withdraw-reason" autoFocus rows={3} {...field} />
            </Form.Item>
          )}
        />
      </Form>
    </Modal>
  );
}
