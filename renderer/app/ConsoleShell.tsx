import { Layout, Menu, Typography } from 'antd';
import type { Session } from '../../shared/api';
import { AdminPage } from '../features/admin/AdminPage';
import { LazyDashboard } from '../features/dashboard/LazyDashboard';
import { RatingsPage } from '../features/ratings/RatingsPage';
import { SupervisionPage } from '../features/supervision/SupervisionPage';
import { useT } from '../i18n';
import { useRoute } from '../stores/route';
import { consolePagesByRole } from './console-mode';
import { HeaderUser } from './HeaderUser';
import { pageLabel, type Page } from './navigation';

/**
 * The center's browser console (part U of issue 16): the header names the center — the console
 * belongs to no window — and the menu holds the center's pages of the role, nothing of a
 * terminal's (intake, sync, printers, database, screen lock).
 */
export function ConsoleShell({ session }: { session: Session }) {
  const t = useT();
  const { route, navigate } = useRoute();
  const pages = consolePagesByRole[session.user.role] ?? [];
  const page: Page | undefined =
    route && pages.includes(route.page as Page) ? (route.page as Page) : pages[0];

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
        <HeaderUser user={session.user} />
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
          {page === 'ratings' && <RatingsPage />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
