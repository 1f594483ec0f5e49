import { Badge, Button, Space, Tag, Tooltip } from 'antd';
import { useCallback, useState } from 'react';
import type { SyncStatus } from '../../../shared/api';
import { call } from '../../api';
import { shanghaiMinute } from '../../format';
import { useRoute } from '../../stores/route';
import { useLiveRefresh } from '../cases/live';
import { useSyncMessages } from './messages';

// Often enough that "待上传" visibly drains after a round; each read is a few counts locally.
const statusRefreshMs = 10_000;

const badge: Record<
  SyncStatus['state'],
  'success' | 'processing' | 'default' | 'warning' | 'error'
> = {
  idle: 'success',
  syncing: 'processing',
  offline: 'default',
  outdated: 'warning',
  blocked: 'error',
};

/** The header's word on the center: connected or not, what waits to go, what conflicted. */
export function SyncIndicator() {
  const m = useSyncMessages();
  const navigate = useRoute((s) => s.navigate);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await call('sync.status', {});
    if (r.ok) setStatus(r.value);
  }, []);
  useLiveRefresh(load, statusRefreshMs);

  const syncNow = async () => {
    setBusy(true);
    const r = await call('sync.now', {});
    setBusy(false);
    if (r.ok) setStatus(r.value);
  };

  if (!status?.enrolled) {
    return (
      <Tag color="default" style={{ margin: 0 }} data-testid="sync-status">
        <Badge status="default" /> {m('notEnrolled')}
      </Tag>
    );
  }
  const detail = status.state === 'outdated' ? m('outdatedHint') : (status.lastError ?? undefined);
  return (
    <Space size={6} data-testid="sync-indicator">
      <Tooltip title={detail}>
        <Tag color="default" style={{ margin: 0 }} data-testid="sync-status">
          <Badge status={badge[status.state]} /> {m(status.state)}
        </Tag>
      </Tooltip>
      {status.pending > 0 && (
        <Tag style={{ margin: 0 }} data-testid="sync-pending">
          {m('pending', { n: status.pending })}
        </Tag>
      )}
      {status.conflicts > 0 && (
        <Tag
          color="red"
          style={{ margin: 0, cursor: 'pointer' }}
          data-testid="sync-conflicts"
          role="link"
          tabIndex={0}
          onClick={() => navigate({ page: 'conflicts' })}
          onKeyDown={(e) => e.key === 'Enter' && navigate({ page: 'conflicts' })}
        >
          {m('conflicts', { n: status.conflicts })}
        </Tag>
      )}
      <span style={{ color: '#fde7e7', fontSize: 12 }} data-testid="sync-last">
        {status.lastSyncAt
          ? m('lastSync', { time: shanghaiMinute(status.lastSyncAt) })
          : m('never')}
      </span>
      <Button size="small" loading={busy} onClick={() => void syncNow()}>
        {m('syncNow')}
      </Button>
    </Space>
  );
}
