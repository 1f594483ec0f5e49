import { Alert, Card, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { CaseRow } from '../../../shared/api';
import { call } from '../../api';
import { useT } from '../../i18n';
import { Countdown, useNow } from './Countdown';

export function MyCases() {
  const t = useT();
  const now = useNow();
  const [rows, setRows] = useState<CaseRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('cases.list', { status: 'open', limit: 50, offset: 0 }).then((r) => {
      if (!live) return;
      setLoading(false);
      if (r.ok) setRows(r.value.rows);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <Card title={t('cases.title')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<CaseRow>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('cases.empty') }}
        columns={[
          { title: t('cases.caseNumber'), dataIndex: 'caseNumber', width: 220 },
          { title: t('cases.item'), dataIndex: 'itemName' },
          { title: t('cases.applicant'), dataIndex: 'applicantName', width: 140 },
          {
            title: t('cases.received'),
            dataIndex: 'receivedAt',
            width: 170,
            render: (v: string) => v.slice(0, 16).replace('T', ' '),
          },
          {
            title: t('cases.deadline'),
            key: 'clock',
            width: 360,
            render: (_: unknown, row) =>
              row.clock ? <Countdown clock={row.clock} now={now} /> : null,
          },
        ]}
      />
    </Card>
  );
}
