import { Alert, App, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { SyncStatus } from '../../../shared/api';
import { call } from '../../api';
import { shanghaiMinute } from '../../format';
import { useReadmitMessages } from './messages';

type ReadmitForm = { code: string };

/**
 * Part A of issue 15: the center no longer knows this PC (restored from an older backup, or
 * revoked by mistake). Says what happened and that nothing is lost, and lets a manager
 * re-register the PC as the same device with a new code; the events then go up again.
 */
export function Readmission({
  unknown,
  onDone,
}: {
  unknown: NonNullable<SyncStatus['unknownToCenter']>;
  onDone: () => Promise<void>;
}) {
  const m = useReadmitMessages();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const readmit = async ({ code }: ReadmitForm) => {
    setBusy(true);
    const r = await call('sync.readmit', { code });
    if (!r.ok) {
      setBusy(false);
      setError(r.error.message);
      return;
    }
    setError(null);
    void message.success(m('done', { known: r.value.knownSeq, resend: r.value.resend }), 8);
    // the events go up at once rather than at the next background round
    await call('sync.now', {});
    setBusy(false);
    await onDone();
  };

  return (
    <Flex vertical gap={12} data-testid="readmission" style={{ marginBottom: 16 }}>
      <Alert
        type="error"
        showIcon
        title={m('title')}
        description={
          <>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {m('since', { time: shanghaiMinute(unknown.since) })}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{m('keep')}</Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 0 }}>{m('how')}</Typography.Paragraph>
          </>
        }
      />
      {error && (
        <Alert
          type="error"
          showIcon
          title={m('failed')}
          description={error}
          data-testid="readmit-error"
        />
      )}
      <Form<ReadmitForm>
        layout="inline"
        data-testid="readmit-form"
        onFinish={(v) => void readmit(v)}
      >
        <Form.Item
          name="code"
          label={m('code')}
          rules={[{ required: true, whitespace: true, message: m('codeRequired') }]}
        >
          <Input autoComplete="off" style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" danger htmlType="submit" loading={busy}>
          {m('submit')}
        </Button>
      </Form>
    </Flex>
  );
}
