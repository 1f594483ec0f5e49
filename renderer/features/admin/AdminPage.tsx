import { Alert, Button, Card, Form, Input, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CenterStatus } from '../../../shared/api/admin-contract';
import { useRoute } from '../../stores/route';
import { adminCall, showAtField, useCenterGate } from './center';
import { CenterSettingsTab } from './CenterSettingsTab';
import { ClosuresTab } from './ClosuresTab';
import { DepartmentsTab } from './DepartmentsTab';
import { DevicesTab } from './DevicesTab';
import { ItemsTab } from './ItemsTab';
import { useAdminMessages } from './messages';
import { PowersTab } from './PowersTab';
import { StaffTab } from './StaffTab';
import { WindowsTab } from './WindowsTab';

function NotJoined() {
  const m = useAdminMessages();
  const navigate = useRoute((s) => s.navigate);
  return (
    <Alert
      type="warning"
      showIcon
      title={m('notJoinedTitle')}
      description={m('notJoined')}
      data-testid="admin-not-joined"
      action={<Button onClick={() => navigate({ page: 'settings' })}>{m('toSettings')}</Button>}
      style={{ maxWidth: 720 }}
    />
  );
}

/** The manager's own password, checked by the center; main keeps the center session. */
export function CenterSignIn({
  status,
  onSignedIn,
}: {
  status: CenterStatus;
  onSignedIn: (s: CenterStatus) => void;
}) {
  const m = useAdminMessages();
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signIn = async ({ password }: { password: string }) => {
    setBusy(true);
    const r = await adminCall('admin.center.signIn', { password });
    setBusy(false);
    if (r.ok) onSignedIn(r.value);
    else setError(showAtField(form, r.error) ? null : r.error.message);
  };
  return (
    <Card title={m('signInTitle')} style={{ maxWidth: 480 }} data-testid="center-sign-in">
      <Typography.Paragraph>
        {m('signInHint', { username: status.username, server: status.serverUrl ?? '' })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void signIn(v)}>
        <Form.Item
          name="password"
          label={m('password')}
          rules={[{ required: true, message: m('passwordRequired') }]}
        >
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {m('signIn')}
        </Button>
      </Form>
    </Card>
  );
}

/** 中心管理: the center's reference data, kept by the manager through this terminal. */
export function AdminPage() {
  const m = useAdminMessages();
  const [status, setStatus] = useState<CenterStatus | null>(null);
  const generation = useCenterGate((s) => s.generation);

  const load = useCallback(async () => {
    const r = await adminCall('admin.center.status', {});
    if (r.ok) setStatus(r.value);
  }, []);
  // a call that found the center session gone brings the password prompt back
  useEffect(() => {
    void load();
  }, [load, generation]);

  if (!status) return <Spin style={{ display: 'block', marginTop: 96 }} />;
  if (!status.serverUrl) return <NotJoined />;
  if (!status.signedIn) return <CenterSignIn status={status} onSignedIn={setStatus} />;
  return (
    <div data-testid="admin-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {m('title')}
        <Typography.Text
          type="secondary"
          style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 12 }}
        >
          {status.serverUrl}
        </Typography.Text>
      </Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'departments', label: m('tabDepartments'), children: <DepartmentsTab /> },
          { key: 'windows', label: m('tabWindows'), children: <WindowsTab /> },
          { key: 'staff', label: m('tabStaff'), children: <StaffTab /> },
          { key: 'items', label: m('tabItems'), children: <ItemsTab /> },
          { key: 'powers', label: m('tabPowers'), children: <PowersTab /> },
          { key: 'closures', label: m('tabClosures'), children: <ClosuresTab /> },
          { key: 'settings', label: m('tabSettings'), children: <CenterSettingsTab /> },
          { key: 'devices', label: m('tabDevices'), children: <DevicesTab /> },
        ]}
      />
    </div>
  );
}
