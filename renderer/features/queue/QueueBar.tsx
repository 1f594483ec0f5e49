import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { WindowAction, WindowQueue } from '../../../shared/center-api';
import { call } from '../../api';
import { useQueue } from '../../stores/queue';
import { useQueueMessages } from './messages';

// Issue 17: the window's 叫号 panel above the intake form. The center owns the queue: every press
// goes there and the panel shows its answer. When it cannot be reached the panel says so and the
// window goes on receiving walk-ins without a ticket.

/** The panel asks again this often: tickets taken at the kiosk change the count. */
const refreshMs = 10_000;

const stateColors = { idle: 'default', calling: 'processing', paused: 'warning' } as const;

type Failure = { message: string; unavailable: boolean };

export function QueueBar() {
  const m = useQueueMessages();
  const [queue, setQueue] = useState<WindowQueue | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [hidden, setHidden] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [transferring, setTransferring] = useState(false);
  const setCurrent = useQueue((s) => s.setCurrent);

  const show = useCallback(
    (r: Awaited<ReturnType<typeof call<'queue.window'>>>) => {
      if (r.ok) {
        setQueue(r.value);
        setCurrent(r.value.current);
        setFailure(null);
        return r.value;
      }
      // a PC not enrolled at a center (a practice PC) has no queue to show
      if (r.error.rule === 'terminal.notEnrolled') {
        setHidden(true);
        setCurrent(null);
        return null;
      }
      setFailure({ message: r.error.message, unavailable: r.error.code === 'unavailable' });
      return null;
    },
    [setCurrent],
  );

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const r = await call('queue.window', {});
      if (stopped) return;
      show(r);
      timer = setTimeout(() => void tick(), refreshMs);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [show]);

  const act = async (action: WindowAction) => {
    setBusy(true);
    setNotice(null);
    const r = await call('queue.act', action);
    setBusy(false);
    const answer = show(r);
    if (answer && action.action === 'callNext' && !answer.current) setNotice(m('nobody'));
    return r.ok;
  };

  if (hidden) return null;
  const current = queue?.current ?? null;
  const paused = queue?.state === 'paused';
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="queue-bar">
      <Space wrap align="center" size={12} style={{ width: '100%' }}>
        <Typography.Text strong>{m('title')}</Typography.Text>
        {queue && <Tag color={stateColors[queue.state]}>{m(queue.state)}</Tag>}
        {current && (
          <Typography.Text
            strong
            style={{ fontSize: 22, letterSpacing: 1 }}
            data-testid="queue-current"
          >
            {current.number}
          </Typography.Text>
        )}
        {current?.transferNote && (
          <Typography.Text type="secondary">
            {m('transferred', { note: current.transferNote })}
          </Typography.Text>
        )}
        {current && current.cases.length > 0 && (
          <Typography.Text type="secondary">
            {m('linked', { cases: current.cases.join('、') })}
          </Typography.Text>
        )}
        {queue && (
          <Typography.Text type="secondary" data-testid="queue-waiting">
            {m('waiting', { n: queue.waiting })}
            {queue.next.length > 0 &&
              ` · ${m('nextOnes', { numbers: queue.next.map((t) => t.number).join(' ') })}`}
          </Typography.Text>
        )}
        <div style={{ flex: 1 }} />
        {!current && !paused && (
          <Button
            type="primary"
            disabled={busy || !queue}
            onClick={() => void act({ action: 'callNext' })}
          >
            {m('callNext')}
          </Button>
        )}
        {current && (
          <>
            <Button disabled={busy} onClick={() => void act({ action: 'recall' })}>
              {m('recall')}
            </Button>
            <Tooltip title={current.recalls < 1 ? m('noShowHint') : undefined}>
              <Button
                disabled={busy || current.recalls < 1}
                onClick={() => void act({ action: 'noShow' })}
              >
                {m('noShow')}
              </Button>
            </Tooltip>
            <Button disabled={busy} onClick={() => setTransferring(true)}>
              {m('transfer')}
            </Button>
            <Button type="primary" disabled={busy} onClick={() => void act({ action: 'finish' })}>
              {m('finish')}
            </Button>
          </>
        )}
        {!current && queue && (
          <Button disabled={busy} onClick={() => void act({ action: paused ? 'resume' : 'pause' })}>
            {paused ? m('resume') : m('pause')}
          </Button>
        )}
      </Space>
      {notice && <Alert style={{ marginTop: 8 }} type="info" showIcon title={notice} />}
      {failure && (
        <Alert
          style={{ marginTop: 8 }}
          type={failure.unavailable ? 'warning' : 'error'}
          showIcon
          title={failure.message}
          data-testid="queue-failure"
        />
      )}
      {current && queue && (
        <TransferModal
          open={transferring}
          number={current.number}
          windows={queue.windows}
          onClose={() => setTransferring(false)}
          onTransfer={async (toWindowCode, note) => {
            if (await act({ action: 'transfer', toWindowCode, note })) setTransferring(false);
          }}
        />
      )}
    </Card>
  );
}

function TransferModal(props: {
  open: boolean;
  number: string;
  windows: WindowQueue['windows'];
  onClose: () => void;
  onTransfer: (toWindowCode: string, note: string) => Promise<void>;
}) {
  const m = useQueueMessages();
  const [form] = Form.useForm<{ toWindowCode: string; note: string }>();
  return (
    <Modal
      open={props.open}
      title={m('transferTitle', { number: props.number })}
      okText={m('confirm')}
      cancelText={m('cancel')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void props.onTransfer(v.toWindowCode, v.note)}
      >
        <Form.Item name="toWindowCode" label={m('toWindow')} rules={[{ required: true }]}>
          <Select
            options={props.windows.map((w) => ({
              value: w.code,
              label: `${w.name}（${w.departmentName}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={m('note')}
          rules={[{ required: true, min: 2, max: 200, whitespace: true }]}
        >
          <Input.TextArea rows={2} placeholder={m('notePlaceholder')} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
