import { Button, Form, Input, Radio, Table, Typography } from 'antd';
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
            title: m('deptReconsiderationBody'),
            dataIndex: 'reconsiderationBody',
            render: (v: string | undefined) => v ?? <NotSet text={m('deptNotSet')} />,
          },
          {
            title: m('deptCourt'),
            dataIndex: 'court',
            render: (v: string | undefined) => v ?? <NotSet text={m('deptNotSet')} />,
          },
          {
            title: m('deptIntakeSeal'),
            dataIndex: 'intakeSeal',
            width: 110,
            render: (v: Department['intakeSeal']) =>
              v === 'byHand' ? m('deptIntakeSealByHand') : m('deptIntakeSealPrinted'),
          },
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
        submit={(v) => {
          const department = withSettings(v);
          return editing?.mode === 'rename'
            ? adminCall('admin.departments.update', {
                ...department,
                code: editing.department.code,
              })
            : adminCall('admin.departments.create', department);
        }}
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
        <Form.Item
          name="reconsiderationBody"
          label={m('deptReconsiderationBody')}
          extra={m('deptReconsiderationHint')}
        >
          <Input maxLength={60} placeholder="示范区人民政府" />
        </Form.Item>
        <Form.Item name="court" label={m('deptCourt')} extra={m('deptCourtHint')}>
          <Input maxLength={60} placeholder="示范区人民法院" />
        </Form.Item>
        <Form.Item name="intakeSeal" label={m('deptIntakeSeal')} initialValue="printed">
          <Radio.Group
            options={[
              { value: 'printed', label: m('deptIntakeSealPrinted') },
              { value: 'byHand', label: m('deptIntakeSealByHand') },
            ]}
          />
        </Form.Item>
      </FormModal>
    </TabFrame>
  );
}

function NotSet({ text }: { text: string }) {
  return <Typography.Text type="danger">{text}</Typography.Text>;
}

/** Blank settings are left out (the center clears them), never sent as empty text. */
function withSettings(v: Department): Department {
  const body = v.reconsiderationBody?.trim();
  const court = v.court?.trim();
  return {
    code: v.code,
    name: v.name,
    ...(body ? { reconsiderationBody: body } : {}),
    ...(court ? { court } : {}),
    intakeSeal: v.intakeSeal ?? 'printed',
  };
}
