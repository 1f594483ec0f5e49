import { Spin } from 'antd';
import { lazy, Suspense } from 'react';

// The chart library is the largest part of the dashboard: loaded when a manager opens it, not
// with every window's shell (nor with the console's, part U of issue 16).
const DashboardPage = lazy(() =>
  import('./DashboardPage').then((m) => ({ default: m.DashboardPage })),
);

export function LazyDashboard() {
  return (
    <Suspense fallback={<Spin style={{ display: 'block', marginTop: 96 }} />}>
      <DashboardPage />
    </Suspense>
  );
}
