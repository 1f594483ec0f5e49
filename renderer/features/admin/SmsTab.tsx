import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Segmented,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import {
  smsKinds,
  type SmsMessage,
  type SmsSettings,
  type SmsSettingsInput,
} from '../../../shared/center-api';
import { shanghaiMinute } from '../../format';
import { adminCall, useCenterQuery, useCenterSave } from './center';
import { SecretInput } from './SecretInput';
import { useSmsMessages } from './sms-messages';
import { SaveError, TabFrame } from './TabFrame';

// Issue 17 part 4: what the center texted the applicants — queued, sent, failed with the
// provider's error — with 重发 for a failed one, and the provider's settings beside it.

type Filter = SmsMessage['status'] | 'all';

const kindKeys = {
  accepted: 'kindAccepted',
  noticeIssued: 'kindNoticeIssued',
  stamped: 'kindStamped',
  certificateIssued: 'kindCertificateIssued',
} as const;
const statusKeys = {
  queued: 'statusQueued',
  sending: 'statusSending',
  sent: 'statusSent',
  failed: 'statusFailed',
} as const;

const statusColors: Record<SmsMessage['status'], string> = {
  queued: 'blue',
  sending: 'gold',
  sent: 'green',
  failed: 'red',
};

export function SmsTab() {
  const m = useSmsMessages();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const messages = useCenterQuery('admin.sms.list', filter === 'all' ? {} : { status: filter });

  const resend = async (id: string) => {
    const r = await adminCall('admin.sms.resend', { id });
    if (r.ok) void message.success(m('resent'));
    else void message.error(r.error.message, 6);
    messages.reload();
  };

  return (
    <TabFrame error={messages.error} onRetry={messages.reload}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {m('outbox')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {m('outboxHint')}
      </Typography.Paragraph>
      <Flex gap={12} style={{ marginBottom: 12 }}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: m('all') },
            ...(['queued', 'sent', 'failed'] as const).map((s) => ({
              value: s,
              label: m(statusKeys[s]),
            })),
          ]}
        />
        <Button onClick={messages.reload}>{m('refresh')}</Button>
      </Flex>
      <Table<SmsMessage>
        rowKey="id"
        size="small"
        tableLayout="fixed"
        data-testid="sms-outbox"
        loading={messages.loading}
        dataSource={messages.data ?? []}
        locale={{ emptyText: m('empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: m('createdAt'),
            width: 140,
            render: (_, r) => shanghaiMinute(r.createdAt),
          },
          {
            title: m('caseNumber'),
            width: 200,
            render: (_, r) => (
              <Typography.Text style={{ whiteSpace: 'nowrap' }}>{r.caseNumber}</Typography.Text>
            ),
          },
          { title: m('kind'), width: 100, render: (_, r) => m(kindKeys[r.kind]) },
          { title: m('phone'), width: 120, dataIndex: 'phone' },
          {
            title: m('text'),
            render: (_, r) => (
              <Typography.Text ellipsis={{ tooltip: r.text }}>{r.text}</Typography.Text>
            ),
          },
          {
            title: m('status'),
            width: 250,
            render: (_, r) => (
              <Flex vertical gap={2}>
                <span>
                  <Tag color={statusColors[r.status]}>{m(statusKeys[r.status])}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.status === 'sent' && r.sentAt
                      ? m('sentAt', { at: shanghaiMinute(r.sentAt) })
                      : r.status === 'queued'
                        ? m('dueAt', { at: shanghaiMinute(r.dueAt) })
                        : ''}
                  </Typography.Text>
                </span>
                {r.lastError && r.status !== 'sent' && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {m('lastError')}：{r.lastError}（{m('attempts')} {r.attempts}）
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: m('actions'),
            width: 80,
            render: (_, r) =>
              r.status === 'failed' ? (
                <Button size="small" type="primary" ghost onClick={() => void resend(r.id)}>
                  {m('resend')}
                </Button>
              ) : null,
          },
        ]}
      />
      <SmsSettingsCard />
    </TabFrame>
  );
}

function SmsSettingsCard() {
  const m = useSmsMessages();
  const { message } = App.useApp();
  const settings = useCenterQuery('admin.sms.settings.get', {});
  const [form] = Form.useForm<SmsSettingsInput>();
  const [stored, setStored] = useState<SmsSettings | null>(null);
  const { busy, error, save: saving } = useCenterSave(form);

  useEffect(() => {
    if (!settings.data) return;
    const { secretSet: _, ...fields } = settings.data;
    setStored(settings.data);
    form.setFieldsValue({ ...fields, accessKeySecret: '' });
  }, [settings.data, form]);

  const save = async (v: SmsSettingsInput) => {
    const saved = await saving(() =>
      adminCall('admin.sms.settings.set', { ...v, provider: 'aliyun' }),
    );
    if (!saved) return;
    setStored(saved);
    form.setFieldValue('accessKeySecret', '');
    void message.success(m('saved'));
  };

  return (
    <Card title={m('provider')} style={{ maxWidth: 900, marginTop: 24 }} loading={settings.loading}>
      <Typography.Paragraph type="secondary">{m('providerHint')}</Typography.Paragraph>
      <SaveError error={error ?? settings.error} />
      <Form<SmsSettingsInput>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        data-testid="sms-settings-form"
      >
        <Flex gap={16} wrap>
          <Form.Item name="enabled" label={m('enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="endpoint" label={m('endpoint')} style={{ flex: 2, minWidth: 260 }}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="signName" label={m('signName')} style={{ flex: 1, minWidth: 160 }}>
            <Input maxLength={20} />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item name="accessKeyId" label={m('accessKeyId')} style={{ flex: 1, minWidth: 220 }}>
            <Input maxLength={128} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="accessKeySecret"
            label={m('accessKeySecret')}
            style={{ flex: 1, minWidth: 220 }}
          >
            <SecretInput
              maxLength={128}
              isSet={stored?.secretSet ?? false}
              setText={m('secretSet')}
              missingText={m('secretMissing')}
            />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item name={['window', 'from']} label={m('windowFrom')}>
            <Input maxLength={5} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name={['window', 'to']} label={m('windowTo')}>
            <Input maxLength={5} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="maxAttempts" label={m('maxAttempts')}>
            <InputNumber min={1} max={10} precision={0} />
          </Form.Item>
        </Flex>
        {smsKinds.map((kind) => (
          <Flex key={kind} gap={16} align="start">
            <Form.Item
              name={['templates', kind, 'templateCode']}
              label={`${m(kindKeys[kind])} · ${m('templateCode')}`}
              style={{ width: 220 }}
            >
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item
              name={['templates', kind, 'text']}
              label={m('templateText')}
              style={{ flex: 1 }}
            >
              <Input.TextArea maxLength={300} autoSize={{ minRows: 1, maxRows: 3 }} />
            </Form.Item>
          </Flex>
        ))}
        <Button type="primary" htmlType="submit" loading={busy}>
          {m('save')}
        </Button>
      </Form>
    </Card>
  );
}
