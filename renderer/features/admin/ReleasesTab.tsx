import { App, Button, Flex, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TerminalRelease } from '../../../shared/center-api';
import { protocolVersion } from '../../../shared/sync';
import { shanghaiMinute } from '../../format';
import { adminCall, useCenterQuery } from './center';
import { FormModal } from './FormModal';
import { useAdminMessages } from './messages';
import { TabFrame } from './TabFrame';

// Part H (issue 15 point 4): the manager decides which terminal release the center offers, and
// to whom — a share of the PCs (a stable draw per PC and version) and/or named windows. The files
// sit in the center's data folder (updates/<version>/, as electron-builder leaves them); the center
// checks them at every publish and names the field it refuses, which the form shows there.

type PublishForm = { version: string; protocol: number; percent: number; windowIds: string[] };

export function ReleasesTab() {
  const m = useAdminMessages();
  const { message, modal } = App.useApp();
  const releases = useCenterQuery('admin.releases.list', {});
  const windows = useCenterQuery('admin.windows.list', {});
  const [editing, setEditing] = useState<TerminalRelease | null>(null);

  const windowName = (id: string) => {
    const w = windows.data?.find((x) => x.id === id);
    return w ? `${w.code} ${w.name}` : m('windowGone');
  };

  // Withdrawing stops the offer at once; PCs already updated keep the version they run.
  const withdraw = (r: TerminalRelease) => {
    modal.confirm({
      title: m('withdrawConfirmTitle', { version: r.version }),
      content: m('withdrawConfirm'),
      okText: m('withdraw'),
      okButtonProps: { danger: true },
      cancelText: m('cancel'),
      onOk: async () => {
        const res = await adminCall('admin.releases.withdraw', { version: r.version });
        if (!res.ok) void message.error(res.error.message, 6);
        releases.reload();
      },
    });
  };

  const initial = (r: TerminalRelease): PublishForm => ({
    version: r.version,
    protocol: r.published?.protocol ?? protocolVersion,
    percent: r.published?.withdrawnAt === null ? r.published.percent : 0,
    windowIds: r.published?.withdrawnAt === null ? r.published.windowIds : [],
  });

  return (
    <TabFrame error={releases.error ?? windows.error} onRetry={releases.reload}>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {m('releasesHint')}
      </Typography.Paragraph>
      <Table<TerminalRelease>
        rowKey="version"
        size="small"
        tableLayout="fixed"
        loading={releases.loading}
        dataSource={releases.data ?? []}
        locale={{ emptyText: m('noReleases') }}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        columns={[
          {
            title: m('releaseVersion'),
            width: 150,
            render: (_, r) => (
              <Flex vertical>
                <Typography.Text strong>{r.version}</Typography.Text>
                <Typography.Text
                  type="secondary"
                  style={{ fontSize: 12 }}
                  ellipsis={{ tooltip: true }}
                >
                  {r.channels.length > 0 ? r.channels.join('、') : m('noChannelFiles')}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: m('releaseProtocol'),
            width: 80,
            render: (_, r) => r.published?.protocol ?? '—',
          },
          {
            title: m('releasePercent'),
            width: 90,
            render: (_, r) => (r.published ? `${r.published.percent}%` : '—'),
          },
          {
            title: m('releaseWindows'),
            render: (_, r) =>
              r.published && r.published.windowIds.length > 0 ? (
                <Typography.Text ellipsis={{ tooltip: true }}>
                  {r.published.windowIds.map(windowName).join('、')}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            title: m('releaseState'),
            width: 230,
            render: (_, r) => <ReleaseState release={r} />,
          },
          {
            title: m('actions'),
            width: 170,
            render: (_, r) => (
              <Flex gap={8}>
                <Button size="small" type="primary" ghost onClick={() => setEditing(r)}>
                  {r.published && r.published.withdrawnAt === null ? m('restage') : m('publish')}
                </Button>
                {r.published && r.published.withdrawnAt === null && (
                  <Button size="small" danger onClick={() => withdraw(r)}>
                    {m('withdraw')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
      <FormModal<PublishForm>
        open={editing !== null}
        title={m('publishTitle', { version: editing?.version ?? '' })}
        okText={m('publish')}
        initialValues={editing ? initial(editing) : {}}
        onCancel={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          void message.success(m('published'));
          releases.reload();
        }}
        testId="release-form"
        submit={(v) =>
          adminCall('admin.releases.publish', {
            // the version is the row's: the disabled field only shows it
            version: editing?.version ?? v.version,
            protocol: v.protocol,
            percent: v.percent,
            windowIds: v.windowIds ?? [],
          })
        }
      >
        <Form.Item name="version" label={m('releaseVersion')}>
          <Input disabled />
        </Form.Item>
        <Form.Item
          name="protocol"
          label={m('releaseProtocol')}
          extra={m('releaseProtocolHint', { n: protocolVersion })}
          rules={[{ required: true, message: m('required') }]}
        >
          <InputNumber precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="percent"
          label={m('releasePercent')}
          extra={m('releasePercentHint')}
          rules={[
            { required: true, message: m('required') },
            {
              // the center refuses it too; said here at once, where the manager typed it
              validator: (_rule, value: unknown) =>
                typeof value === 'number' && (!Number.isInteger(value) || value < 0 || value > 100)
                  ? Promise.reject(new Error(m('percentRange')))
                  : Promise.resolve(),
            },
          ]}
        >
          <InputNumber addonAfter="%" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="windowIds" label={m('releaseWindows')} extra={m('releaseWindowsHint')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            options={(windows.data ?? []).map((w) => ({
              value: w.id,
              label: `${w.code} ${w.name}`,
            }))}
          />
        </Form.Item>
      </FormModal>
    </TabFrame>
  );
}

/** Placed only, offered, withdrawn, or published in a protocol the center no longer speaks. */
function ReleaseState({ release: r }: { release: TerminalRelease }) {
  const m = useAdminMessages();
  const p = r.published;
  if (!p) return <Tag>{m('releasePlaced')}</Tag>;
  const by = m('releasePublishedBy', { at: shanghaiMinute(p.publishedAt), by: p.publishedBy });
  const tag =
    p.withdrawnAt !== null ? (
      <Tag>{m('releaseWithdrawn', { at: shanghaiMinute(p.withdrawnAt) })}</Tag>
    ) : p.offered ? (
      <Tag color="green">{m('releaseOffered')}</Tag>
    ) : (
      <Tag color="red">{m('releaseProtocolOff')}</Tag>
    );
  return (
    <Flex vertical gap={2} align="flex-start">
      {tag}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {by}
      </Typography.Text>
    </Flex>
  );
}
