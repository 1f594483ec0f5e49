import { Alert, App, Button, Card, Flex, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CallOutput, DatabaseStatus } from '../../../shared/api';
import { call } from '../../api';
import { BackupTable, shanghai } from './BackupTable';
import { useDatabaseMessages } from './messages';

type Integrity = CallOutput<'database.integrityCheck'>;

/**
 * The manager's 备份与恢复 card in the settings: this PC's backups, a backup now, a restore (the
 * current file is moved aside, never deleted) and the full integrity check on demand.
 */
export function BackupsCard() {
  const m = useDatabaseMessages();
  const { message } = App.useApp();
  const [status, setStatus] = useState<DatabaseStatus | null>(null);
  const [integrity, setIntegrity] = useState<Integrity | null>(null);
  const [busy, setBusy] = useState<'backup' | 'check' | null>(null);

  const load = useCallback(async () => {
    const r = await call('database.status', {});
    if (r.ok) setStatus(r.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  /** One manager call from a button: busy while it runs, its refusal as a message. */
  const run = async <T,>(
    which: 'backup' | 'check',
    request: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
    done: (value: T) => Promise<void> | void,
  ) => {
    setBusy(which);
    const r = await request();
    setBusy(null);
    if (r.ok) await done(r.value);
    else void message.error(r.error.message);
  };
  const backupNow = () =>
    run(
      'backup',
      () => call('database.backupNow', {}),
      async (b) => {
        void message.success(m('backedUp', { name: b.name }));
        await load();
      },
    );
  const check = () => run('check', () => call('database.integrityCheck', {}), setIntegrity);

  return (
    <Card title={m('cardTitle')} style={{ maxWidth: 720 }} data-testid="backups-card">
      {!status ? (
        <Spin />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{m('cardHint')}</Typography.Text>
          <Typography.Text>
            {m('backupsDir')}：
            <Typography.Text code copyable>
              {status.backupsDir}
            </Typography.Text>
          </Typography.Text>
          <Flex gap={8}>
            <Button type="primary" loading={busy === 'backup'} onClick={() => void backupNow()}>
              {m('backupNow')}
            </Button>
            <Button loading={busy === 'check'} onClick={() => void check()}>
              {m('integrityCheck')}
            </Button>
          </Flex>
          {integrity && (
            <Alert
              data-testid="integrity-result"
              type={integrity.ok ? 'success' : 'error'}
              showIcon
              title={m(integrity.ok ? 'integrityOk' : 'integrityProblems', {
                at: shanghai(integrity.checkedAt),
              })}
              description={
                integrity.ok ? undefined : (
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {integrity.problems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                )
              }
            />
          )}
          {status.backups.length ? (
            <BackupTable backups={status.backups} />
          ) : (
            <Alert type="warning" showIcon title={m('noBackups')} />
          )}
        </Flex>
      )}
    </Card>
  );
}
