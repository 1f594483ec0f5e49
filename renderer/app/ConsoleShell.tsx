import { Avatar, Button, Layout, Menu, Space, Typography } from 'antd';
import type { Session } from '../../shared/api';
import { call } from '../api';
import { HelpButton } from '../features/help/HelpDrawer';
import { AdminPage } from '../features/admin/AdminPage';
import { LazyDashboard } from '../features/dashboard/LazyDashboard';
import { SupervisionPage } from '../features/supervision/SupervisionPage';
import { useT } from '../i18n';
import { useRoute } from '../stores/route';
import { useSession } from '../stores/session';
import { consolePagesByRole } from './console-mode';
import { LanguageSwitch } from './LanguageSwitch';
import { pageLabel, type Page } from './navigation';

/**
 * The center's browser console (part U of issue 16): the header names the center — the console
 * belongs to no window — and the menu holds the center's pages of the role, nothing of a
 * terminal's (intake, sync, printers, database, screen lock).
 */
export function ConsoleShell({ session }: { session: Session }) {
  const t = useT();
  const clear = useSession((s) => s.clear);
  const { route, navigate } = useRoute();
  const pages = consolePagesByRole[session.user.role] ?? [];
  const page: Page | undefined =
    route && pages.includes(route.page as Page) ? (route.page as Page) : pages[0];

  const logout = async () => {
    await call('auth.logout', {});
    clear();
  };

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#7f1d1d' }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 20, whiteSpace: 'nowrap' }}>
          {t('appName')}
        </Typography.Text>
        <div style={{ color: '#fff', lineHeight: 1.3, minWidth: 0 }} data-testid="console-place">
          <div style={{ fontSize: 13, opacity: 0.85 }}>{t('console.title')}</div>
          <div style={{ fontSize: 15, fontWeight: 600 }}>{session.centerName}</div>
        </div>
        <div style={{ flex: 1 }} />
        <Space style={{ color: '#fff' }}>
          <Avatar style={{ background: '#fff', color: '#7f1d1d' }}>
            {session.user.name.slice(0, 1)}
          </Avatar>
          <div style={{ lineHeight: 1.2 }} data-testid="shell-user">
            <div>{session.user.name}</div>
            <div style={{ fontSize: 12, opacity: 0.8 }}>{t(`role.${session.user.role}`)}</div>
          </div>
          <HelpButton role={session.user.role} />
          <LanguageSwitch onDark />
          <Button size="small" onClick={() => void logout()}>
            {t('shell.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={180} theme="light" style={{ borderRight: '1px solid #eee' }}>
          <Menu
            mode="inline"
            selectedKeys={page ? [page] : []}
            onClick={(e) => navigate({ page: e.key as Page })}
            items={pages.map((p) => ({ key: p, label: t(pageLabel[p]) }))}
            style={{ borderRight: 0, paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          {page === 'admin' && <AdminPage />}
          {page === 'supervision' && <SupervisionPage />}
          {page === 'dashboard' && <LazyDashboard />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
