import { App, Button, Flex, Table, Tag, Typography } from 'antd';
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
        // Fixed widths that add up to less than the content area at 1366 px: with the window
        // column left to take what remained, eleven columns squeezed it to one character a line.
        tableLayout="fixed"
        columns={[
          {
            // part H (issue 15): window, terminal number and computer name in one cell
            title: m('window'),
            render: (_, d) => <DeviceName device={d} />,
          },
          { title: m('lastSeq'), dataIndex: 'lastSeq', width: 100 },
          // part C (issue 15): what each PC last said of itself
          {
            title: m('appVersion'),
            width: 80,
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
            width: 70,
            render: (_, d) => d.health.pending ?? '—',
          },
          {
            title: m('health'),
            width: 170,
            render: (_, d) => <DeviceHealthTags health={d.health} />,
          },
          {
            title: m('clock'),
            dataIndex: 'clock',
            width: 100,
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
            title: m('status'),
            width: 170,
            render: (_, d) => (
              <Flex vertical gap={2}>
                {d.revokedAt ? (
                  <Tag style={{ width: 'fit-content' }}>
                    {m('revoked', { at: shanghaiMinute(d.revokedAt) })}
                  </Tag>
                ) : (
                  <Tag color="green" style={{ width: 'fit-content' }}>
                    {m('enrolled')}
                  </Tag>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m('enrolledOn', { at: shanghaiMinute(d.enrolledAt) })}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: m('actions'),
            width: 80,
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

/** Which PC: its window, then its terminal number and computer name (cut short, whole on hover). */
function DeviceName({ device: d }: { device: DeviceSummary }) {
  const m = useAdminMessages();
  const second = [m('terminalNo', { n: d.terminalNumber }), d.label].filter(Boolean).join(' · ');
  return (
    <Flex vertical style={{ minWidth: 0 }}>
      <Typography.Text
        ellipsis={{ tooltip: true }}
      >{`${d.window.code} ${d.window.name}`}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: true }}>
        {second}
      </Typography.Text>
    </Flex>
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
