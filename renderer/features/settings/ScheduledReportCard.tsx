import { Alert, App, Button, Card, Descriptions, Form, Input, Switch, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import type { ReportSchedule, ReportScheduleInput } from '../../../shared/reports/schedule';
import { call } from '../../api';
import { shanghaiMinute } from '../../format';
import { useReportScheduleMessages } from './messages';
import { useSettingForm } from './useSettingForm';

// The main process writes the report on its own timer; the card looks again now and then so the
// manager sees the day's write (or its failure) without leaving the page.
const refreshMs = 10_000;

function LastRun({ schedule }: { schedule: ReportSchedule }) {
  const m = useReportScheduleMessages();
  return (
    <Descriptions size="small" column={1} bordered data-testid="schedule-status">
      <Descriptions.Item label={m('state')}>
        <Tag color={schedule.enabled ? 'green' : 'default'} data-testid="schedule-state">
          {schedule.enabled ? m('on') : m('off')}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={m('lastWritten')}>
        {schedule.lastWrittenAt ? (
          <span data-testid="schedule-last-written">
            {shanghaiMinute(schedule.lastWrittenAt)}
            {schedule.lastFiles.map((f) => (
              <Typography.Text key={f} code style={{ display: 'block', marginTop: 4 }}>
                {f}
              </Typography.Text>
            ))}
          </span>
        ) : (
          m('notYet')
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The manager sets when and where this terminal writes the day's report, and sees how it went. */
export function ScheduledReportCard() {
  const m = useReportScheduleMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportScheduleInput>();
  // no `shown`: the form starts from the first reading, and a later one must not overwrite what
  // the manager is typing
  const setting = useSettingForm({
    form,
    load: () => call('reports.schedule.get', {}),
    store: (values: ReportScheduleInput) => call('reports.schedule.set', values),
    fields: ['folder', 'time'],
  });
  const { current: schedule, error, busy, reload } = setting;
  useEffect(() => {
    const timer = setInterval(() => void reload(), refreshMs);
    return () => clearInterval(timer);
  }, [reload]);

  const save = async (values: ReportScheduleInput) => {
    if (await setting.save(values)) void message.success(m('saved'));
  };

  return (
    <Card title={m('title')} style={{ maxWidth: 720 }} data-testid="schedule-card">
      <Typography.Paragraph type="secondary">{m('hint')}</Typography.Paragraph>
      {schedule && (
        <>
          {error && (
            <Alert
              type="error"
              showIcon
              title={m('saveFailed')}
              description={error}
              style={{ marginBottom: 12 }}
            />
          )}
          <Form<ReportScheduleInput>
            form={form}
            layout="vertical"
            data-testid="schedule-form"
            initialValues={{
              enabled: schedule.enabled,
              folder: schedule.folder,
              time: schedule.time,
            }}
            onFinish={(v) => void save(v)}
            onValuesChange={setting.onValuesChange}
          >
            <Form.Item name="enabled" label={m('enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="folder" label={m('folder')} extra={m('folderHint')}>
              <Input placeholder="D:\办件日报" autoComplete="off" />
            </Form.Item>
            <Form.Item name="time" label={m('time')} extra={m('timeHint')}>
              <Input placeholder="17:30" autoComplete="off" maxLength={5} style={{ width: 120 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} style={{ marginBottom: 16 }}>
              {m('save')}
            </Button>
          </Form>
          {schedule.lastError && (
            <Alert
              type="error"
              showIcon
              title={`${m('lastError')}${
                schedule.lastErrorAt ? `（${shanghaiMinute(schedule.lastErrorAt)}）` : ''
              }`}
              description={schedule.lastError}
              data-testid="schedule-error"
              style={{ marginBottom: 12 }}
            />
          )}
          <LastRun schedule={schedule} />
        </>
      )}
    </Card>
  );
}
