import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useState, type HTMLAttributes } from 'react';
import type { ColumnsType } from 'antd/es/table';
import type { AlertSummary } from '../../../shared/api/admin-contract';
import type { Level } from '../../../shared/calendar';
import { shanghaiMinute } from '../../format';
import { levelColor } from '../../levels';
import { useSession } from '../../stores/session';
import { CenterGated } from '../admin/CenterGated';
import { adminCall } from '../admin/center';
import { useLocale } from '../../i18n';
import { AlertEvidence } from './AlertEvidence';
import { alertRuleText, alertText } from './alert-text';
import { RecordDrawer } from './RecordDrawer';
import { useSupervisionMessages } from './messages';
import { StatusFilter } from './StatusFilter';
import { openable } from '../cases/openable';
import { useCenterRecord, useLiveCenterList } from './center-data';
import { ComplaintsPanel } from './ComplaintsPanel';

type AlertFilter = 'open' | 'acknowledged' | 'escalated' | 'all';
type Act = 'acknowledged' | 'escalated';
type M = ReturnType<typeof useSupervisionMessages>;

const levelKeys = ['warning', 'yellow', 'red', 'violation'] as const;
const statusKeys = ['open', 'acknowledged', 'escalated'] as const;

/** The colour of an alert's level: the clocks' colours, and violations their own. */
export function LevelTag({ level }: { level: string }) {
  const m = useSupervisionMessages();
  const color = level === 'violation' ? 'magenta' : (levelColor[level as Level] ?? 'default');
  const known = (levelKeys as readonly string[]).includes(level);
  return (
    <Tag color={color} data-testid="alert-level">
      {known ? m(level as (typeof levelKeys)[number]) : level}
    </Tag>
  );
}

/** The department by name; a device the center does not know belongs to none. */
function departmentText(a: AlertSummary, m: M): string {
  if (a.departmentName) return a.departmentName;
  return a.departmentCode === '-' ? m('noDepartment') : a.departmentCode;
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
  const locale = useLocale((s) => s.locale);
  const mayAct = useSession((s) => s.session?.user.role === 'supervisor');
  const [busy, setBusy] = useState<Act | null>(null);
  const [form] = Form.useForm<{ comment: string }>();
  const resetForm = useCallback(() => form.resetFields(), [form]);
  const {
    record: detail,
    setRecord: setDetail,
    error,
    setError,
  } = useCenterRecord('admin.alerts.get', id, resetForm);

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
    <RecordDrawer
      id={id}
      onClose={onClose}
      title={m('drawerTitle')}
      testId="alert-drawer"
      error={error}
      record={detail}
    >
      {(detail) => (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { width: 160, whiteSpace: 'nowrap' } }}
          >
            <Descriptions.Item label={m('colLevel')}>
              <LevelTag level={detail.level} />
            </Descriptions.Item>
            <Descriptions.Item label={m('colMessage')}>
              <span data-testid="alert-message">{alertText(detail, locale)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={m('rule')}>
              <span data-testid="alert-rule" data-rule={detail.rule}>
                {alertRuleText(detail, locale)}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={m('colCase')}>{detail.caseNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={m('department')}>
              <span data-testid="alert-department">{departmentText(detail, m)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={m('colWindow')}>
              <span data-testid="alert-window">{detail.windowName ?? detail.windowId ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={m('colRaised')}>
              {shanghaiMinute(detail.raisedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={m('colStatus')}>
              <span data-testid="alert-status">{statusText(detail.status, m)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={m('evidence')}>
              <AlertEvidence alert={detail} />
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
        </>
      )}
    </RecordDrawer>
  );
}

/** The center's alerts, filtered by status, refreshed every 30 seconds. */
function AlertList() {
  const m = useSupervisionMessages();
  const [filter, setFilter] = useState<AlertFilter>('open');
  const [openId, setOpenId] = useState<string | null>(null);
  const { rows, error, loading, load } = useLiveCenterList(
    'admin.alerts.list',
    filter === 'all' ? {} : { status: filter },
  );
  const columns = useAlertColumns();

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
      <StatusFilter
        label={m('statusFilter')}
        value={filter}
        onChange={setFilter}
        testId="alert-filter"
        options={(['open', 'acknowledged', 'escalated', 'all'] as const).map((k) => ({
          value: k,
          label: m(k),
        }))}
      />
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
        columns={columns}
      />
      <AlertDrawer id={openId} onClose={() => setOpenId(null)} onActed={() => void load()} />
    </Card>
  );
}

/** The columns of an alert list: the supervisor's, and the window's own under 监察预警. */
export function useAlertColumns(): ColumnsType<AlertSummary> {
  const m = useSupervisionMessages();
  const locale = useLocale((s) => s.locale);
  return [
    {
      title: m('colLevel'),
      dataIndex: 'level',
      width: 90,
      render: (level: string) => <LevelTag level={level} />,
    },
    {
      title: m('colMessage'),
      dataIndex: 'message',
      render: (_: string, row) => alertText(row, locale),
    },
    {
      title: m('colCase'),
      dataIndex: 'caseNumber',
      width: 190,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: m('colWindow'),
      dataIndex: 'windowName',
      width: 170,
      ellipsis: true,
      render: (v: string | null, row) => (
        <span title={row.windowId ?? undefined}>
          <div>{v ?? row.windowId ?? '—'}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {departmentText(row, m)}
          </Typography.Text>
        </span>
      ),
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
      width: 110,
      render: (s: string) => statusText(s, m),
    },
  ];
}

/** 电子监察: the supervisor reads and handles the center's alerts through this terminal. */
export function SupervisionPage() {
  const m = useSupervisionMessages();
  return (
    <CenterGated
      notJoined={
        <Alert
          type="warning"
          showIcon
          title={m('notJoinedTitle')}
          description={m('notJoined')}
          data-testid="supervision-not-joined"
          style={{ maxWidth: 720 }}
        />
      }
    >
      {() => (
        <Tabs
          destroyOnHidden
          data-testid="supervision-tabs"
          items={[
            { key: 'alerts', label: m('tabAlerts'), children: <AlertList /> },
            { key: 'complaints', label: m('tabComplaints'), children: <ComplaintsPanel /> },
          ]}
        />
      )}
    </CenterGated>
  );
}
