import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { CenterStatus } from '../../../shared/api/admin-contract';
import { inConsole } from '../../app/console-mode';
import { mayOpen } from '../../app/navigation';
import { useRoute } from '../../stores/route';
import { useSession } from '../../stores/session';
import { adminCall, showAtField, useCenterGate } from './center';
import { useAdminMessages } from './messages';

function NotJoined() {
  const m = useAdminMessages();
  const navigate = useRoute((s) => s.navigate);
  // the manager enrolls the terminal; anyone else can only be told to ask for it
  const mayEnroll = useSession((s) =>
    s.session ? mayOpen(s.session.user.role, 'settings') : false,
  );
  return (
    <Alert
      type="warning"
      showIcon
      title={m('notJoinedTitle')}
      description={m('notJoined')}
      data-testid="admin-not-joined"
      action={
        mayEnroll ? (
          <Button onClick={() => navigate({ page: 'settings' })}>{m('toSettings')}</Button>
        ) : undefined
      }
      style={{ maxWidth: 720 }}
    />
  );
}

/** The manager's own password, checked by the center; main keeps the center session. */
function CenterSignIn({
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

/**
 * A page whose data lives at the center (administration, supervision, the dashboard): it needs
 * the terminal joined and the user signed in there, and asks for the password again whenever a
 * call finds the center session gone.
 */
export function CenterGated({
  notJoined = <NotJoined />,
  children,
}: {
  /** what to show on a terminal not joined to a center: by default, the way to its settings */
  notJoined?: ReactNode;
  children: (status: CenterStatus) => ReactNode;
}) {
  // in the center's own console the sign-in was the center's: no second one (part U, issue 16)
  const username = useSession((s) => s.session?.user.username ?? '');
  if (inConsole()) {
    return children({ serverUrl: location.origin, enrolled: true, signedIn: true, username });
  }
  return <TerminalGate notJoined={notJoined}>{children}</TerminalGate>;
}

/** At a terminal: joined to a center, and signed in there with the password typed again. */
function TerminalGate({
  notJoined,
  children,
}: {
  notJoined: ReactNode;
  children: (status: CenterStatus) => ReactNode;
}) {
  const [status, setStatus] = useState<CenterStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useCenterGate((s) => s.generation);

  const load = useCallback(async () => {
    const r = await adminCall('admin.center.status', {});
    if (r.ok) {
      setStatus(r.value);
      setError(null);
    } else setError(r.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load, generation]);

  if (error) return <Alert type="error" showIcon title={error} style={{ maxWidth: 720 }} />;
  if (!status) return <Spin style={{ display: 'block', marginTop: 96 }} />;
  if (!status.serverUrl) return notJoined;
  if (!status.signedIn) return <CenterSignIn status={status} onSignedIn={setStatus} />;
  return children(status);
}
