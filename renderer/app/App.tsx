import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { ArchiveSheet, archiveSheetToken } from '../features/archive/ArchiveSheet';
import { DatabaseGate } from '../features/database/DatabaseGate';
import { useEffect } from 'react';
import { useLocale, useT } from '../i18n';
import { useSession } from '../stores/session';
import { fontFamily } from './font';
import { ConsoleShell } from './ConsoleShell';
import { inConsole } from './console-mode';
import { LoginPage } from './LoginPage';
import { Shell } from './Shell';

export function App() {
  const locale = useLocale((s) => s.locale);
  const session = useSession((s) => s.session);
  const t = useT();
  const consoleMode = inConsole();
  // issue 18 part 4: a sheet the archive's Chromium prints, by its one-time token, no sign-in
  const archiveToken = archiveSheetToken(location.hash);
  // the browser's tab says which of the two it is: a window's terminal or the center's console
  useEffect(() => {
    if (consoleMode) document.title = `${t('appName')} · ${t('console.title')}`;
  }, [consoleMode, t]);
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#b3261e', fontFamily, borderRadius: 6 } }}
    >
      <AntApp style={{ height: '100%' }}>
        {archiveToken ? (
          <ArchiveSheet token={archiveToken} />
        ) : consoleMode ? (
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
