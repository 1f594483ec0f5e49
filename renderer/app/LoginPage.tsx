import { Alert, Button, Card, Input, Typography } from 'antd';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { call } from '../api';
import { useT } from '../i18n';
import { useSession } from '../stores/session';
import { inConsole } from './console-mode';
import { LanguageSwitch } from './LanguageSwitch';

type LoginForm = { username: string; password: string };

export function LoginPage() {
  const t = useT();
  const setSession = useSession((s) => s.set);
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState } = useForm<LoginForm>({
    defaultValues: { username: '', password: '' },
  });

  const onSubmit = handleSubmit(async (form) => {
    setError(null);
    const result = await call('auth.login', form);
    if (result.ok) setSession(result.value);
    else setError(result.error.message);
  });

  return (
    <div
      style={{
        minHeight: '100%',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(160deg, #7f1d1d 0%, #b3261e 45%, #f3f5f8 45%)',
      }}
    >
      <Card style={{ width: 400, boxShadow: '0 12px 40px rgba(0,0,0,.18)' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('appName')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">
          {t(inConsole() ? 'console.subtitle' : 'appSubtitle')}
        </Typography.Paragraph>
        <Typography.Title level={5}>{t('login.title')}</Typography.Title>
        <form onSubmit={(e) => void onSubmit(e)} aria-label={t('login.title')}>
          <label htmlFor="username">{t('login.username')}</label>
          <Controller
            name="username"
            control={control}
            rules={{ required: t('login.usernameRequired') }}
            render={({ field, fieldState }) => (
              <>
                <Input
                  id="username"
                  autoFocus
                  autoComplete="username"
                  status={fieldState.error ? 'error' : ''}
                  {...field}
                />
                <Typography.Text type="danger">{fieldState.error?.message ?? ' '}</Typography.Text>
              </>
            )}
          />
          <div style={{ height: 4 }} />
          <label htmlFor="password">{t('login.password')}</label>
          <Controller
            name="password"
            control={control}
            rules={{ required: t('login.passwordRequired') }}
            render={({ field, fieldState }) => (
              <>
                <Input.Password
                  id="password"
                  autoComplete="current-password"
                  status={fieldState.error ? 'error' : ''}
                  {...field}
                />
                <Typography.Text type="danger">{fieldState.error?.message ?? ' '}</Typography.Text>
              </>
            )}
          />
          {error && (
            <Alert
              type="error"
              showIcon
              title={`${t('login.failed')}：${error}`}
              style={{ margin: '8px 0' }}
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={formState.isSubmitting}
            style={{ marginTop: 12 }}
          >
            {t('login.submit')}
          </Button>
        </form>
      </Card>
    </div>
  );
}
