import { Alert, Card, Empty, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { ConflictRow } from '../../../shared/api';
import type { CaseEventType } from '../../../shared/case';
import { call } from '../../api';
import { shanghaiMinute } from '../../format';
import { useLocale } from '../../i18n';
import { useDomainLabels } from '../../i18n/domain';
import { ruleText } from '../../i18n/errors';
import { useRoute } from '../../stores/route';
import { useLiveRefresh } from '../cases/live';
import { useSyncMessages } from './messages';

/**
 * Every action of the department the center did not admit, newest first: the header's 冲突 N
 * leads here, and from here to the case, so a window can act on a conflict of a case it did not
 * take in (such a case is not on its own work list).
 */
export function ConflictsPage() {
  const m = useSyncMessages();
  const l = useDomainLabels();
  const locale = useLocale((s) => s.locale);
  const navigate = useRoute((s) => s.navigate);
  const [rows, setRows] = useState<ConflictRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await call('cases.conflicts', {});
    if (r.ok) {
      setRows(r.value);
      setError(null);
    } else setError(r.error.message);
  }, []);
  useLiveRefresh(load, 30_000);

  return (
    <Card title={m('conflictsTitle')} data-testid="conflicts-page">
      <Typography.Paragraph type="secondary">{m('conflictsHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<ConflictRow>
        rowKey="eventId"
        size="middle"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={m('conflictsNone')} /> }}
        onRow={(row) => ({
          onClick: () => navigate({ page: 'case', caseId: row.caseId }),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: m('colCase'), dataIndex: 'caseNumber', width: 230 },
          {
            title: m('colAction'),
            dataIndex: 'type',
            width: 110,
            render: (type: string) => l.event(type as CaseEventType),
          },
          {
            title: m('colWho'),
            render: (_, row) => `${row.actorName} (${l.role(row.actorRole)})`,
            width: 150,
          },
          {
            title: m('colWhen'),
            dataIndex: 'occurredAt',
            width: 150,
            render: (at: string) => shanghaiMinute(at),
          },
          { title: m('colWhy'), render: (_, row) => ruleText(row.rule, row.message, locale) },
        ]}
      />
    </Card>
  );
}
