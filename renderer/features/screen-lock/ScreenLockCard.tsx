import { Alert, App, Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { screenLockMinutes, type ScreenLockSettings } from '../../../shared/screen-lock';
import { call } from '../../api';
import { useScreenLockMessages } from './messages';

/** The manager sets after how many idle minutes this PC locks its screen (终端设置). */
export function ScreenLockCard() {
  const m = useScreenLockMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScreenLockSettings>();
  const [current, setCurrent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('screenLock.get', {}).then((r) => {
      if (!r.ok) return;
      setCurrent(r.value.idleMinutes);
      form.setFieldsValue({ idleMinutes: r.value.idleMinutes });
    });
  }, [form]);

  const save = async (values: ScreenLockSettings) => {
    setBusy(true);
    const r = await call('screenLock.set', values);
    setBusy(false);
    if (!r.ok) {
      // main's refusal (the very schema the field is checked with) stands next to the field
      if (r.error.field === 'idleMinutes') {
        form.setFields([{ name: 'idleMinutes', errors: [r.error.message] }]);
        setError(null);
      } else {
        setError(r.error.message);
      }
      return;
    }
    setError(null);
    setCurrent(r.value.idleMinutes);
    void message.success(m('saved', { n: r.value.idleMinutes }));
  };

  return (
    <Card title={m('cardTitle')} style={{ maxWidth: 720 }} data-testid="screen-lock-card">
      <Typography.Paragraph type="secondary">{m('cardHint')}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={m('saveFailed')}
          description={error}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<ScreenLockSettings> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item
          name="idleMinutes"
          label={m('idleMinutes')}
          extra={m('idleRange', {
            min: screenLockMinutes.min,
            max: screenLockMinutes.max,
            def: screenLockMinutes.default,
          })}
        >
          <InputNumber
            min={screenLockMinutes.min}
            max={screenLockMinutes.max}
            precision={0}
            style={{ width: 120 }}
            data-testid="screen-lock-minutes"
          />
        </Form.Item>
        <Flex align="center" gap={16}>
          <Button type="primary" htmlType="submit" loading={busy}>
            {m('save')}
          </Button>
          {current !== null && (
            <Typography.Text type="secondary" data-testid="screen-lock-current">
              {m('current', { n: current })}
            </Typography.Text>
          )}
        </Flex>
      </Form>
    </Card>
  );
}
