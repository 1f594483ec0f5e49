import { Button, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ApiError, ApiResult } from '../../../shared/api';
import { useAdminMessages } from './messages';
import { SaveError } from './TabFrame';
import { showAtField } from './center';

type Props<V> = {
  title: string;
  open: boolean;
  initialValues?: Partial<V>;
  okText?: string;
  /** the call; its refusal is shown at the field it names, or above the form */
  submit: (values: V) => Promise<ApiResult<unknown>>;
  onDone: () => void;
  onCancel: () => void;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  testId?: string;
};

/**
 * A dialog that is one form: Enter submits (the buttons are the form's own), Esc cancels, and the
 * center's refusal lands where the manager typed.
 */
export function FormModal<V extends object>(props: Props<V>) {
  const m = useAdminMessages();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const finish = async (values: V) => {
    setBusy(true);
    const r = await props.submit(values);
    setBusy(false);
    if (r.ok) {
      setError(null);
      props.onDone();
      return;
    }
    setError(showAtField(form, r.error) ? null : r.error);
  };

  return (
    <Modal
      title={props.title}
      open={props.open}
      onCancel={props.onCancel}
      footer={null}
      destroyOnHidden
      afterClose={() => setError(null)}
      width={520}
    >
      <SaveError error={error} testId="admin-form-error" />
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={(v) => void finish(v)}
        data-testid={props.testId}
        preserve={false}
      >
        {typeof props.children === 'function' ? props.children(form) : props.children}
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={props.onCancel}>{m('cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {props.okText ?? m('save')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
