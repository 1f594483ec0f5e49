import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../../shared/api';
import { call } from '../../api';
import { shanghaiMinute } from '../../format';
import { PrintersCard } from '../print/PrintersCard';
import { useSettingsMessages } from './messages';
import { ScheduledReportCard } from './ScheduledReportCard';
import { DiagnosticsCard } from './DiagnosticsCard';
import { Readmission } from '../sync/Readmission';
import { BackupsCard } from '../database/BackupsCard';
import { ScreenLockCard } from '../screen-lock/ScreenLockCard';
import { DemoClearCard } from './DemoClearCard';
import { IdCardReaderCard } from '../id-card/IdCardReaderCard';

type EnrollForm = { serverUrl: string; code: string };

function Enrolled({ status }: { status: SyncStatus }) {
  const m = useSettingsMessages();
  const e = status.enrollment;
  if (!e) return null;
  return (
    <Descriptions size="small" column={1} bordered data-testid="settings-enrolled">
      <Descriptions.Item label={m('server')}>{status.serverUrl}</Descriptions.Item>
      <Descriptions.Item label={m('deviceId')}>
        {/* its first eight characters name it to the center's support; the whole id is copied,
            never shown (issue 16 point 6) */}
        <Typography.Text code copyable={{ text: e.deviceId }} data-testid="settings-device-id">
          {e.deviceId.slice(0, 8)}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={m('window')}>
        {e.windowName ?? m('windowPending')}
      </Descriptions.Item>
      <Descriptions.Item label={m('terminalNumber')}>{e.terminalNumber}</Descriptions.Item>
      <Descriptions.Item label={m('lastSync')}>
        {status.lastSyncAt ? shanghaiMinute(status.lastSyncAt) : m('never')}
      </Descriptions.Item>
      {status.lastError && (
        <Descriptions.Item label={m('lastError')}>{status.lastError}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

/**
 * The manager's terminal settings: joining the center, the scheduled daily report, printers,
 * backups, the screen lock's idle time, the ID card reader's service.
 */
export function SettingsPage() {
  return (
    <Flex vertical gap={16}>
      <EnrollmentCard />
      <DemoClearCard />
      <ScheduledReportCard />
      <PrintersCard />
      <BackupsCard />
      <DiagnosticsCard />
      <ScreenLockCard />
      <IdCardReaderCard />
    </Flex>
  );
}

/** The manager joins this PC to the center; afterwards the card shows what it is enrolled as. */
function EnrollmentCard() {
  const m = useSettingsMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnrollForm>();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await call('sync.status', {});
    if (r.ok) setStatus(r.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const enroll = async (values: EnrollForm) => {
    setBusy(true);
    const r = await call('sync.enroll', values);
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(null);
    void message.success(m('enrolled'), 8);
    // the demo accounts are gone: the next call ends this session and shows the login page
    await load();
  };

  if (!status) return <Spin style={{ display: 'block', marginTop: 96 }} />;
  return (
    <Card title={m('title')} style={{ maxWidth: 720 }}>
      {status.enrolled ? (
        <>
          <Typography.Title level={5}>{m('enrolledTitle')}</Typography.Title>
          {status.unknownToCenter && <Readmission unknown={status.unknownToCenter} onDone={load} />}
          <Enrolled status={status} />
        </>
      ) : (
        <>
          <Typography.Title level={5}>{m('enrollTitle')}</Typography.Title>
          <Alert type="info" showIcon title={m('enrollHint')} style={{ marginBottom: 16 }} />
          {error && (
            <Alert
              type="error"
              showIcon
              title={m('enrollFailed')}
              description={error}
              data-testid="enroll-error"
              style={{ marginBottom: 12 }}
            />
          )}
          <Form<EnrollForm>
            form={form}
            layout="vertical"
            data-testid="enroll-form"
            initialValues={{ serverUrl: status.serverUrl ?? '', code: '' }}
            onFinish={(v) => void enroll(v)}
          >
            <Form.Item
              name="serverUrl"
              label={m('serverUrl')}
              rules={[{ required: true, whitespace: true, message: m('serverUrlRequired') }]}
            >
              <Input placeholder="https://center.example.cn" autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="code"
              label={m('code')}
              rules={[{ required: true, whitespace: true, message: m('codeRequired') }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {m('enroll')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
