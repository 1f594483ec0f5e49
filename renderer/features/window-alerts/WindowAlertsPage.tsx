import { useDomainLabels } from '../../i18n/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useState, type HTMLAttributes } from 'react';
import type { MySupervision } from '../../../shared/api';
import type { AlertSummary } from '../../../shared/sync';
import { call } from '../../api';
import { shanghaiMinute } from '../../format';
import { useRoute } from '../../stores/route';
import { useSession } from '../../stores/session';
import { useLiveRefresh } from '../cases/live';
import { openable } from '../cases/openable';
import { useAlertColumns } from '../supervision/SupervisionPage';
import { useWindowAlertsMessages } from './messages';

type M = ReturnType<typeof useWindowAlertsMessages>;
type WindowComplaint = MySupervision['complaints'][number];

// A copy read locally: refreshing often costs nothing, and a sync's news shows within seconds.
const refreshMs = 15_000;

/** Open alerts and unfinished complaints: what the shell's badge counts. */
export function pendingCount(s: MySupervision): number {
  return (
    s.alerts.filter((a) => a.status === 'open').length +
    s.complaints.filter((c) => c.status !== 'closed').length
  );
}

const complaintStatus = {
  open: { key: 'complaintOpen', color: 'orange' },
  replied: { key: 'complaintReplied', color: 'blue' },
  closed: { key: 'complaintClosed', color: 'default' },
} as const;

/** The deadline and what is left of it, coloured like the case clocks. */
function Deadline({ c, m }: { c: WindowComplaint; m: M }) {
  const { clock } = c;
  const [color, text] = clock.stopped
    ? clock.overdue
      ? ['red', m('closedLate')]
      : ['green', m('closedOnTime')]
    : clock.overdue
      ? ['red', m('overdue')]
      : [
          clock.level === 'warning' ? 'gold' : 'green',
          clock.workingDaysLeft === 0 ? m('dueToday') : m('left', { n: clock.workingDaysLeft }),
        ];
  return (
    <Space size={4} data-testid="complaint-deadline">
      <Typography.Text type="secondary">{m('due', { date: c.dueDate })}</Typography.Text>
      <Tag color={color} style={{ margin: 0 }}>
        {text}
      </Tag>
    </Space>
  );
}

/** The reply box of the chief or a clerk: sent to the center at once, never queued. */
function ReplyForm({ id, onSent, m }: { id: string; onSent: () => void; m: M }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reply: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async ({ reply }: { reply: string }) => {
    setBusy(true);
    const r = await call('complaints.reply', { id, reply: reply.trim() });
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
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => void send(v)}
      data-testid="complaint-reply"
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 8 }}
          data-testid="complaint-reply-error"
        />
      )}
      <Form.Item
        name="reply"
        label={m('reply')}
        rules={[{ required: true, whitespace: true, message: m('replyRequired') }]}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder={m('replyPlaceholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {m('send')}
      </Button>
    </Form>
  );
}

function ComplaintCard({
  c,
  mayReply,
  onChanged,
  m,
}: {
  c: WindowComplaint;
  mayReply: boolean;
  onChanged: () => void;
  m: M;
}) {
  const l = useDomainLabels();
  const navigate = useRoute((s) => s.navigate);
  const status = complaintStatus[c.status];
  return (
    <Card
      size="small"
      data-testid="window-complaint"
      data-status={c.status}
      title={
        <Space wrap>
          <Tag color={status.color} data-testid="complaint-status">
            {m(status.key)}
          </Tag>
          <span>{m('channel', { channel: l.complaintChannel(c.channel) })}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            {shanghaiMinute(c.receivedAt)}
          </Typography.Text>
        </Space>
      }
      extra={<Deadline c={c} m={m} />}
      style={{ marginBottom: 12 }}
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {c.content}
        </Typography.Paragraph>
        <Space wrap size={16} style={{ color: 'rgba(0,0,0,0.55)' }}>
          <span>{c.windowName ?? c.departmentName ?? c.departmentCode}</span>
          <span>{m('complainant', { who: c.complainantName ?? m('anonymous') })}</span>
          {c.caseNumber && (
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              disabled={!c.caseId}
              onClick={() => c.caseId && navigate({ page: 'case', caseId: c.caseId })}
            >
              {c.caseNumber}
            </Button>
          )}
        </Space>
        {c.reply && (
          <Alert
            type="info"
            title={m('lastReply', { time: c.repliedAt ? shanghaiMinute(c.repliedAt) : '' })}
            description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.reply}</span>}
            data-testid="complaint-last-reply"
          />
        )}
        {c.conclusion && (
          <Alert
            type={c.conclusion === '不属实' ? 'success' : 'warning'}
            showIcon
            title={m('conclusion', { conclusion: l.complaintConclusion(c.conclusion) })}
            description={c.history.find((h) => h.action === 'closed')?.text || undefined}
            data-testid="complaint-conclusion"
          />
        )}
        {c.history.length > 1 && (
          <details>
            <summary style={{ cursor: 'pointer' }}>{m('history')}</summary>
            <Timeline
              style={{ marginTop: 12 }}
              items={c.history.map((h, i) => ({
                key: i,
                content: (
                  <span>
                    {m(h.action)} · {h.by.name} · {shanghaiMinute(h.at)}
                  </span>
                ),
              }))}
            />
          </details>
        )}
        {mayReply && c.status !== 'closed' && <ReplyForm id={c.id} onSent={onChanged} m={m} />}
      </Space>
    </Card>
  );
}

function AlertTable({ rows, m, scope }: { rows: AlertSummary[]; m: M; scope: string }) {
  const navigate = useRoute((s) => s.navigate);
  return (
    <Table<AlertSummary>
      rowKey="id"
      size="middle"
      dataSource={rows}
      pagination={{ pageSize: 15, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={m('noAlerts', { scope })} /> }}
      onRow={(row) =>
        ({
          'data-testid': 'window-alert-row',
          'data-rule': row.rule,
          ...(row.caseId ? openable(() => navigate({ page: 'case', caseId: row.caseId! })) : {}),
        }) as HTMLAttributes<HTMLElement>
      }
      columns={useAlertColumns()}
    />
  );
}

/** 监察预警: what the center's supervision holds against this window (the chief: the department). */
export function WindowAlertsPage() {
  const m = useWindowAlertsMessages();
  const role = useSession((s) => s.session?.user.role);
  const [data, setData] = useState<MySupervision | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await call('alerts.mine', {});
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error.message);
  }, []);
  useLiveRefresh(load, refreshMs);

  if (error) return <Alert type="error" showIcon title={error} style={{ maxWidth: 720 }} />;
  if (!data) return <Spin style={{ display: 'block', marginTop: 96 }} />;
  const scope = data.scope === 'department' ? m('scopeDepartment') : m('scopeWindow');
  const mayReply = role === 'chief' || role === 'clerk';
  return (
    <Space
      orientation="vertical"
      size="large"
      style={{ width: '100%' }}
      data-testid="window-alerts"
    >
      <div>
        <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
          {m('title')} · {scope}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="window-alerts-fetched">
          {!data.enrolled
            ? m('notEnrolled')
            : data.fetchedAt
              ? m('fetchedAt', { time: shanghaiMinute(data.fetchedAt) })
              : m('neverFetched')}
        </Typography.Text>
      </div>
      <div>
        <Typography.Title level={5}>{m('complaints')}</Typography.Title>
        {data.complaints.length === 0 ? (
          <Empty description={m('noComplaints', { scope })} />
        ) : (
          data.complaints.map((c) => (
            <ComplaintCard
              key={c.id}
              c={c}
              mayReply={mayReply}
              onChanged={() => void load()}
              m={m}
            />
          ))
        )}
      </div>
      <div>
        <Typography.Title level={5}>{m('alerts')}</Typography.Title>
        <AlertTable rows={data.alerts} m={m} scope={scope} />
      </div>
    </Space>
  );
}
