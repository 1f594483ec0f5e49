import { App, Button, Table, Tag } from 'antd';
import type { DeviceSummary } from '../../../shared/api/admin-contract';
import { shanghaiMinute } from '../../format';
import { adminCall, useCenterQuery } from './center';
import { useAdminMessages } from './messages';
import { TabFrame } from './TabFrame';

export function DevicesTab() {
  const m = useAdminMessages();
  const { message, modal } = App.useApp();
  const devices = useCenterQuery('admin.devices.list', {});

  // Revoking cannot be undone (the PC must enroll again): a dialog that names the PC, not a popover.
  const revoke = (d: DeviceSummary) => {
    modal.confirm({
      title: m('revokeConfirmTitle'),
      content: m('revokeConfirm', {
        window: `${d.window.code} ${d.window.name}`,
        number: d.terminalNumber,
        label: d.label,
      }),
      okText: m('revoke'),
      okButtonProps: { danger: true },
      cancelText: m('cancel'),
      onOk: async () => {
        const r = await adminCall('admin.devices.revoke', { id: d.id });
        if (!r.ok) void message.error(r.error.message, 6);
        devices.reload();
      },
    });
  };

  return (
    <TabFrame error={devices.error} onRetry={devices.reload}>
      <Table<DeviceSummary>
        rowKey="id"
        size="small"
        loading={devices.loading}
        dataSource={devices.data ?? []}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        columns={[
          {
            title: m('window'),
            render: (_, d) => `${d.window.code} ${d.window.name}`,
          },
          { title: m('terminalNumber'), dataIndex: 'terminalNumber', width: 90 },
          { title: m('label'), dataIndex: 'label', ellipsis: true },
          { title: m('lastSeq'), dataIndex: 'lastSeq', width: 110 },
          // part C (issue 15): what each PC last said of itself
          {
            title: m('appVersion'),
            width: 90,
            render: (_, d) => d.health.appVersion ?? '—',
          },
          {
            title: m('lastSeen'),
            width: 140,
            render: (_, d) =>
              d.health.lastSeenAt ? shanghaiMinute(d.health.lastSeenAt) : m('never'),
          },
          {
            title: m('pending'),
            width: 80,
            render: (_, d) => d.health.pending ?? '—',
          },
          {
            title: m('health'),
            width: 200,
            render: (_, d) => <DeviceHealthTags health={d.health} />,
          },
          {
            title: m('clock'),
            dataIndex: 'clock',
            width: 150,
            render: (clock: DeviceSummary['clock']) =>
              clock === null ? (
                '—'
              ) : (
                <Tag
                  color={clock.skewed ? 'red' : 'default'}
                  title={shanghaiMinute(clock.measuredAt)}
                >
                  {m(clock.skewed ? 'clockSkewed' : 'clockOk', {
                    n: Math.round(clock.offsetMs / 1000),
                  })}
                </Tag>
              ),
          },
          {
            title: m('enrolledAt'),
            dataIndex: 'enrolledAt',
            width: 150,
            render: (at: string) => shanghaiMinute(at),
          },
          {
            title: m('status'),
            dataIndex: 'revokedAt',
            width: 190,
            render: (at: string | null) =>
              at ? (
                <Tag>{m('revoked', { at: shanghaiMinute(at) })}</Tag>
              ) : (
                <Tag color="green">{m('enrolled')}</Tag>
              ),
          },
          {
            title: m('actions'),
            width: 90,
            render: (_, d) =>
              d.revokedAt ? null : (
                <Button size="small" danger onClick={() => revoke(d)}>
                  {m('revoke')}
                </Button>
              ),
          },
        ]}
      />
    </TabFrame>
  );
}

/** The PC's trouble at a glance: its last sync error, a damaged database, its crashes. */
function DeviceHealthTags({ health }: { health: DeviceSummary['health'] }) {
  const m = useAdminMessages();
  const troubles = [
    health.lastError ? (
      <Tag key="error" color="orange" title={health.lastError} style={{ maxWidth: 180 }}>
        <span
          style={{
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            display: 'inline-block',
            maxWidth: 160,
            verticalAlign: 'bottom',
          }}
        >
          {health.lastError}
        </span>
      </Tag>
    ) : null,
    health.integrity && health.integrity !== 'ok' ? (
      <Tag key="integrity" color="red" title={health.integrity}>
        {m('integrityBad')}
      </Tag>
    ) : null,
    health.crashReports > 0 ? (
      <Tag
        key="crashes"
        color="red"
        title={health.lastCrashAt ? shanghaiMinute(health.lastCrashAt) : ''}
      >
        {m('crashes', { n: health.crashReports })}
      </Tag>
    ) : null,
  ].filter(Boolean);
  return troubles.length > 0 ? <>{troubles}</> : <Tag color="green">{m('healthOk')}</Tag>;
}
