import { Alert, Card, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CaseRow } from '../../../shared/api';
import { call } from '../../api';
import { useT } from '../../i18n';
import { Countdown, useNow } from './Countdown';

const pageSize = 50;
// Levels and working days left come from the main process; a minute is fine-grained enough for
// them to change colour, while the hours tick locally every second.
const refreshMs = 60_000;

export function MyCases() {
  const t = useT();
  const now = useNow();
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<CaseRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await call('cases.list', {
      status: 'open',
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    setLoading(false);
    if (r.ok) {
      setRows(r.value.rows);
      setTotal(r.value.total);
      setError(null);
    } else setError(r.error.message);
  }, [page]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), refreshMs);
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [load]);

  return (
    <Card title={t('cases.title')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<CaseRow>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        pagination={
          total > pageSize
            ? { current: page, pageSize, total, showSizeChanger: false, onChange: setPage }
            : false
        }
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
