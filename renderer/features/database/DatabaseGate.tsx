import { Alert } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { DatabaseStatus } from '../../../shared/api';
import { call } from '../../api';
import { DatabaseLostPage } from './DatabaseLostPage';
import { useDatabaseMessages } from './messages';

/**
 * Asks main about the database before anything else: a lost one shows the recovery screen in
 * place of the app, a damaged one the app under a read-only banner.
 */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const m = useDatabaseMessages();
  const [status, setStatus] = useState<DatabaseStatus | null>(null);
  useEffect(() => {
    void call('database.status', {}).then((r) => {
      if (r.ok) setStatus(r.value);
    });
  }, []);
  if (status?.state === 'lost') return <DatabaseLostPage status={status} />;
  if (status?.state !== 'readOnly') return <>{children}</>;
  return (
    <div style={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <Alert
        type="error"
        banner
        showIcon
        data-testid="database-read-only"
        message={m('readOnlyTitle')}
        description={m('readOnlyBody', { file: status.file })}
      />
      <div style={{ flex: 1, minHeight: 0 }}>{children}</div>
    </div>
  );
}
