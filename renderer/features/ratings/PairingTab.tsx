import { Alert, Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../shared/api';
import type { CenterWindow } from '../../../shared/sync';
import { shanghaiMinute } from '../../format';
import { adminCall, useCenterQuery } from '../admin/center';
import { OneTimeCode } from '../admin/OneTimeCode';
import { TabFrame } from '../admin/TabFrame';
import { useRatingMessages } from './messages';

// The window's rating device (评价器) pairs once with a code the manager reads off this screen and
// types on the tablet: big, copyable, with the time it runs out.

type Issued = { window: CenterWindow; code: string; expiresAt: string };

export function PairingTab() {
  const m = useRatingMessages();
  const windows = useCenterQuery('admin.windows.list', {});
  const [issued, setIssued] = useState<Issued | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const issue = async (window: CenterWindow) => {
    const r = await adminCall('admin.ratings.pairingCode', { windowCode: window.code });
    if (r.ok) {
      setError(null);
      setIssued({ window, code: r.value.code, expiresAt: r.value.expiresAt });
    } else setError(r.error);
  };

  return (
    <TabFrame error={windows.error} onRetry={windows.reload}>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {m('devicesHint')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      {issued && (
        <Card style={{ maxWidth: 520, marginBottom: 16 }} data-testid="pairing-code-card">
          <Typography.Paragraph>
            {m('pairingFor', { window: `${issued.window.code} ${issued.window.name}` })}
          </Typography.Paragraph>
          <OneTimeCode
            code={issued.code}
            expires={m('pairingExpires', { at: shanghaiMinute(issued.expiresAt) })}
            testId="pairing-code"
          />
        </Card>
      )}
      <Table<CenterWindow>
        rowKey="id"
        size="small"
        style={{ maxWidth: 760 }}
        loading={windows.loading}
        dataSource={windows.data ?? []}
        pagination={false}
        data-testid="pairing-windows"
        columns={[
          { title: m('window'), dataIndex: 'code', width: 120 },
          { title: m('windowName'), dataIndex: 'name' },
          {
            title: m('actions'),
            width: 160,
            render: (_, w) => (
              <Button size="small" onClick={() => void issue(w)}>
                {m('issuePairing')}
              </Button>
            ),
          },
        ]}
      />
    </TabFrame>
  );
}
