import { Button, DatePicker, Form, Input, Popconfirm, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ApiError } from '../../../shared/api';
import { shanghaiDate, typedDayProblem } from '../../../shared/calendar';
import { adminCall, showAtField, useCenterQuery } from './center';
import { useAdminMessages } from './messages';
import { SaveError, TabFrame } from './TabFrame';

type Closure = { date: string; reason: string };
type NewClosure = { date: Dayjs | null; reason: string };

export function ClosuresTab() {
  const m = useAdminMessages();
  const closures = useCenterQuery('admin.closures.get', {});
  const [form] = Form.useForm<NewClosure>();
  const [error, setError] = useState<ApiError | null>(null);
  const list = closures.data ?? [];
  const today = shanghaiDate(Date.now());

  // The center takes the list whole; a refusal names the entry by index.
  const replace = async (next: Closure[], added: boolean) => {
    const r = await adminCall('admin.closures.set', { closures: next });
    if (r.ok) {
      setError(null);
      if (added) form.resetFields();
      closures.reload();
      return;
    }
    const field = r.error.field?.replace(/^closures\.\d+\./, '');
    const atNew = added && r.error.field?.startsWith(`closures.${next.length - 1}.`);
    setError(atNew && field && showAtField(form, { ...r.error, field }) ? null : r.error);
  };
  const add = (v: NewClosure) =>
    replace([...list, { date: v.date?.format('YYYY-MM-DD') ?? '', reason: v.reason }], true);

  return (
    <TabFrame error={closures.error} onRetry={closures.reload}>
      <Typography.Paragraph type="secondary">{m('closuresHint')}</Typography.Paragraph>
      <Form<NewClosure>
        form={form}
        layout="inline"
        onFinish={(v) => void add(v)}
        style={{ marginBottom: 12, rowGap: 8 }}
        data-testid="closure-form"
      >
        <Form.Item
          name="date"
          label={m('closureDate')}
          rules={[{ required: true, message: m('required') }]}
        >
          {/* the center refuses other days (shared/calendar/typed-dates.ts) */}
          <DatePicker
            format="YYYY-MM-DD"
            disabledDate={(d) => typedDayProblem(d.format('YYYY-MM-DD'), today) !== null}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={m('closureReason')}
          rules={[{ required: true, message: m('required') }]}
        >
          <Input style={{ width: 280 }} maxLength={100} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {m('addClosure')}
          </Button>
        </Form.Item>
      </Form>
      <SaveError error={error} />
      <Table<Closure>
        rowKey="date"
        size="small"
        loading={closures.loading}
        dataSource={list}
        pagination={false}
        columns={[
          { title: m('closureDate'), dataIndex: 'date', width: 160 },
          { title: m('closureReason'), dataIndex: 'reason' },
          {
            title: m('actions'),
            width: 100,
            render: (_, c) => (
              <Popconfirm
                title={m('removeConfirm', { date: c.date })}
                okText={m('delete')}
                cancelText={m('cancel')}
                onConfirm={() =>
                  void replace(
                    list.filter((x) => x.date !== c.date),
                    false,
                  )
                }
              >
                <Button size="small" danger>
                  {m('delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </TabFrame>
  );
}
