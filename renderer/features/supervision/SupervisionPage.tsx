import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Radio,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import type { AlertDetail, AlertSummary, CenterStatus } from '../../../shared/api/admin-contract';
import type { Level } from '../../../shared/calendar';
import { shanghaiMinute } from '../../format';
import { levelColor } from '../../levels';
import { useSession } from '../../stores/session';
import { CenterSignIn } from '../admin/AdminPage';
import { adminCall, useCenterGate } from '../admin/center';
import { useLiveRefresh } from '../cases/live';
import { useSupervisionMessages } from './messages';
import { openable } from '../cases/openable';

type StatusFilter = 'open' | 'acknowledged' | 'escalated' | 'all';
type Act = 'acknowledged' | 'escalated';
type M = ReturnType<typeof useSupervisionMessages>;

const levelKeys = ['warning', 'yellow', 'red', 'violation'] as const;
const statusKeys = ['open', 'acknowledged', 'escalated'] as const;

/** The colour of an alert's level: the clocks' colours, and violations their own. */
function LevelTag({ level, m }: { level: string; m: M }) {
  const color = level === 'violation' ? 'magenta' : (levelColor[level as Level] ?? 'default');
  const known = (levelKeys as readonly string[]).includes(level);
  return (
    <Tag color={color} data-testid="alert-level">
      {known ? m(level as (typeof levelKeys)[number]) : level}
    </Tag>
  );
}

function statusText(status: string, m: M): string {
  return (statusKeys as readonly string[]).includes(status)
    ? m(status as (typeof statusKeys)[number])
    : status;
}

/** One alert: what it says, its evidence, what was done about it, and the supervisor's form. */
function AlertDrawer({
  id,
  onClose,
  onActed,
}: {
  id: string | null;
  onClose: () => void;
  onActed: () => void;
}) {
  const m = useSupervisionMessages();
  const mayAct = useSession((s) => s.session?.user.role === 'supervisor');
  const [detail, setDetail] = useState<AlertDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Act | null>(null);
  const [form] = Form.useForm<{ comment: string }>();

  useEffect(() => {
    setDetail(null);
    setError(null);
    form.resetFields();
    if (!id) return;
    let live = true;
    void adminCall('admin.alerts.get', { id }).then((r) => {
      if (!live) return;
      if (r.ok) setDetail(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [id, form]);

  const act = async (action: Act) => {
    if (!id) return;
    let comment: string;
    try {
      ({ comment } = await form.validateFields());
    } catch {
      return;
    }
    setBusy(action);
    const r = await adminCall('admin.alerts.act', { id, action, comment: comment.trim() });
    setBusy(null);
    if (r.ok) {
      setDetail(r.value);
      setError(null);
      form.resetFields();
      onActed();
    } else setError(r.error.message);
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={m('drawerTitle')}
      destroyOnHidden
      data-testid="alert-drawer"
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="alert-error"
        />
      )}
      {!detail && !error && <Spin style={{ display: 'block', marginTop: 48 }} />}
      {detail && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { width: 160, whiteSpace: 'nowrap' } }}
          >
            <Descriptions.Item label={m('colLevel')}>
              <LevelTag level={detail.level} m={m} />
            </Descriptions.Item>
            <Descriptions.Item label={m('colMessage')}>
              <span data-testid="alert-message">{detail.message}</span>
            </Descriptions.Item>
            <Descriptions.Item label={m('rule')}>
              <Typography.Text code>{detail.rule}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={m('colCase')}>{detail.caseNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={m('department')}>{detail.departmentCode}</Descriptions.Item>
            <Descriptions.Item label={m('colWindow')}>{detail.windowId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={m('colRaised')}>
              {shanghaiMinute(detail.raisedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={m('colStatus')}>
              <span data-testid="alert-status">{statusText(detail.status, m)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={m('evidence')}>
              <Space orientation="vertical" size={2} data-testid="alert-evidence">
                {detail.evidence.map((e) => (
                  <Typography.Text key={e} code copyable style={{ fontSize: 12 }}>
                    {e}
                  </Typography.Text>
                ))}
              </Space>
            </Descriptions.Item>
          </Descriptions>

          <div data-testid="alert-history">
            <Typography.Title level={5}>{m('history')}</Typography.Title>
            {detail.actions.length === 0 ? (
              <Typography.Text type="secondary">{m('noHistory')}</Typography.Text>
            ) : (
              <Timeline
                items={detail.actions.map((a, i) => ({
                  key: i,
                  color: a.action === 'escalated' ? 'red' : 'green',
                  content: (
                    <div data-testid="alert-history-entry">
                      <Space wrap>
                        <Typography.Text strong>
                          {a.action === 'escalated'
                            ? m('escalatedAction')
                            : a.action === 'acknowledged'
                              ? m('acknowledgedAction')
                              : a.action}
                        </Typography.Text>
                        <span>{a.by.name}</span>
                        <Typography.Text type="secondary">{shanghaiMinute(a.at)}</Typography.Text>
                      </Space>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{a.comment}</div>
                    </div>
                  ),
                }))}
              />
            )}
          </div>

          {mayAct && (
            <Form form={form} layout="vertical" data-testid="alert-form">
              <Form.Item
                name="comment"
                label={m('comment')}
                rules={[{ required: true, whitespace: true, message: m('commentRequired') }]}
              >
                <Input.TextArea rows={3} maxLength={1000} showCount />
              </Form.Item>
              <Space>
                <Button
                  type="primary"
                  loading={busy === 'acknowledged'}
                  disabled={busy !== null}
                  onClick={() => void act('acknowledged')}
                >
                  {m('acknowledge')}
                </Button>
                <Button
                  danger
                  loading={busy === 'escalated'}
                  disabled={busy !== null}
                  onClick={() => void act('escalated')}
                >
                  {m('escalate')}
                </Button>
              </Space>
            </Form>
          )}
        </Space>
      )}
    </Drawer>
  );
}

/** The center's alerts, filtered by status, refreshed every 30 seconds. */
function AlertList() {
  const m = useSupervisionMessages();
  const [filter, setFilter] = useState<StatusFilter>('open');
  const [rows, setRows] = useState<AlertSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    const r = await adminCall('admin.alerts.list', filter === 'all' ? {} : { status: filter });
    setLoading(false);
    if (r.ok) {
      setRows(r.value);
      setError(null);
    } else setError(r.error.message);
  }, [filter]);
  useLiveRefresh(load, 30_000);

  return (
    <Card
      title={m('title')}
      data-testid="supervision-page"
      extra={
        <Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m('autoRefresh')}
          </Typography.Text>
          <Button onClick={() => void load()} loading={loading}>
            {m('refresh')}
          </Button>
        </Space>
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <span>{m('statusFilter')}</span>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={filter}
          onChange={(e) => setFilter(e.target.value as StatusFilter)}
          data-testid="alert-filter"
          options={(['open', 'acknowledged', 'escalated', 'all'] as const).map((k) => ({
            value: k,
            label: m(k),
          }))}
        />
      </Space>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          data-testid="alerts-error"
        />
      )}
      <Table<AlertSummary>
        rowKey="id"
        size="middle"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={m('none')} /> }}
        onRow={(row) =>
          ({
            'data-testid': 'alert-row',
            'data-rule': row.rule,
            'data-level': row.level,
            'data-case-number': row.caseNumber ?? '',
            ...openable(() => setOpenId(row.id)),
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: m('colLevel'),
            dataIndex: 'level',
            width: 90,
            render: (level: string) => <LevelTag level={level} m={m} />,
          },
          { title: m('colMessage'), dataIndex: 'message' },
          {
            title: m('colCase'),
            dataIndex: 'caseNumber',
            width: 210,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: m('colWindow'),
            dataIndex: 'windowId',
            width: 130,
            ellipsis: true,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: m('colRaised'),
            dataIndex: 'raisedAt',
            width: 150,
            render: (at: string) => shanghaiMinute(at),
          },
          {
            title: m('colStatus'),
            dataIndex: 'status',
            width: 90,
            render: (s: string) => statusText(s, m),
          },
        ]}
      />
      <AlertDrawer id={openId} onClose={() => setOpenId(null)} onActed={() => void load()} />
    </Card>
  );
}

/** 电子监察: the supervisor reads and handles the center's alerts through this terminal. */
export function SupervisionPage() {
  const m = useSupervisionMessages();
  const [status, setStatus] = useState<CenterStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useCenterGate((s) => s.generation);

  const load = useCallback(async () => {
    const r = await adminCall('admin.center.status', {});
    if (r.ok) {
      setStatus(r.value);
      setError(null);
    } else setError(r.error.message);
  }, []);
  // a call that found the center session gone brings the password prompt back
  useEffect(() => {
    void load();
  }, [load, generation]);

  if (error) return <Alert type="error" showIcon title={error} style={{ maxWidth: 720 }} />;
  if (!status) return <Spin style={{ display: 'block', marginTop: 96 }} />;
  if (!status.serverUrl)
    return (
      <Alert
        type="warning"
        showIcon
        title={m('notJoinedTitle')}
        description={m('notJoined')}
        data-testid="supervision-not-joined"
        style={{ maxWidth: 720 }}
      />
    );
  if (!status.signedIn) return <CenterSignIn status={status} onSignedIn={setStatus} />;
  return <AlertList />;
}
