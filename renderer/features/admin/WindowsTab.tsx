import {
  Alert,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../shared/api';
import type { CenterWindow } from '../../../shared/sync';
import { shanghaiMinute } from '../../format';
import { adminCall, useCenterQuery } from './center';
import { FormModal } from './FormModal';
import { OneTimeCode } from './OneTimeCode';
import { useAdminMessages } from './messages';
import { TabFrame } from './TabFrame';

type WindowForm = { code: string; name: string; departmentCode: string };
type Editing = { mode: 'create' } | { mode: 'edit'; window: CenterWindow } | null;
type Issued = { window: CenterWindow; code: string; expiresAt: string };
type CounterForm = { counter?: number | null };

/** The code is read off the manager's screen and typed at the window's PC: big, and copyable. */
function EnrollmentCode({ issued, onClose }: { issued: Issued | null; onClose: () => void }) {
  const m = useAdminMessages();
  return (
    <Modal
      open={issued !== null}
      title={m('codeTitle')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} autoFocus>
          {m('confirm')}
        </Button>
      }
    >
      {issued && (
        <div data-testid="enrollment-code-dialog">
          <Typography.Paragraph>
            {m('codeFor', { window: `${issued.window.code} ${issued.window.name}` })}
          </Typography.Paragraph>
          <OneTimeCode
            code={issued.code}
            expires={m('codeExpires', { at: shanghaiMinute(issued.expiresAt) })}
            testId="enrollment-code"
          />
        </div>
      )}
    </Modal>
  );
}

export function WindowsTab() {
  const m = useAdminMessages();
  const windows = useCenterQuery('admin.windows.list', {});
  const departments = useCenterQuery('admin.departments.list', {});
  const [editing, setEditing] = useState<Editing>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [issueError, setIssueError] = useState<ApiError | null>(null);
  // issue 17 part 1: the number over the counter, heard in the hall's calls
  const counters = useCenterQuery('admin.windows.counters', {});
  const [numbering, setNumbering] = useState<CenterWindow | null>(null);
  const counterOf = new Map((counters.data ?? []).map((c) => [c.windowCode, c.counter]));
  const departmentName = new Map((departments.data ?? []).map((d) => [d.code, d.name]));

  const issue = async (window: CenterWindow) => {
    const r = await adminCall('admin.enrollmentCode.create', { windowId: window.id });
    if (r.ok) {
      setIssueError(null);
      setIssued({ window, ...r.value });
    } else setIssueError(r.error);
  };
  const done = () => {
    setEditing(null);
    windows.reload();
  };

  return (
    <TabFrame
      error={windows.error ?? departments.error ?? counters.error}
      onRetry={() => {
        windows.reload();
        departments.reload();
        counters.reload();
      }}
      toolbar={
        <Button type="primary" onClick={() => setEditing({ mode: 'create' })}>
          {m('addWindow')}
        </Button>
      }
    >
      {issueError && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setIssueError(null) }}
          title={m('failed')}
          description={issueError.message}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<CenterWindow>
        rowKey="id"
        size="small"
        loading={windows.loading}
        dataSource={windows.data ?? []}
        pagination={false}
        columns={[
          { title: m('windowCode'), dataIndex: 'code', width: 120 },
          { title: m('windowName'), dataIndex: 'name' },
          {
            title: m('department'),
            dataIndex: 'departmentCode',
            render: (code: string) => `${code} ${departmentName.get(code) ?? ''}`,
          },
          {
            title: m('counter'),
            width: 110,
            render: (_, w) => {
              const n = counterOf.get(w.code);
              return n === undefined ? '—' : m('counterOf', { n });
            },
          },
          {
            title: m('actions'),
            width: 320,
            render: (_, w) => (
              <Space>
                <Button size="small" onClick={() => setEditing({ mode: 'edit', window: w })}>
                  {m('edit')}
                </Button>
                <Button size="small" onClick={() => void issue(w)}>
                  {m('issueCode')}
                </Button>
                <Button size="small" onClick={() => setNumbering(w)}>
                  {m('setCounter')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<WindowForm>
        open={editing !== null}
        title={editing?.mode === 'edit' ? m('editWindow') : m('addWindow')}
        initialValues={editing?.mode === 'edit' ? editing.window : {}}
        onCancel={() => setEditing(null)}
        onDone={done}
        testId="window-form"
        submit={(v) =>
          editing?.mode === 'edit'
            ? adminCall('admin.windows.update', {
                id: editing.window.id,
                code: v.code,
                name: v.name,
              })
            : adminCall('admin.windows.create', v)
        }
      >
        <Form.Item
          name="departmentCode"
          label={m('department')}
          rules={[{ required: true, message: m('required') }]}
        >
          <Select
            disabled={editing?.mode === 'edit'}
            showSearch={{ optionFilterProp: 'label' }}
            options={(departments.data ?? []).map((d) => ({
              value: d.code,
              label: `${d.code} ${d.name}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="code"
          label={m('windowCode')}
          rules={[{ required: true, message: m('required') }]}
        >
          <Input placeholder="SJ01" />
        </Form.Item>
        <Form.Item
          name="name"
          label={m('windowName')}
          rules={[{ required: true, message: m('required') }]}
        >
          <Input />
        </Form.Item>
      </FormModal>
      <FormModal<CounterForm>
        open={numbering !== null}
        title={m('counterTitle', {
          window: numbering ? `${numbering.code} ${numbering.name}` : '',
        })}
        initialValues={{ counter: numbering ? (counterOf.get(numbering.code) ?? null) : null }}
        onCancel={() => setNumbering(null)}
        onDone={() => {
          setNumbering(null);
          counters.reload();
        }}
        testId="counter-form"
        submit={(v) =>
          adminCall('admin.windows.setCounter', {
            windowCode: numbering?.code ?? '',
            counter: v.counter ?? null,
          })
        }
      >
        <Typography.Paragraph type="secondary">{m('counterHint')}</Typography.Paragraph>
        <Form.Item name="counter" label={m('counter')}>
          <InputNumber min={1} max={999} precision={0} style={{ width: 140 }} />
        </Form.Item>
      </FormModal>
      <EnrollmentCode issued={issued} onClose={() => setIssued(null)} />
    </TabFrame>
  );
}
