import { Button, Form, Input, Table } from 'antd';
import { useState } from 'react';
import type { Department } from '../../../shared/catalog';
import { adminCall, useCenterQuery } from './center';
import { FormModal } from './FormModal';
import { useAdminMessages } from './messages';
import { TabFrame } from './TabFrame';

type Editing = { mode: 'create' } | { mode: 'rename'; department: Department } | null;

export function DepartmentsTab() {
  const m = useAdminMessages();
  const departments = useCenterQuery('admin.departments.list', {});
  const [editing, setEditing] = useState<Editing>(null);
  const done = () => {
    setEditing(null);
    departments.reload();
  };

  return (
    <TabFrame
      error={departments.error}
      onRetry={departments.reload}
      toolbar={
        <Button type="primary" onClick={() => setEditing({ mode: 'create' })}>
          {m('addDepartment')}
        </Button>
      }
    >
      <Table<Department>
        rowKey="code"
        size="small"
        loading={departments.loading}
        dataSource={departments.data ?? []}
        pagination={false}
        columns={[
          { title: m('deptCode'), dataIndex: 'code', width: 140 },
          { title: m('deptName'), dataIndex: 'name' },
          {
            title: m('actions'),
            width: 120,
            render: (_, d) => (
              <Button size="small" onClick={() => setEditing({ mode: 'rename', department: d })}>
                {m('edit')}
              </Button>
            ),
          },
        ]}
      />
      <FormModal<Department>
        open={editing !== null}
        title={editing?.mode === 'rename' ? m('renameDepartment') : m('addDepartment')}
        initialValues={editing?.mode === 'rename' ? editing.department : {}}
        onCancel={() => setEditing(null)}
        onDone={done}
        submit={(v) =>
          editing?.mode === 'rename'
            ? adminCall('admin.departments.update', { code: editing.department.code, name: v.name })
            : adminCall('admin.departments.create', v)
        }
      >
        <Form.Item
          name="code"
          label={m('deptCode')}
          rules={[{ required: true, message: m('required') }]}
        >
          <Input
            autoFocus={editing?.mode === 'create'}
            disabled={editing?.mode === 'rename'}
            placeholder="SJ"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={m('deptName')}
          rules={[{ required: true, message: m('required') }]}
        >
          <Input autoFocus={editing?.mode === 'rename'} />
        </Form.Item>
      </FormModal>
    </TabFrame>
  );
}
