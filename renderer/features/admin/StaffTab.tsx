import {
  App,
  Button,
  Checkbox,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  type FormInstance,
} from 'antd';
import { useState } from 'react';
import type { StaffSummary } from '../../../shared/api/admin-contract';
import { roles, type Role } from '../../../shared/case';
import type { CenterWindow } from '../../../shared/sync';
import { useT } from '../../i18n';
import { adminCall, useCenterQuery } from './center';
import { FormModal } from './FormModal';
import { useAdminMessages, type AdminM } from './messages';
import { TabFrame } from './TabFrame';

type StaffForm = {
  username: string;
  name: string;
  role: Role;
  windowId: string | null;
  centerOnly: boolean;
  password: string;
};
type Editing =
  | { mode: 'create' }
  | { mode: 'edit'; member: StaffSummary }
  | { mode: 'password'; member: StaffSummary }
  | null;

// Window staff act for one window; managers and supervisors for the whole center (no window).
const windowRoles: readonly Role[] = ['clerk', 'reviewer', 'chief'];

function PasswordItem({ m, label }: { m: AdminM; label: string }) {
  return (
    <Form.Item
      name="password"
      label={label}
      extra={m('passwordHint')}
      rules={[{ required: true, message: m('required') }]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}

function PlacementItems({
  form,
  windows,
}: {
  form: FormInstance<StaffForm>;
  windows: CenterWindow[];
}) {
  const m = useAdminMessages();
  const t = useT();
  const role = Form.useWatch('role', form);
  const needsWindow = role !== undefined && windowRoles.includes(role);
  const atCenter = role !== undefined && !needsWindow;
  return (
    <>
      <Form.Item name="role" label={m('role')} rules={[{ required: true, message: m('required') }]}>
        <Select
          options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          onChange={(r: Role) => {
            if (!windowRoles.includes(r)) form.setFieldValue('windowId', null);
            else form.setFieldValue('centerOnly', false);
          }}
        />
      </Form.Item>
      <Form.Item
        name="windowId"
        label={m('window')}
        rules={[{ required: needsWindow, message: m('windowRoleNeedsWindow') }]}
      >
        <Select
          disabled={!needsWindow}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={windows.map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
        />
      </Form.Item>
      {atCenter && (
        <Form.Item name="centerOnly" valuePropName="checked" extra={m('centerOnlyHint')}>
          <Checkbox>{m('centerOnly')}</Checkbox>
        </Form.Item>
      )}
    </>
  );
}

export function StaffTab() {
  const m = useAdminMessages();
  const t = useT();
  const { message } = App.useApp();
  const staff = useCenterQuery('admin.staff.list', {});
  const windows = useCenterQuery('admin.windows.list', {});
  const [editing, setEditing] = useState<Editing>(null);
  const windowList = windows.data ?? [];
  const windowLabel = new Map(windowList.map((w) => [w.id, `${w.code} ${w.name}`]));
  const done = () => {
    setEditing(null);
    staff.reload();
  };
  const deactivate = async (member: StaffSummary) => {
    const r = await adminCall('admin.staff.deactivate', { id: member.id });
    if (!r.ok) void message.error(r.error.message, 6);
    staff.reload();
  };

  const submit = (v: StaffForm) => {
    const placement = {
      name: v.name,
      role: v.role,
      windowId: v.windowId ?? null,
      centerOnly: !windowRoles.includes(v.role) && v.centerOnly === true,
    };
    switch (editing?.mode) {
      case 'edit':
        return adminCall('admin.staff.update', { id: editing.member.id, ...placement });
      case 'password':
        return adminCall('admin.staff.resetPassword', {
          id: editing.member.id,
          password: v.password,
        });
      default:
        return adminCall('admin.staff.create', {
          ...placement,
          username: v.username,
          password: v.password,
        });
    }
  };
  const title =
    editing?.mode === 'edit'
      ? m('editStaff')
      : editing?.mode === 'password'
        ? m('resetPasswordFor', { name: editing.member.name })
        : m('addStaff');

  return (
    <TabFrame
      error={staff.error ?? windows.error}
      onRetry={() => {
        staff.reload();
        windows.reload();
      }}
      toolbar={
        <Button type="primary" onClick={() => setEditing({ mode: 'create' })}>
          {m('addStaff')}
        </Button>
      }
    >
      <Table<StaffSummary>
        rowKey="id"
        size="small"
        loading={staff.loading}
        dataSource={staff.data ?? []}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        columns={[
          { title: m('username'), dataIndex: 'username', width: 140 },
          { title: m('name'), dataIndex: 'name', width: 120 },
          { title: m('role'), dataIndex: 'role', width: 130, render: (r: Role) => t(`role.${r}`) },
          {
            title: m('window'),
            dataIndex: 'windowId',
            render: (id: string | null, member) =>
              id ? (
                (windowLabel.get(id) ?? id)
              ) : member.centerOnly ? (
                <Tag color="purple">{m('centerOnlyTag')}</Tag>
              ) : (
                m('noWindow')
              ),
          },
          {
            title: m('status'),
            dataIndex: 'active',
            width: 90,
            render: (active: boolean) =>
              active ? <Tag color="green">{m('active')}</Tag> : <Tag>{m('inactive')}</Tag>,
          },
          {
            title: m('actions'),
            width: 230,
            render: (_, member) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing({ mode: 'edit', member })}>
                  {m('edit')}
                </Button>
                <Button size="small" onClick={() => setEditing({ mode: 'password', member })}>
                  {m('resetPassword')}
                </Button>
                {member.active && (
                  <Popconfirm
                    title={m('deactivateConfirm', { name: member.name })}
                    okText={m('deactivate')}
                    cancelText={m('cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => void deactivate(member)}
                  >
                    <Button size="small" danger>
                      {m('deactivate')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormModal<StaffForm>
        open={editing !== null}
        title={title}
        initialValues={
          editing && editing.mode !== 'create'
            ? editing.member
            : { windowId: null, centerOnly: false }
        }
        onCancel={() => setEditing(null)}
        onDone={done}
        testId="staff-form"
        submit={submit}
      >
        {(form) =>
          editing?.mode === 'password' ? (
            <PasswordItem m={m} label={m('newPassword')} />
          ) : (
            <>
              <Form.Item
                name="username"
                label={m('username')}
                rules={[{ required: true, message: m('required') }]}
              >
                <Input disabled={editing?.mode === 'edit'} autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="name"
                label={m('name')}
                rules={[{ required: true, message: m('required') }]}
              >
                <Input />
              </Form.Item>
              <PlacementItems form={form} windows={windowList} />
              {editing?.mode === 'create' && <PasswordItem m={m} label={m('initialPassword')} />}
            </>
          )
        }
      </FormModal>
    </TabFrame>
  );
}
