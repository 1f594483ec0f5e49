import { useDomainLabels } from '../../i18n/domain';
import { Alert, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CaseRow } from '../../../shared/api';
import type { CaseStatus } from '../../../shared/case';
import { call } from '../../api';
import { shanghaiMinute } from '../../format';
import { useRoute } from '../../stores/route';
import { Countdown, useNow } from '../cases/Countdown';
import { useReportMessages } from './messages';
import { openable } from '../cases/openable';

/** `cases.rows` takes at most this many ids in one call. */
const rowsLimit = 5000;

/** `tickets`: the ratings of a ticket served without a case — no case to open, their numbers shown. */
export type DrillTarget = {
  key: string;
  label: string;
  count: number;
  caseIds: string[];
  tickets?: string[];
};

type Rows =
  | { state: 'loading' }
  | { state: 'ok'; rows: CaseRow[]; loadedAt: number }
  | { state: 'error'; message: string };

/**
 * The cases behind one number of the report, as the case list shows them; a row opens its case.
 * Going back from the case comes back to the report with its days and window.
 */
export function DrillDrawer({
  target,
  onClose,
}: {
  target: DrillTarget | null;
  onClose: () => void;
}) {
  const m = useReportMessages();
  const l = useDomainLabels();
  const now = useNow();
  const navigate = useRoute((s) => s.navigate);
  const [rows, setRows] = useState<Rows>({ state: 'loading' });

  useEffect(() => {
    if (!target) return;
    let live = true;
    setRows({ state: 'loading' });
    const ids = [...new Set(target.caseIds)].slice(0, rowsLimit);
    void call('cases.rows', { ids }).then((r) => {
      if (!live) return;
      setRows(
        r.ok
          ? { state: 'ok', rows: r.value, loadedAt: Date.now() }
          : { state: 'error', message: r.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, [target]);

  const open = (row: CaseRow) => navigate({ page: 'case', caseId: row.id });
  const unique = target ? new Set(target.caseIds).size : 0;

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={980}
      destroyOnHidden
      title={
        target && (
          <Space size={12}>
            <span>{m('drillTitle', { label: target.label, n: unique })}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
              {m('drillOpen')}
            </Typography.Text>
          </Space>
        )
      }
    >
      {rows.state === 'error' && (
        <Alert type="error" showIcon title={m('loadFailed', { message: rows.message })} />
      )}
      {unique > rowsLimit && (
        <Alert
          type="info"
          showIcon
          title={m('drillMore', { n: rowsLimit })}
          style={{ marginBottom: 12 }}
        />
      )}
      {target?.tickets && target.tickets.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="drill-tickets"
          title={m('drillTickets', {
            n: target.tickets.length,
            tickets: target.tickets.join('、'),
          })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<CaseRow>
        data-testid="drill-list"
        rowKey="id"
        size="middle"
        loading={rows.state === 'loading'}
        dataSource={rows.state === 'ok' ? rows.rows : []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: m('drillEmpty') }}
        onRow={(row) => ({
          'data-testid': 'drill-row',
          'data-case-number': row.caseNumber,
          ...openable(() => open(row)),
        })}
        columns={[
          {
            title: m('caseNumber'),
            dataIndex: 'caseNumber',
            width: 200,
            render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
          },
          { title: m('item'), dataIndex: 'itemName', ellipsis: true },
          { title: m('applicant'), dataIndex: 'applicantName', width: 110, ellipsis: true },
          {
            title: m('status'),
            key: 'status',
            width: 110,
            render: (_: unknown, row) => (
              <Space orientation="vertical" size={2}>
                <span>{l.status(row.status as CaseStatus)}</span>
                {row.conflicted && <Tag color="red">!</Tag>}
              </Space>
            ),
          },
          {
            title: m('received'),
            dataIndex: 'receivedAt',
            width: 140,
            render: (v: string) => shanghaiMinute(v),
          },
          {
            title: m('deadline'),
            key: 'clock',
            width: 250,
            render: (_: unknown, row) =>
              row.clock && rows.state === 'ok' ? (
                <Countdown clock={row.clock} now={now} loadedAt={rows.loadedAt} />
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Drawer>
  );
}
