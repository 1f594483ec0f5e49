import { App, Button, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import type { ServiceItem } from '../../../shared/catalog';
import { adminCall, useCenterQuery } from './center';
import { ItemEditor, type ItemEditing } from './ItemEditor';
import { ItemView } from './ItemView';
import { useAdminMessages } from './messages';
import { TabFrame } from './TabFrame';

export function ItemsTab() {
  const m = useAdminMessages();
  const { message } = App.useApp();
  const items = useCenterQuery('admin.items.list', {});
  const departments = useCenterQuery('admin.departments.list', {});
  const [department, setDepartment] = useState<string | null>(null);
  const [viewing, setViewing] = useState<ServiceItem | null>(null);
  const [editing, setEditing] = useState<ItemEditing | null>(null);
  const shown = (items.data ?? []).filter((i) => !department || i.departmentCode === department);

  const remove = async (item: ServiceItem) => {
    const r = await adminCall('admin.items.delete', { code: item.code });
    if (!r.ok) void message.error(r.error.message, 6);
    items.reload();
  };
  const save = (item: Record<string, unknown>) =>
    editing?.mode === 'edit'
      ? adminCall('admin.items.update', { code: editing.item.code, item })
      : adminCall('admin.items.create', { item });

  return (
    <TabFrame
      error={items.error ?? departments.error}
      onRetry={() => {
        items.reload();
        departments.reload();
      }}
      toolbar={
        <>
          <Select
            aria-label={m('department')}
            style={{ width: 240 }}
            value={department ?? ''}
            onChange={(v: string) => setDepartment(v || null)}
            options={[
              { value: '', label: m('allDepartments') },
              ...(departments.data ?? []).map((d) => ({
                value: d.code,
                label: `${d.code} ${d.name}`,
              })),
            ]}
          />
          <Button
            type="primary"
            onClick={() =>
              setEditing({
                mode: 'create',
                departmentCode: department ?? departments.data?.[0]?.code ?? '',
              })
            }
          >
            {m('addItem')}
          </Button>
        </>
      }
    >
      <Table<ServiceItem>
        rowKey="code"
        size="small"
        loading={items.loading}
        dataSource={shown}
        pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: m('itemCode'), dataIndex: 'code', width: 110 },
          { title: m('itemName'), dataIndex: 'name', ellipsis: true },
          { title: m('department'), dataIndex: 'departmentCode', width: 80 },
          {
            title: m('days'),
            width: 170,
            render: (_, i) =>
              m('daysValue', { promised: i.promisedDays, statutory: i.statutoryDays }),
          },
          {
            title: m('actions'),
            width: 200,
            render: (_, item) => (
              <Space size={4}>
                <Button size="small" onClick={() => setViewing(item)}>
                  {m('view')}
                </Button>
                <Button size="small" onClick={() => setEditing({ mode: 'edit', item })}>
                  {m('edit')}
                </Button>
                <Popconfirm
                  title={m('deleteItemConfirm', { name: item.name })}
                  okText={m('delete')}
                  cancelText={m('cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => void remove(item)}
                >
                  <Button size="small" danger>
                    {m('delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <ItemView item={viewing} onClose={() => setViewing(null)} />
      <ItemEditor
        editing={editing}
        save={save}
        onCancel={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          items.reload();
        }}
      />
    </TabFrame>
  );
}
