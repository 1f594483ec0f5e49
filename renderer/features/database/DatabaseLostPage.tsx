import { Alert, Card, Descriptions, Typography } from 'antd';
import type { DatabaseStatus } from '../../../shared/api';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useDatabaseMessages } from './messages';
import { RestoreButton } from './RestoreButton';
import { BackupTable, shanghai } from './BackupTable';

/** The screen of a PC whose database is lost: what happened, where the backups are, what to do. */
export function DatabaseLostPage({ status }: { status: DatabaseStatus }) {
  const m = useDatabaseMessages();
  const newest = status.backups[0];
  return (
    <div style={{ minHeight: '100%', background: '#f3f5f8', padding: '32px 24px' }}>
      <Card
        style={{ maxWidth: 960, margin: '0 auto' }}
        title={
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="database-lost-title">
            {m('lostTitle')}
          </Typography.Title>
        }
        extra={<LanguageSwitch />}
      >
        <Alert type="error" showIcon message={m('lostLead')} style={{ marginBottom: 16 }} />
        <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={m('what')}>{status.explanation}</Descriptions.Item>
          <Descriptions.Item label={m('file')}>
            <Typography.Text code copyable>
              {status.file}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={m('backupsDir')}>
            <Typography.Text code copyable>
              {status.backupsDir}
            </Typography.Text>
          </Descriptions.Item>
          {status.firstStartedAt ? (
            <Descriptions.Item label={m('firstStarted')}>
              {shanghai(status.firstStartedAt)}
            </Descriptions.Item>
          ) : null}
          {status.deviceId ? (
            <Descriptions.Item label={m('device')}>
              <Typography.Text copyable={{ text: status.deviceId }}>
                {status.deviceId.slice(0, 8)}
              </Typography.Text>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <Typography.Title level={5}>{m('backups')}</Typography.Title>
        {newest ? (
          <>
            <div style={{ marginBottom: 12 }}>
              <RestoreButton backup={newest} label={m('restoreNewest')} />
            </div>
            <BackupTable backups={status.backups} />
          </>
        ) : (
          <Alert type="warning" showIcon message={m('noBackups')} />
        )}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {m('howTo')}
        </Typography.Title>
        <ul style={{ paddingLeft: 20, margin: 0 }}>
          <li>{m('howToRestore')}</li>
          <li>{m('howToManual')}</li>
          <li>{m('howToReRegister')}</li>
        </ul>
      </Card>
    </div>
  );
}
