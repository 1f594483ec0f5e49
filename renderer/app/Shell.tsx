import { Empty, Layout, Menu, Typography } from 'antd';
import { useEffect } from 'react';
import type { Session } from '../../shared/api';
import { AdminPage } from '../features/admin/AdminPage';
import { CasePage } from '../features/cases/CasePage';
import { LazyDashboard } from '../features/dashboard/LazyDashboard';
import { MyCases } from '../features/cases/MyCases';
import { CalendarChangesPanel } from '../features/calendar-changes/CalendarChangesPanel';
import { GuidePage, PrintPage } from '../features/documents/PrintPage';
import { IntakePage } from '../features/intake/IntakePage';
import { ReportPage } from '../features/reports/ReportPage';
import { TestPage } from '../features/print/TestPage';
import { ReportPrint } from '../features/reports/ReportPrint';
import { ReviewQueue } from '../features/review/ReviewQueue';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SupervisionPage } from '../features/supervision/SupervisionPage';
import { AlertsMenuLabel } from '../features/window-alerts/AlertsMenuLabel';
import { WindowAlertsPage } from '../features/window-alerts/WindowAlertsPage';
import { WindowRatingsPage } from '../features/window-ratings/WindowRatingsPage';
import { ClockBanner } from '../features/sync/ClockBanner';
import { ConflictsPage } from '../features/sync/ConflictsPage';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { useT } from '../i18n';
import { useRoute, type Route } from '../stores/route';
import { useScreenLock } from '../stores/screen-lock';
import { Lockable } from '../features/screen-lock/Lockable';
import { LockScreen } from '../features/screen-lock/LockScreen';
import { useIdleLock } from '../features/screen-lock/useIdleLock';
import { HeaderUser } from './HeaderUser';
import { mayOpen, pageLabel, pagesByRole, type Page } from './navigation';

// print, guide and report print pages are whole-window documents, rendered before the shell
function Content({
  route,
  t,
}: {
  route: Exclude<Route, { page: 'print' | 'guide' | 'reportPrint' | 'printTest' }>;
  t: ReturnType<typeof useT>;
}) {
  switch (route.page) {
    case 'myCases':
      return (
        <>
          <CalendarChangesPanel />
          <MyCases />
        </>
      );
    case 'intake':
      return (
        <IntakePage
          key={route.caseId ?? 'new'}
          {...(route.caseId ? { caseId: route.caseId } : {})}
        />
      );
    case 'case':
      return (
        <CasePage
          key={route.caseId}
          caseId={route.caseId}
          {...(route.eventId ? { eventId: route.eventId } : {})}
        />
      );
    case 'review':
      return <ReviewQueue />;
    case 'reports':
      return <ReportPage />;
    case 'dashboard':
      return <LazyDashboard />;
    case 'supervision':
      return <SupervisionPage />;
    case 'alerts':
      return <WindowAlertsPage />;
    case 'windowRatings':
      return <WindowRatingsPage />;
    case 'admin':
      return <AdminPage />;
    case 'settings':
      return <SettingsPage />;
    case 'conflicts':
      return <ConflictsPage />;
    default:
      return (
        <Empty
          style={{ marginTop: 96 }}
          description={t('page.comingWith', { what: t(pageLabel[(route as { page: Page }).page]) })}
        />
      );
  }
}

/**
 * The signed-in shell. A public counter locks itself after the PC's idle time (issue 16 point 8):
 * the pages stay mounted behind the lock — a half-filled intake is there after unlock — but
 * nothing of them is left in the document while locked.
 */
export function Shell({ session }: { session: Session }) {
  const locked = useScreenLock((s) => s.locked);
  useIdleLock();
  return (
    <>
      <Lockable locked={locked}>
        <ShellBody session={session} />
      </Lockable>
      {locked && <LockScreen session={session} />}
    </>
  );
}

function ShellBody({ session }: { session: Session }) {
  const t = useT();
  const pages = pagesByRole[session.user.role];
  const { route: current, navigate } = useRoute();
  const route: Route =
    current && mayOpen(session.user.role, current.page) ? current : { page: pages[0] ?? 'myCases' };
  const canReceive = pages.includes('intake');

  // Alt+I opens a new intake from anywhere: the next applicant is already at the counter.
  useEffect(() => {
    if (!canReceive) return;
    const onKey = (e: KeyboardEvent) => {
      // not over an open dialog: what is typed there would be lost
      const dialogOpen = document.querySelector('.ant-modal-wrap:not([style*="display: none"])');
      // nor behind the lock screen: a new intake would replace the one kept for after unlock
      const locked = useScreenLock.getState().locked;
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyI' && !dialogOpen && !locked) {
        e.preventDefault();
        navigate({ page: 'intake' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canReceive, navigate]);

  // A printed notice or guide is the document alone: no header, no menu (window.print() prints
  // the page). Keyed by the document: going from one notice to the next starts a fresh page, so
  // the previous notice is never on screen (nor printed) while the next one loads.
  if (route.page === 'print')
    return (
      <PrintPage
        key={`${route.caseId}/${route.eventId}`}
        caseId={route.caseId}
        eventId={route.eventId}
      />
    );
  if (route.page === 'guide') return <GuidePage key={route.itemCode} itemCode={route.itemCode} />;
  if (route.page === 'printTest') return <TestPage printer={route.printer} />;
  if (route.page === 'reportPrint')
    return (
      <ReportPrint
        from={route.from}
        to={route.to}
        {...(route.windowId ? { windowId: route.windowId } : {})}
      />
    );
  const page = route.page;

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 24,
          background: '#7f1d1d',
          paddingInline: 24,
        }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 20, whiteSpace: 'nowrap' }}>
          {t('appName')}
        </Typography.Text>
        <div style={{ color: '#fde7e7', lineHeight: 1.3, minWidth: 0 }} data-testid="shell-place">
          <div style={{ fontSize: 13, opacity: 0.85 }}>{session.centerName}</div>
          <div style={{ fontSize: 15, fontWeight: 600, color: '#fff' }}>
            {session.department
              ? `${session.department.name} · ${session.window?.name ?? ''}`
              : t('shell.noWindow')}
          </div>
        </div>
        <div style={{ flex: 1 }} />
        <SyncIndicator />
        <HeaderUser user={session.user} />
      </Layout.Header>
      <ClockBanner manager={session.user.role === 'manager'} />
      <Layout>
        <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #eee' }}>
          <Menu
            mode="inline"
            selectedKeys={[page]}
            onClick={(e) => navigate({ page: e.key as Page })}
            items={pages.map((p) => ({
              key: p,
              label:
                p === 'intake' ? (
                  `${t(pageLabel[p])}  Alt+I`
                ) : p === 'alerts' ? (
                  <AlertsMenuLabel label={t(pageLabel[p])} />
                ) : (
                  t(pageLabel[p])
                ),
            }))}
            style={{ borderRight: 0, paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Content route={route} t={t} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
