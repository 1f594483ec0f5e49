import { Alert, App, Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import { screenLockMinutes, type ScreenLockSettings } from '../../../shared/screen-lock';
import { call } from '../../api';
import { useSettingForm } from '../settings/useSettingForm';
import { useScreenLockMessages } from './messages';

/** The manager sets after how many idle minutes this PC locks its screen (终端设置). */
export function ScreenLockCard() {
  const m = useScreenLockMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScreenLockSettings>();
  const setting = useSettingForm({
    form,
    load: () => call('screenLock.get', {}),
    store: (values: ScreenLockSettings) => call('screenLock.set', values),
    fields: ['idleMinutes'],
    shown: (v) => v,
  });
  const current = setting.current?.idleMinutes ?? null;
  const error = setting.error;
  const busy = setting.busy;
  const save = async (values: ScreenLockSettings) => {
    const saved = await setting.save(values);
    if (saved) void message.success(m('saved', { n: saved.idleMinutes }));
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
