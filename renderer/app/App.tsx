import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { DatabaseGate } from '../features/database/DatabaseGate';
import { useLocale } from '../i18n';
import { useSession } from '../stores/session';
import { fontFamily } from './font';
import { ConsoleShell } from './ConsoleShell';
import { inConsole } from './console-mode';
import { LoginPage } from './LoginPage';
import { Shell } from './Shell';

export function App() {
  const locale = useLocale((s) => s.locale);
  const session = useSession((s) => s.session);
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#b3261e', fontFamily, borderRadius: 6 } }}
    >
      <AntApp style={{ height: '100%' }}>
        {inConsole() ? (
          // the center's console (part U of issue 16): the center's database, not a terminal's
          session ? (
            <ConsoleShell session={session} />
          ) : (
            <LoginPage />
          )
        ) : (
          <DatabaseGate>{session ? <Shell session={session} /> : <LoginPage />}</DatabaseGate>
        )}
      </AntApp>
    </ConfigProvider>
  );
}
