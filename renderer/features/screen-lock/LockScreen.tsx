import { Alert, Avatar, Button, Card, Flex, Input, Typography } from 'antd';
import { useState, type FormEvent } from 'react';
import type { Session } from '../../../shared/api';
import { call } from '../../api';
import { useT } from '../../i18n';
import { useScreenLock } from '../../stores/screen-lock';
import { useSession } from '../../stores/session';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useScreenLockMessages } from './messages';

/**
 * What the counter shows while locked: who is signed in (the staff member, never an applicant)
 * and a password field. Unlocking takes that person's password; anyone else signs this session
 * out first, which discards the work left in progress — the dialog says so before it happens.
 */
export function LockScreen({ session }: { session: Session }) {
  const m = useScreenLockMessages();
  const t = useT();
  const unlock = useScreenLock((s) => s.unlock);
  const clear = useSession((s) => s.clear);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [switching, setSwitching] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!password) {
      setError(m('passwordRequired'));
      return;
    }
    setBusy(true);
    const r = await call('session.unlock', { password });
    setBusy(false);
    setPassword('');
    if (r.ok) {
      setError(null);
      unlock();
    } else {
      setError(r.error.message);
    }
  };

  const switchUser = async () => {
    setBusy(true);
    await call('auth.logout', {});
    setBusy(false);
    // the session first: unlocking first would put the abandoned page back for a moment
    clear();
    unlock();
  };

  return (
    <div
      data-testid="lock-screen"
      role="dialog"
      aria-modal="true"
      aria-label={m('title')}
      style={{
        position: 'fixed',
        inset: 0,
        display: 'grid',
        placeItems: 'center',
        overflow: 'auto',
        background: 'linear-gradient(160deg, #7f1d1d 0%, #b3261e 45%, #f3f5f8 45%)',
        zIndex: 2000,
      }}
    >
      <Card
        style={{
          width: 420,
          maxWidth: 'calc(100vw - 32px)',
          boxShadow: '0 12px 40px rgba(0,0,0,.18)',
        }}
      >
        <Flex justify="space-between" align="baseline">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {m('title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {m('hint')}
        </Typography.Paragraph>
        <Flex align="center" gap={12} style={{ marginBottom: 16 }} data-testid="lock-user">
          <Avatar style={{ background: '#7f1d1d' }}>{session.user.name.slice(0, 1)}</Avatar>
          <span>
            {m('signedInAs', { name: session.user.name, role: t(`role.${session.user.role}`) })}
          </span>
        </Flex>
        <form onSubmit={(e) => void submit(e)} aria-label={m('title')}>
          <label htmlFor="lock-password">{m('password')}</label>
          <Input.Password
            id="lock-password"
            autoFocus
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            status={error ? 'error' : ''}
            style={{ marginTop: 4 }}
          />
          {error && (
            <Alert
              type="error"
              showIcon
              title={error}
              style={{ marginTop: 12 }}
              data-testid="lock-error"
            />
          )}
          <Button type="primary" htmlType="submit" block loading={busy} style={{ marginTop: 16 }}>
            {m('unlock')}
          </Button>
        </form>
        {switching ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 16 }}
            title={m('switchTitle')}
            description={m('switchBody', { name: session.user.name })}
            data-testid="lock-switch-warning"
            action={
              <Flex vertical gap={8}>
                <Button size="small" danger disabled={busy} onClick={() => void switchUser()}>
                  {m('switchOk')}
                </Button>
                <Button size="small" onClick={() => setSwitching(false)}>
                  {m('cancel')}
                </Button>
              </Flex>
            }
          />
        ) : (
          <Button type="link" block style={{ marginTop: 8 }} onClick={() => setSwitching(true)}>
            {m('switchUser')}
          </Button>
        )}
      </Card>
    </div>
  );
}
