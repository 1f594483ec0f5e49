import { useDomainLabels } from '../../i18n/domain';
import { Alert, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import type { RecordableType } from '../../../shared/api';
import { specialProcedures, type CaseEventType, type OpenCase } from '../../../shared/case';
import { useCaseMessages } from './messages';

export type Rejection = { message: string; rule?: string | undefined };

/**
 * main's refusal, in the user's language (renderer/api.ts); the rule id the supervision log will
 * carry stays an attribute, never text (issue 16 point 6).
 */
export function RejectionAlert({ rejection }: { rejection: Rejection | null }) {
  if (!rejection) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="case-rejection"
      data-rule={rejection.rule}
      title={rejection.message}
      style={{ marginBottom: 12 }}
    />
  );
}

type PauseForm = {
  procedure: (typeof specialProcedures)[number];
  expectedWorkingDays: number;
  applicantNoticeRef: string;
  centerFilingRef: string;
};

type ExtendForm = {
  workingDays: number;
  approver: string;
  reason: string;
  applicantNoticeRef: string;
};

/**
 * A dialog around one form: validates, hands the values to `onSubmit`, and shows main's refusal
 * in place (the dialog stays open so nothing typed is lost).
 */
export function ActionModal<T extends object>({
  title,
  open,
  onClose,
  onSubmit,
  children,
  okText,
  initialValues,
  testId,
  width,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  onSubmit: (values: T) => Promise<Rejection | null>;
  children: React.ReactNode;
  /** the submit button's words; 确定 unless given */
  okText?: string;
  initialValues?: Partial<T>;
  testId?: string;
  width?: number;
}) {
  const m = useCaseMessages();
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const [rejection, setRejection] = useState<Rejection | null>(null);
  const close = () => {
    setRejection(null);
    onClose();
  };
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    const r = await onSubmit(values);
    setBusy(false);
    setRejection(r);
    if (!r) {
      form.resetFields();
      onClose();
    }
  };
  return (
    <Modal
      title={title}
      open={open}
      onCancel={close}
      onOk={() => void submit()}
      okText={okText ?? m('submit')}
      cancelText={m('cancel')}
      confirmLoading={busy}
      destroyOnHidden
      {...(width ? { width } : {})}
      {...(testId ? { 'data-testid': testId } : {})}
    >
      <RejectionAlert rejection={rejection} />
      <Form
        form={form}
        layout="vertical"
        requiredMark
        // a dialog opened again starts from the case as it is now, not from what was typed before
        clearOnDestroy
        {...(initialValues ? { initialValues } : {})}
      >
        {children}
      </Form>
    </Modal>
  );
}

/** Pause, resume and extension: only what `allowedEvents` offers this role in this state. */
export function CaseActions({
  state,
  allowed,
  record,
}: {
  state: OpenCase;
  allowed: readonly CaseEventType[];
  record: (type: RecordableType, payload: Record<string, unknown>) => Promise<Rejection | null>;
}) {
  const m = useCaseMessages();
  const l = useDomainLabels();
  const [dialog, setDialog] = useState<'pause' | 'extend' | null>(null);
  const required = [{ required: true, whitespace: true, message: m('required_') }];
  const maxExtension = state.item.extensionDays;
  return (
    <Space wrap>
      {allowed.includes('paused') && (
        <Button onClick={() => setDialog('pause')}>{m('pause')}</Button>
      )}
      {allowed.includes('resumed') && (
        <Popconfirm
          title={m('resumeConfirm')}
          okText={m('submit')}
          cancelText={m('cancel')}
          onConfirm={() => void record('resumed', {})}
        >
          <Button type="primary">{m('resume')}</Button>
        </Popconfirm>
      )}
      {allowed.includes('extended') && (
        <Button
          onClick={() => setDialog('extend')}
          disabled={maxExtension === 0}
          title={maxExtension === 0 ? m('noExtension') : undefined}
        >
          {m('extend')}
        </Button>
      )}
      <ActionModal<PauseForm>
        title={l.event('paused')}
        open={dialog === 'pause'}
        onClose={() => setDialog(null)}
        onSubmit={(v) => record('paused', v)}
      >
        <Form.Item
          name="procedure"
          label={m('procedure')}
          rules={[{ required: true, message: m('required_') }]}
        >
          <Select options={specialProcedures.map((p) => ({ value: p, label: l.procedure(p) }))} />
        </Form.Item>
        <Form.Item
          name="expectedWorkingDays"
          label={m('expectedDays')}
          rules={[{ required: true, message: m('required_') }]}
        >
          <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="applicantNoticeRef" label={m('noticeRef')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="centerFilingRef" label={m('filingRef')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
      </ActionModal>
      <ActionModal<ExtendForm>
        title={l.event('extended')}
        open={dialog === 'extend'}
        onClose={() => setDialog(null)}
        onSubmit={(v) => record('extended', v)}
      >
        <Form.Item
          name="workingDays"
          label={m('extensionDays', { n: maxExtension })}
          rules={[{ required: true, message: m('required_') }]}
        >
          <InputNumber min={1} max={maxExtension} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="approver" label={m('approver')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="reason" label={m('reason')} rules={required}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item name="applicantNoticeRef" label={m('noticeRef')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
      </ActionModal>
    </Space>
  );
}
