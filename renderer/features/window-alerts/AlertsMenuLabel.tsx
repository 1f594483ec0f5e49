import { Badge } from 'antd';
import { useCallback, useState } from 'react';
import { call } from '../../api';
import { useLiveRefresh } from '../cases/live';
import { pendingCount } from './WindowAlertsPage';

/** The menu's 监察预警 with the count of open alerts and unfinished complaints beside it. */
export function AlertsMenuLabel({ label }: { label: string }) {
  const [count, setCount] = useState(0);
  const load = useCallback(async () => {
    const r = await call('alerts.mine', {});
    if (r.ok) setCount(pendingCount(r.value));
  }, []);
  // a local read of the copy the last sync took: cheap, so a new complaint shows within seconds
  useLiveRefresh(load, 10_000);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      {label}
      <Badge count={count} size="small" data-testid="alerts-badge" />
    </span>
  );
}
