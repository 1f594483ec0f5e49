import { Button, Checkbox, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../shared/api';
import {
  officialEntryProblems,
  parseDateList,
  statutoryHolidays,
  type OfficialEntry,
} from '../../../shared/calendar';
import type { OfficialYearRecord } from '../../../shared/center-api';
import { ChangesTable } from '../calendar-changes/ChangesTable';
import { useCalendarMessages } from '../calendar-changes/messages';
import { adminCall, showAtField, useCenterQuery } from './center';
import { SaveError, TabFrame } from './TabFrame';

type Fields = { year: number | null; holidays: string; workdays: string; confirmPast: boolean };

const thisYear = () =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format());

/**
 * Next year's official table (issue 14 point 12), checked here with the very function the center
 * checks it with, then the open cases whose printed deadlines it moves.
 */
export function OfficialYearsTab() {
  const m = useCalendarMessages();
  const years = useCenterQuery('admin.officialYears.list', {});
  const changes = useCenterQuery('admin.calendarChanges', {});
  const [form] = Form.useForm<Fields>();
  const [error, setError] = useState<ApiError | null>(null);

  const entryOf = (v: Fields): OfficialEntry => ({
    year: v.year ?? 0,
    holidays: parseDateList(v.holidays ?? ''),
    workdays: parseDateList(v.workdays ?? ''),
    ...(v.confirmPast ? { confirmPast: true } : {}),
  });

  const save = async (v: Fields) => {
    const entry = entryOf(v);
    const problems = officialEntryProblems(entry, thisYear());
    // every field shows what is wrong with it now, and an error put right disappears
    form.setFields(
      (['year', 'holidays', 'workdays', 'confirmPast'] as const).map((name) => ({
        name,
        errors: problems.filter((p) => p.field === name).map((p) => p.message),
      })),
    );
    if (problems.length > 0) return;
    const r = await adminCall('admin.officialYears.set', entry);
    if (r.ok) {
      setError(null);
      years.reload();
      changes.reload();
      return;
    }
    setError(showAtField(form, r.error) ? null : r.error);
  };

  const fillStatutory = () => {
    const year = form.getFieldValue('year') as number | null;
    if (!year || year < 2000 || year > 2099) return;
    const current = parseDateList((form.getFieldValue('holidays') as string | undefined) ?? '');
    const merged = [...new Set([...current, ...statutoryHolidays(year).map((d) => d.date)])];
    form.setFieldValue('holidays', merged.sort().join('\n'));
  };

  return (
    <TabFrame error={years.error} onRetry={years.reload}>
      <Typography.Paragraph type="secondary">{m('yearsHint')}</Typography.Paragraph>
      <Form<Fields>
        form={form}
        layout="vertical"
        initialValues={{ year: thisYear() + 1, holidays: '', workdays: '', confirmPast: false }}
        onFinish={(v) => void save(v)}
        data-testid="official-year-form"
        style={{ maxWidth: 720 }}
      >
        <Space align="end">
          <Form.Item name="year" label={m('year')}>
            <InputNumber min={2000} max={2099} />
          </Form.Item>
          <Form.Item>
            <Button onClick={fillStatutory}>{m('fillStatutory')}</Button>
          </Form.Item>
        </Space>
        <Form.Item name="holidays" label={m('holidays')} extra={m('datesHint')}>
          <Input.TextArea rows={6} />
        </Form.Item>
        <Form.Item name="workdays" label={m('workdays')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="confirmPast" valuePropName="checked">
          <Checkbox>{m('confirmPast')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {m('saveYear')}
        </Button>
      </Form>
      <SaveError error={error} />
      <Table<OfficialYearRecord>
        style={{ marginTop: 16 }}
        data-testid="official-years"
        rowKey="year"
        size="small"
        loading={years.loading}
        dataSource={years.data ?? []}
        pagination={false}
        columns={[
          { title: m('year'), dataIndex: 'year', width: 100 },
          { title: m('holidays'), render: (_, r) => m('days', { n: r.holidays.length }) },
          { title: m('workdays'), render: (_, r) => r.workdays.join('、') },
          { title: m('enteredAt'), dataIndex: 'enteredAt' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {m('changesTitle')}
      </Typography.Title>
      <ChangesTable
        testId="center-calendar-changes"
        rows={changes.data ?? []}
        loading={changes.loading}
      />
    </TabFrame>
  );
}
