import { Table } from 'antd';
import type { ReactNode } from 'react';
import type { CalendarChange } from '../../../shared/center-api';
import { useCalendarMessages } from './messages';

/** The cases whose printed deadlines moved, each clock's old and new date on its own line. */
export function ChangesTable({
  rows,
  loading,
  action,
  testId,
}: {
  rows: readonly CalendarChange[];
  loading: boolean;
  action?: (row: CalendarChange) => ReactNode;
  testId: string;
}) {
  const m = useCalendarMessages();
  return (
    <Table<CalendarChange>
      data-testid={testId}
      rowKey="caseId"
      size="small"
      loading={loading}
      dataSource={[...rows]}
      pagination={false}
      locale={{ emptyText: m('none') }}
      columns={[
        { title: m('caseNumber'), dataIndex: 'caseNumber', width: 200 },
        { title: m('applicant'), dataIndex: 'applicantName' },
        { title: m('item'), dataIndex: 'itemName' },
        {
          title: `${m('clock')}：${m('from')} → ${m('to')}`,
          render: (_, r) =>
            r.changes.map((c) => (
              <div key={c.clock} data-testid="deadline-change">
                {c.label}：{c.from} → {c.to}
              </div>
            )),
        },
        ...(action
          ? [{ title: '', width: 200, render: (_: unknown, r: CalendarChange) => action(r) }]
          : []),
      ]}
    />
  );
}
