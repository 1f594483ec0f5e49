import { useDomainLabels } from '../../i18n/domain';
import { shanghaiMinute } from '../../format';
import { Alert, Card, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseRow } from '../../../shared/api';
import type { CaseStatus } from '../../../shared/case';
import { call } from '../../api';
import { useT } from '../../i18n';
import { useRoute } from '../../stores/route';
import { useSession } from '../../stores/session';
import { Countdown, useNow } from './Countdown';
import { useLiveRefresh } from './live';
import { useCaseMessages } from './messages';
import { openable } from './openable';

// One call for the whole window: 10,000 rows are a few MB locally, and the table is virtual.
const listLimit = 10_000;

// Part T of issue 16: the department's cases by default — the hall's queue calls a returning
// applicant to whichever of the department's windows is free, so the case a clerk must find is
// as often another window's as her own; '本窗口' narrows the list to what she took in herself.
type Filters = {
  status: 'open' | 'all';
  scope: 'department' | 'window';
  itemCode: string | undefined;
  query: string;
};

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

function useTableHeight(reserved: number): number {
  const [h, setH] = useState(() => Math.max(320, window.innerHeight - reserved));
  useEffect(() => {
    const onResize = () => setH(Math.max(320, window.innerHeight - reserved));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [reserved]);
  return h;
}

function useItemOptions() {
  const departmentCode = useSession((s) => s.session?.department?.code);
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    let live = true;
    void call('catalog.items', departmentCode ? { departmentCode } : {}).then((r) => {
      if (live && r.ok)
        setOptions(r.value.map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` })));
    });
    return () => {
      live = false;
    };
  }, [departmentCode]);
  return options;
}

export function MyCases() {
  const t = useT();
  const m = useCaseMessages();
  const l = useDomainLabels();
  const now = useNow();
  const navigate = useRoute((s) => s.navigate);
  const itemOptions = useItemOptions();
  const [filters, setFilters] = useState<Filters>({
    status: 'open',
    scope: 'department',
    itemCode: undefined,
    query: '',
  });
  const query = useDebounced(filters.query.trim(), 250);
  const [rows, setRows] = useState<CaseRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loadedAt, setLoadedAt] = useState(() => Date.now());
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const tableHeight = useTableHeight(270);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    const r = await call('cases.list', {
      status: filters.status,
      scope: filters.scope,
      ...(filters.itemCode ? { itemCode: filters.itemCode } : {}),
      ...(query ? { query } : {}),
      limit: listLimit,
      offset: 0,
    });
    if (mine !== seq.current) return; // a newer filter's answer wins
    setLoading(false);
    if (r.ok) {
      setRows(r.value.rows);
      setTotal(r.value.total);
      setLoadedAt(Date.now());
      setError(null);
    } else setError(r.error.message);
  }, [filters.status, filters.scope, filters.itemCode, query]);

  useLiveRefresh(load);

  const open = (row: CaseRow) => navigate({ page: 'case', caseId: row.id });

  return (
    <Card
      title={
        <Space size={12}>
          <span>{t(filters.scope === 'department' ? 'dept.titleDepartment' : 'cases.title')}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400 }} data-testid="case-count">
            {m('count', { n: total })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space wrap>
          <Segmented<Filters['scope']>
            data-testid="scope-filter"
            value={filters.scope}
            onChange={(v) => setFilters((f) => ({ ...f, scope: v }))}
            options={[
              { value: 'department', label: t('dept.scopeDepartment') },
              { value: 'window', label: t('dept.scopeWindow') },
            ]}
          />
          <Segmented<Filters['status']>
            data-testid="status-filter"
            value={filters.status}
            onChange={(v) => setFilters((f) => ({ ...f, status: v }))}
            options={[
              { value: 'open', label: m('filterOpen') },
              { value: 'all', label: m('filterAll') },
            ]}
          />
          <Select
            data-testid="item-filter"
            aria-label="item-filter"
            style={{ width: 200 }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={m('allItems')}
            value={filters.itemCode}
            onChange={(v?: string) => setFilters((f) => ({ ...f, itemCode: v }))}
            options={itemOptions}
          />
          <Input.Search
            style={{ width: 300 }}
            allowClear
            placeholder={m('search')}
            aria-label={m('search')}
            value={filters.query}
            onChange={(e) => setFilters((f) => ({ ...f, query: e.target.value }))}
            onSearch={() => void load()}
          />
        </Space>
      }
      styles={{ body: { padding: 0 } }}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={m('loadFailed', { message: error })}
          style={{ margin: 12 }}
        />
      )}
      <Table<CaseRow>
        rowKey="id"
        size="middle"
        virtual
        scroll={{ y: tableHeight }}
        loading={loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('cases.empty') }}
        onRow={(row) => ({
          // the virtual table renders divs: give each row its role and a handle for tests
          role: 'row',
          'data-case-number': row.caseNumber,
          ...openable(() => open(row)),
        })}
        columns={[
          {
            title: t('cases.caseNumber'),
            dataIndex: 'caseNumber',
            width: 190,
            render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
          },
          { title: t('cases.item'), dataIndex: 'itemName', width: 200, ellipsis: true },
          { title: t('cases.applicant'), dataIndex: 'applicantName', width: 130, ellipsis: true },
          {
            title: t('dept.receivingWindow'),
            key: 'window',
            width: 110,
            render: (_: unknown, row) => (
              <Tag
                color={row.ownWindow ? 'blue' : 'default'}
                style={{ margin: 0 }}
                data-testid="case-window-tag"
                title={
                  row.ownWindow
                    ? t('dept.ownWindowTitle')
                    : t('dept.otherWindowTitle', { name: row.receivingWindow.name })
                }
              >
                {row.receivingWindow.code}
              </Tag>
            ),
          },
          {
            title: t('cases.status'),
            key: 'status',
            width: 150,
            render: (_: unknown, row) => (
              <Space orientation="vertical" size={2}>
                <span>{l.status(row.status as CaseStatus)}</span>
                {row.conflicted && (
                  <Tag color="red" style={{ margin: 0 }} data-testid="case-conflict-tag">
                    {m('conflictTag')}
                  </Tag>
                )}
                {row.deemedAcceptedOn && (
                  // the date in English needs two lines of the column, not the next column
                  <Tag color="orange" style={{ margin: 0, whiteSpace: 'normal' }}>
                    {m('deemedAccepted', { date: row.deemedAcceptedOn })}
                  </Tag>
                )}
                {row.acceptanceNoticeOwed && (
                  <Tag color="gold" style={{ margin: 0 }} data-testid="case-notice-owed-tag">
                    {m('noticeOwedTag')}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('cases.received'),
            dataIndex: 'receivedAt',
            width: 140,
            render: (v: string) => shanghaiMinute(v),
          },
          {
            title: t('cases.deadline'),
            key: 'clock',
            render: (_: unknown, row) =>
              row.clock ? <Countdown clock={row.clock} now={now} loadedAt={loadedAt} /> : null,
          },
        ]}
      />
    </Card>
  );
}
