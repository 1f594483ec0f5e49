import { App, Button, Card, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api';
import type { CenterSettings } from '../../../shared/api/admin-contract';
import { groupedFingerprint } from '../../../shared/archive/receipt';
import { adminCall, showAtField, useCenterQuery } from './center';
import { useAdminMessages } from './messages';
import { SaveError, TabFrame } from './TabFrame';

/** The receipt key's fingerprint, so whoever checks an archive can tell this center's receipts. */
function ReceiptKeyCard() {
  const m = useAdminMessages();
  const key = useCenterQuery('admin.receiptKey', {});
  const fingerprint = key.data?.fingerprint;
  return (
    <Card
      title={m('receiptKey')}
      style={{ maxWidth: 560, marginTop: 16 }}
      loading={key.loading}
      data-testid="receipt-key"
    >
      <Typography.Paragraph type="secondary">{m('receiptKeyHint')}</Typography.Paragraph>
      {key.error && <Typography.Text type="danger">{key.error.message}</Typography.Text>}
      {fingerprint && (
        <Flex gap={8} align="flex-start">
          <Typography.Text style={{ whiteSpace: 'nowrap' }}>
            {m('receiptFingerprint')}：
          </Typography.Text>
          {/* 64 hex in groups of four, two lines of eight groups: compared by eye, read aloud */}
          <Flex vertical data-testid="receipt-fingerprint">
            {[0, 32].map((from) => (
              <Typography.Text
                key={from}
                code
                {...(from > 0 ? { copyable: { text: fingerprint } } : {})}
              >
                {groupedFingerprint(fingerprint.slice(from, from + 32))}
              </Typography.Text>
            ))}
          </Flex>
        </Flex>
      )}
    </Card>
  );
}

export function CenterSettingsTab() {
  const m = useAdminMessages();
  const { message } = App.useApp();
  const settings = useCenterQuery('admin.settings.get', {});
  const [form] = Form.useForm<CenterSettings>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const save = async (v: CenterSettings) => {
    setBusy(true);
    const r = await adminCall('admin.settings.set', v);
    setBusy(false);
    if (r.ok) {
      setError(null);
      void message.success(m('saved'));
      return;
    }
    setError(showAtField(form, r.error) ? null : r.error);
  };

  return (
    <TabFrame error={settings.error} onRetry={settings.reload}>
      <Card style={{ maxWidth: 560 }} loading={settings.loading}>
        <SaveError error={error} />
        <Form<CenterSettings>
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          data-testid="center-settings-form"
        >
          <Form.Item
            name="centerName"
            label={m('centerName')}
            rules={[{ required: true, message: m('required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Typography.Paragraph type="secondary">{m('thresholdsHint')}</Typography.Paragraph>
          <div style={{ display: 'flex', gap: 16 }}>
            <Form.Item
              name={['thresholds', 'warningWorkingDays']}
              label={m('warningDays')}
              rules={[{ required: true, message: m('required') }]}
              style={{ flex: 1 }}
            >
              <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name={['thresholds', 'yellowWorkingDays']}
              label={m('yellowDays')}
              rules={[{ required: true, message: m('required') }]}
              style={{ flex: 1 }}
            >
              <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </div>
          <Button type="primary" htmlType="submit" loading={busy}>
            {m('save')}
          </Button>
        </Form>
      </Card>
      <ReceiptKeyCard />
    </TabFrame>
  );
}
