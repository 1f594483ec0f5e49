import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { shanghaiMinute } from '../../format';
import { adminCall, useCenterQuery, useCenterSave } from '../admin/center';
import { SecretInput } from '../admin/SecretInput';
import { SaveError, TabFrame } from '../admin/TabFrame';
import { useRatingMessages } from './messages';

// The follow-up days and the provincial endpoint with its key — written, never read back: the
// center answers only whether a key is set — and beside them how the push is going.

type SettingsForm = {
  followUpDays: number;
  pushUrl?: string | null;
  pushKey?: string;
  removeKey?: boolean;
};

function PushStatus() {
  const m = useRatingMessages();
  const push = useCenterQuery('admin.ratings.push', {});
  return (
    <TabFrame error={push.error} onRetry={push.reload}>
      <Card
        title={m('pushTitle')}
        style={{ maxWidth: 900, marginTop: 24 }}
        loading={push.loading}
        extra={<Button onClick={push.reload}>{m('refresh')}</Button>}
        data-testid="rating-push-status"
      >
        {push.data && !push.data.configured && (
          <Typography.Paragraph type="secondary">{m('pushNotConfigured')}</Typography.Paragraph>
        )}
        {push.data && (
          <>
            <Flex gap={32} style={{ marginBottom: 12 }}>
              <Statistic title={m('pushed')} value={push.data.pushed} />
              <Statistic title={m('pushWaiting')} value={push.data.waiting} />
              <Statistic title={m('pushFailing')} value={push.data.failing.length} />
            </Flex>
            {push.data.failing.length > 0 && (
              <Table
                rowKey="ratingId"
                size="small"
                pagination={false}
                dataSource={push.data.failing}
                columns={[
                  { title: m('rating'), dataIndex: 'ratingId', width: 140, ellipsis: true },
                  { title: m('attempts'), dataIndex: 'attempts', width: 90 },
                  {
                    title: m('lastError'),
                    dataIndex: 'error',
                    render: (e: string) => <Typography.Text type="danger">{e}</Typography.Text>,
                  },
                  {
                    title: m('nextAttempt'),
                    width: 150,
                    render: (_, f) => (f.nextAttemptAt ? shanghaiMinute(f.nextAttemptAt) : '—'),
                  },
                ]}
              />
            )}
          </>
        )}
      </Card>
    </TabFrame>
  );
}

export function RatingSettingsTab() {
  const m = useRatingMessages();
  const { message } = App.useApp();
  const settings = useCenterQuery('admin.ratings.settings.get', {});
  const [form] = Form.useForm<SettingsForm>();
  const [keySet, setKeySet] = useState(false);
  const { busy, error, save: saving } = useCenterSave(form);

  useEffect(() => {
    if (!settings.data) return;
    setKeySet(settings.data.pushKeySet);
    form.setFieldsValue({
      followUpDays: settings.data.followUpDays,
      pushUrl: settings.data.pushUrl ?? '',
      pushKey: '',
      removeKey: false,
    });
  }, [settings.data, form]);

  const save = async (v: SettingsForm) => {
    const saved = await saving(() =>
      adminCall('admin.ratings.settings.set', {
        followUpDays: v.followUpDays,
        pushUrl: v.pushUrl ? v.pushUrl : null,
        // blank keeps the stored key; the box removes it
        ...(v.removeKey ? { pushKey: null } : v.pushKey ? { pushKey: v.pushKey } : {}),
      }),
    );
    if (!saved) return;
    setKeySet(saved.pushKeySet);
    form.setFieldsValue({ pushKey: '', removeKey: false });
    void message.success(m('saved'));
  };

  return (
    <>
      <Card title={m('settingsTitle')} style={{ maxWidth: 900 }} loading={settings.loading}>
        <Form<SettingsForm>
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          data-testid="rating-settings-form"
        >
          <Form.Item name="followUpDays" label={m('followUpDays')}>
            <InputNumber min={1} max={15} precision={0} />
          </Form.Item>
          <Form.Item name="pushUrl" label={m('pushUrl')} extra={m('pushUrlHint')}>
            <Input maxLength={200} placeholder="https://" />
          </Form.Item>
          <Flex gap={16} align="center" wrap>
            <Form.Item name="pushKey" label={m('pushKey')} style={{ flex: 1, minWidth: 280 }}>
              <SecretInput
                maxLength={256}
                isSet={keySet}
                setText={m('pushKeySet')}
                missingText={m('pushKeyMissing')}
              />
            </Form.Item>
            {keySet && (
              <Form.Item name="removeKey" valuePropName="checked" label=" ">
                <Checkbox>{m('removeKey')}</Checkbox>
              </Form.Item>
            )}
          </Flex>
          <Button type="primary" htmlType="submit" loading={busy} style={{ marginBottom: 12 }}>
            {m('save')}
          </Button>
          {/* a refusal the center names no field for, under the button pressed */}
          <SaveError error={error ?? settings.error} />
        </Form>
      </Card>
      <PushStatus />
    </>
  );
}
