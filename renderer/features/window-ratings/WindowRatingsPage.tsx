import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { isBadRating, ratingLabels } from '../../../shared/case';
import {
  ratingChannelLabels,
  ratingServiceLabels,
  type RatingRecord,
} from '../../../shared/center-api';
import { call } from '../../api';
import { shanghaiMinute } from '../../format';
import { useWindowRatingsMessages } from './messages';

type M = ReturnType<typeof useWindowRatingsMessages>;

type Period = { from: string; to: string };
type Loaded =
  | { state: 'loading' }
  | { state: 'ok'; ratings: RatingRecord[] }
  | { state: 'error'; message: string };

/** Where a rating stands: counted, or its appeal waiting or decided (with the supervisor's note). */
function RatingState({ r, m }: { r: RatingRecord; m: M }) {
  if (!r.appeal) return <Tag color="green">{m('counted')}</Tag>;
  const [color, label] =
    r.appeal.decision === 'upheld'
      ? ['default', m('appealUpheld')]
      : r.appeal.decision === 'rejected'
        ? ['red', m('appealRejected')]
        : ['orange', m('appealWaiting')];
  return (
    <Space orientation="vertical" size={2} data-testid="rating-state">
      <Tag color={color} style={{ margin: 0 }}>
        {label}
      </Tag>
      <Typography.Text type="secondary">
        {m('appealReason', { reason: r.appeal.reason })}
      </Typography.Text>
      {r.appeal.decisionNote && (
        <Typography.Text>{m('decisionNote', { note: r.appeal.decisionNote })}</Typography.Text>
      )}
    </Space>
  );
}

/** The 申诉 form: sent to the center at once, never queued; the center's refusal shown as it is. */
function AppealDialog({
  rating,
  onClose,
  onSent,
  m,
}: {
  rating: RatingRecord | null;
  onClose: () => void;
  onSent: () => void;
  m: M;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async ({ reason }: { reason: string }) => {
    if (!rating) return;
    setBusy(true);
    const r = await call('ratings.appeal', { ratingId: rating.id, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(null);
    form.resetFields();
    void message.success(m('sent'));
    onSent();
  };
  return (
    <Modal
      open={rating !== null}
      title={m('appealTitle')}
      onCancel={onClose}
      okText={m('send')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 8 }}
          data-testid="appeal-error"
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void send(v)} data-testid="appeal-form">
        <Form.Item
          name="reason"
          label={m('appealLabel')}
          rules={[{ required: true, whitespace: true, message: m('appealRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={m('appealPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 本窗口评价: the ratings the center kept for this window in the days asked, and 申诉 of a bad
 * one. Online only — the terminal keeps no ratings — so a failure says the center is unreachable.
 */
export function WindowRatingsPage() {
  const m = useWindowRatingsMessages();
  // none asked at first: the terminal's clock (which counts, and a test fixes) picks the days
  const [period, setPeriod] = useState<Period | undefined>(undefined);
  const [typed, setTyped] = useState<Period>({ from: '', to: '' });
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [appealing, setAppealing] = useState<RatingRecord | null>(null);

  const load = useCallback(async () => {
    setLoaded({ state: 'loading' });
    const r = await call('ratings.window', period ? { period } : {});
    if (r.ok) setTyped({ from: r.value.from, to: r.value.to });
    setLoaded(
      r.ok
        ? { state: 'ok', ratings: r.value.ratings }
        : { state: 'error', message: r.error.message },
    );
  }, [period]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Card title={m('title')} data-testid="window-ratings">
      <Typography.Paragraph type="secondary">{m('hint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <span>{m('from')}</span>
        <Input
          type="date"
          aria-label={m('from')}
          value={typed.from}
          onChange={(e) => setTyped({ ...typed, from: e.target.value })}
        />
        <span>{m('to')}</span>
        <Input
          type="date"
          aria-label={m('to')}
          value={typed.to}
          onChange={(e) => setTyped({ ...typed, to: e.target.value })}
        />
        <Button type="primary" onClick={() => setPeriod({ ...typed })}>
          {m('show')}
        </Button>
      </Space>
      {loaded.state === 'error' && (
        <Alert type="warning" showIcon title={loaded.message} data-testid="window-ratings-error" />
      )}
      <Table<RatingRecord>
        rowKey="id"
        size="middle"
        loading={loaded.state === 'loading'}
        dataSource={loaded.state === 'ok' ? loaded.ratings : []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: m('none') }}
        onRow={(r) =>
          ({ 'data-testid': 'window-rating', 'data-level': r.level }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: m('ratedAt'),
            dataIndex: 'ratedAt',
            width: 150,
            render: (v: string) => shanghaiMinute(v),
          },
          {
            title: m('service'),
            key: 'service',
            width: 200,
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={0}>
                <span>{ratingServiceLabels[r.serviceKind]}</span>
                <Typography.Text type="secondary">
                  {r.caseNumber ?? (r.ticketNumber ? m('ticket', { n: r.ticketNumber }) : '')}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: m('level'),
            dataIndex: 'level',
            width: 110,
            render: (v: number) => (
              <Tag color={isBadRating(v) ? 'red' : 'green'}>{ratingLabels[v] ?? v}</Tag>
            ),
          },
          {
            title: m('reasons'),
            key: 'reasons',
            render: (_: unknown, r) => [...r.reasons, r.comment].filter(Boolean).join('；') || '—',
          },
          {
            title: m('channel'),
            dataIndex: 'channel',
            width: 80,
            render: (v: RatingRecord['channel']) => ratingChannelLabels[v],
          },
          {
            title: m('state'),
            key: 'state',
            width: 240,
            render: (_: unknown, r) => <RatingState r={r} m={m} />,
          },
          {
            title: '',
            key: 'appeal',
            width: 90,
            render: (_: unknown, r) =>
              isBadRating(r.level) && !r.appeal ? (
                <Button size="small" onClick={() => setAppealing(r)} data-testid="appeal-open">
                  {m('appeal')}
                </Button>
              ) : null,
          },
        ]}
      />
      <AppealDialog
        rating={appealing}
        onClose={() => setAppealing(null)}
        onSent={() => {
          setAppealing(null);
          void load();
        }}
        m={m}
      />
    </Card>
  );
}
