import { useDomainLabels } from '../../i18n/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState, type HTMLAttributes } from 'react';
import type { Complaint } from '../../../shared/sync';
import { complaintChannels, complaintConclusions } from '../../../shared/reports/complaints';
import { shanghaiMinute } from '../../format';
import { useSession } from '../../stores/session';
import { FormModal } from '../admin/FormModal';
import { adminCall, useCenterQuery } from '../admin/center';
import { openable } from '../cases/openable';
import { useCenterRecord, useLiveCenterList } from './center-data';
import { RecordDrawer } from './RecordDrawer';
import { useComplaintMessages } from './complaint-messages';
import { StatusFilter } from './StatusFilter';

type M = ReturnType<typeof useComplaintMessages>;
type Filter = 'open' | 'closed' | 'all';

type RecordValues = {
  windowId?: string;
  caseNumber?: string;
  complainantName?: string;
  complainantPhone?: string;
  channel: string;
  content: string;
};

const statusTag = {
  open: { key: 'statusOpen', color: 'orange' },
  replied: { key: 'statusReplied', color: 'blue' },
  closed: { key: 'statusClosed', color: 'default' },
} as const;

function StatusTag({ c, m }: { c: Complaint; m: M }) {
  const l = useDomainLabels();
  const s = statusTag[c.status];
  return (
    <Space size={4} wrap>
      <Tag color={s.color} style={{ margin: 0 }} data-testid="complaint-status">
        {m(s.key)}
      </Tag>
      {c.conclusion && <Tag style={{ margin: 0 }}>{l.complaintConclusion(c.conclusion)}</Tag>}
    </Space>
  );
}

/** The deadline and the center's word on it: working days left, overdue, closed late. */
function Due({ c, m }: { c: Complaint; m: M }) {
  const { clock } = c;
  const tag = clock.overdue
    ? { color: 'red', text: clock.stopped ? m('closedLate') : m('overdue') }
    : clock.stopped
      ? { color: 'green', text: m('closedOnTime') }
      : {
          color: clock.level === 'warning' ? 'gold' : 'green',
          text: m('left', { n: clock.workingDaysLeft }),
        };
  return (
    <Space size={4}>
      <span>{c.dueDate}</span>
      {tag && (
        <Tag color={tag.color} style={{ margin: 0 }}>
          {tag.text}
        </Tag>
      )}
    </Space>
  );
}

const place = (c: Complaint) =>
  [c.departmentName ?? c.departmentCode, c.windowName].filter(Boolean).join(' · ');

/** The supervisor records a complaint: a window (or a case number), the channel, what was said. */
function RecordDialog({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const l = useDomainLabels();
  const m = useComplaintMessages();
  const windows = useCenterQuery('admin.windows.list', {});
  const departments = useCenterQuery('admin.departments.list', {});
  const departmentName = (code: string) =>
    departments.data?.find((d) => d.code === code)?.name ?? code;
  return (
    <FormModal<RecordValues>
      title={m('recordTitle')}
      open={open}
      okText={m('saveRecord')}
      initialValues={{ channel: '现场' }}
      testId="complaint-form"
      onCancel={onClose}
      onDone={onDone}
      submit={(v) =>
        adminCall('admin.complaints.create', {
          windowId: v.windowId ?? null,
          ...(v.caseNumber?.trim() ? { caseNumber: v.caseNumber.trim() } : {}),
          ...(v.complainantName?.trim() ? { complainantName: v.complainantName.trim() } : {}),
          ...(v.complainantPhone?.trim() ? { complainantPhone: v.complainantPhone.trim() } : {}),
          channel: v.channel,
          content: v.content.trim(),
        })
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {m('handlingRule')}
      </Typography.Paragraph>
      <Form.Item
        name="windowId"
        label={m('window')}
        extra={m('windowHint')}
        dependencies={['caseNumber']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              value || (getFieldValue('caseNumber') as string | undefined)?.trim()
                ? Promise.resolve()
                : Promise.reject(new Error(m('targetRequired'))),
          }),
        ]}
      >
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={windows.loading}
          options={(windows.data ?? []).map((w) => ({
            value: w.id,
            label: `${departmentName(w.departmentCode)} · ${w.name}（${w.code}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="caseNumber" label={m('caseNumber')}>
        <Input maxLength={64} />
      </Form.Item>
      <Space style={{ display: 'flex' }} align="start">
        <Form.Item name="complainantName" label={m('complainantName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="complainantPhone" label={m('complainantPhone')}>
          <Input maxLength={20} />
        </Form.Item>
      </Space>
      <Form.Item name="channel" label={m('channel')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={complaintChannels.map((c) => ({ value: c, label: l.complaintChannel(c) }))}
        />
      </Form.Item>
      <Form.Item
        name="content"
        label={m('content')}
        rules={[{ required: true, whitespace: true, message: m('contentRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** One complaint: what was said, the window's reply, its steps, and the supervisor's close. */
function ComplaintDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const l = useDomainLabels();
  const m = useComplaintMessages();
  const mayClose = useSession((s) => s.session?.user.role === 'supervisor');
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ conclusion: string; comment?: string }>();
  const {
    record: c,
    setRecord: setC,
    error,
    setError,
  } = useCenterRecord('admin.complaints.get', id);

  const close = async (v: { conclusion: string; comment?: string }) => {
    if (!id) return;
    setBusy(true);
    const r = await adminCall('admin.complaints.close', {
      id,
      conclusion: v.conclusion,
      ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
    });
    setBusy(false);
    if (r.ok) {
      setC(r.value);
      setError(null);
      onChanged();
    } else setError(r.error.message);
  };

  return (
    <RecordDrawer
      id={id}
      onClose={onClose}
      title={m('drawerTitle')}
      testId="complaint-drawer"
      error={error}
      record={c}
    >
      {(c) => (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}
          >
            <Descriptions.Item label={m('colStatus')}>
              <StatusTag c={c} m={m} />
            </Descriptions.Item>
            <Descriptions.Item label={m('colWindow')}>{place(c)}</Descriptions.Item>
            <Descriptions.Item label={m('colCase')}>{c.caseNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={m('colChannel')}>
              {l.complaintChannel(c.channel)}
            </Descriptions.Item>
            <Descriptions.Item label={m('complainant')}>
              {[c.complainantName ?? m('anonymous'), c.complainantPhone].filter(Boolean).join('　')}
            </Descriptions.Item>
            <Descriptions.Item label={m('colContent')}>
              <span style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-content">
                {c.content}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={m('received')}>
              {shanghaiMinute(c.receivedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={m('due')}>
              <Due c={c} m={m} />
            </Descriptions.Item>
            <Descriptions.Item label={m('reply')}>
              <span style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-reply-text">
                {c.reply ?? m('noReply')}
              </span>
            </Descriptions.Item>
          </Descriptions>
          <div data-testid="complaint-history">
            <Typography.Title level={5}>{m('history')}</Typography.Title>
            <Timeline
              items={c.history.map((h, i) => ({
                key: i,
                color: h.action === 'closed' ? 'green' : h.action === 'replied' ? 'blue' : 'gray',
                content: (
                  <div data-testid="complaint-history-entry">
                    <Space wrap>
                      <Typography.Text strong>{m(`${h.action}Step`)}</Typography.Text>
                      {h.conclusion && <Tag>{l.complaintConclusion(h.conclusion)}</Tag>}
                      <span>{h.by.name}</span>
                      <Typography.Text type="secondary">{shanghaiMinute(h.at)}</Typography.Text>
                    </Space>
                    {h.action !== 'recorded' && h.text && (
                      <div style={{ whiteSpace: 'pre-wrap' }}>{h.text}</div>
                    )}
                  </div>
                ),
              }))}
            />
          </div>
          {mayClose && c.status !== 'closed' && (
            <Card size="small" title={m('closeTitle')}>
              <Form
                form={form}
                layout="vertical"
                onFinish={(v) => void close(v)}
                data-testid="complaint-close"
              >
                <Form.Item
                  name="conclusion"
                  label={m('closeConclusion')}
                  rules={[{ required: true, message: m('conclusionRequired') }]}
                >
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    options={complaintConclusions.map((x) => ({
                      value: x,
                      label: l.complaintConclusion(x),
                    }))}
                  />
                </Form.Item>
                <Form.Item name="comment" label={m('closeComment')}>
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {m('close')}
                </Button>
              </Form>
            </Card>
          )}
        </>
      )}
    </RecordDrawer>
  );
}

/** 公众投诉 at the center: the list, the record dialog and each complaint's drawer. */
export function ComplaintsPanel() {
  const l = useDomainLabels();
  const m = useComplaintMessages();
  const { message } = App.useApp();
  const mayRecord = useSession((s) => s.session?.user.role === 'supervisor');
  const [filter, setFilter] = useState<Filter>('open');
  const [recording, setRecording] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const { rows, error, loading, load } = useLiveCenterList(
    'admin.complaints.list',
    filter === 'all' ? {} : { status: filter },
  );

  return (
    <Card
      title={m('title')}
      data-testid="complaints-panel"
      extra={
        <Space>
          <Button onClick={() => void load()} loading={loading}>
            {m('refresh')}
          </Button>
          {mayRecord && (
            <Button type="primary" onClick={() => setRecording(true)}>
              {m('record')}
            </Button>
          )}
        </Space>
      }
    >
      <StatusFilter
        label={m('statusFilter')}
        value={filter}
        onChange={setFilter}
        testId="complaint-filter"
        options={[
          { value: 'open', label: m('open') },
          { value: 'closed', label: m('closedFilter') },
          { value: 'all', label: m('all') },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<Complaint>
        rowKey="id"
        size="middle"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={m('none')} /> }}
        onRow={(row) =>
          ({
            'data-testid': 'complaint-row',
            'data-status': row.status,
            ...openable(() => setOpenId(row.id)),
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: m('colReceived'),
            dataIndex: 'receivedAt',
            width: 140,
            render: (at: string) => shanghaiMinute(at),
          },
          {
            title: m('colWindow'),
            key: 'window',
            width: 250,
            render: (_, c) => place(c),
          },
          {
            title: m('colChannel'),
            dataIndex: 'channel',
            width: 90,
            render: (c: string) => l.complaintChannel(c),
          },
          { title: m('colContent'), dataIndex: 'content', ellipsis: true },
          {
            title: m('colDue'),
            key: 'due',
            width: 210,
            render: (_, c) => <Due c={c} m={m} />,
          },
          {
            title: m('colStatus'),
            key: 'status',
            width: 150,
            render: (_, c) => <StatusTag c={c} m={m} />,
          },
        ]}
      />
      <RecordDialog
        open={recording}
        onClose={() => setRecording(false)}
        onDone={() => {
          setRecording(false);
          void message.success(m('recorded'));
          void load();
        }}
      />
      <ComplaintDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => void load()} />
    </Card>
  );
}
