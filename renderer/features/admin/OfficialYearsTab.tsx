import { Button, Checkbox, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../shared/api';
import {
  officialEntryProblems,
  officialTableChanges,
  officialYearOf,
  parseDateList,
  statutoryHolidays,
  tableInForce,
  type OfficialEntry,
  type OfficialYear,
} from '../../../shared/calendar';
import type { OfficialYearRecord } from '../../../shared/center-api';
import { ChangesTable } from '../calendar-changes/ChangesTable';
import { useCalendarMessages } from '../calendar-changes/messages';
import { adminCall, showAtField, useCenterQuery } from './center';
import { SaveError, TabFrame } from './TabFrame';

type Fields = {
  year: number | null;
  holidays: string;
  workdays: string;
  confirmPast: boolean;
  confirmReplace: boolean;
};

const fieldNames = ['year', 'holidays', 'workdays', 'confirmPast', 'confirmReplace'] as const;

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
    ...(v.confirmReplace ? { confirmReplace: true } : {}),
  });

  // The tables entered at the center, so that the form knows what a year is counted with now.
  const entered: Record<string, OfficialYear> = {};
  for (const r of years.data ?? []) {
    entered[String(r.year)] = { holidays: r.holidays, workdays: r.workdays };
  }
  const watched = Form.useWatch([], form) as Partial<Fields> | undefined;
  const watchedYear = watched?.year ?? null;
  const inForce =
    watchedYear !== null && Number.isInteger(watchedYear)
      ? tableInForce(watchedYear, entered)
      : undefined;

  const save = async (v: Fields) => {
    const entry = entryOf(v);
    const problems = officialEntryProblems(entry, thisYear(), tableInForce(entry.year, entered));
    // every field shows what is wrong with it now, and an error put right disappears
    form.setFields(
      fieldNames.map((name) => ({
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
        initialValues={{
          year: thisYear() + 1,
          holidays: '',
          workdays: '',
          confirmPast: false,
          confirmReplace: false,
        }}
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
        {inForce && watchedYear !== null && (
          <>
            <ReplacedDays
              year={watchedYear}
              source={m(inForce.source)}
              next={officialYearOf(
                entryOf({
                  year: watchedYear,
                  holidays: watched?.holidays ?? '',
                  workdays: watched?.workdays ?? '',
                  confirmPast: false,
                  confirmReplace: false,
                }),
              )}
              current={inForce.table}
            />
            <Form.Item name="confirmReplace" valuePropName="checked">
              <Checkbox>{m('confirmReplace')}</Checkbox>
            </Form.Item>
          </>
        )}
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

/**
 * What saving would change against the table the year is counted with now (F2 of the review: a
 * table of the statutory days alone silently made three shipped days off working days).
 */
function ReplacedDays(props: {
  year: number;
  source: string;
  next: OfficialYear;
  current: OfficialYear;
}) {
  const m = useCalendarMessages();
  const changes = officialTableChanges(props.year, props.next, props.current);
  const rows = (
    ['holidaysAdded', 'holidaysRemoved', 'workdaysAdded', 'workdaysRemoved'] as const
  ).filter((k) => changes[k].length > 0);
  return (
    <div data-testid="official-year-replaced" style={{ marginBottom: 16 }}>
      <Typography.Text>{m('inForce', { year: props.year, source: props.source })}</Typography.Text>
      {rows.length === 0 ? (
        <div>{m('noChange')}</div>
      ) : (
        rows.map((k) => (
          <div key={k}>
            {m(k)}：{changes[k].join('、')}
          </div>
        ))
      )}
    </div>
  );
}
