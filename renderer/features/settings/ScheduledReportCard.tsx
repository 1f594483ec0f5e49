import { Alert, App, Button, Card, Descriptions, Form, Input, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ReportSchedule, ReportScheduleInput } from '../../../shared/reports/schedule';
import { call } from '../../api';
import { shanghaiMinute } from '../../format';
import { useReportScheduleMessages } from './messages';

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
  const [schedule, setSchedule] = useState<ReportSchedule | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await call('reports.schedule.get', {});
    if (r.ok) setSchedule(r.value);
  }, []);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), refreshMs);
    return () => clearInterval(timer);
  }, [load]);

  // main's refusal of a field stands until that field is changed or the form is sent again
  const clearRefusals = (names: readonly ('folder' | 'time')[]) =>
    form.setFields(names.map((name) => ({ name, errors: [] })));

  const save = async (values: ReportScheduleInput) => {
    clearRefusals(['folder', 'time']);
    setBusy(true);
    const r = await call('reports.schedule.set', values);
    setBusy(false);
    if (!r.ok) {
      const field = r.error.field;
      if (field === 'folder' || field === 'time') {
        form.setFields([{ name: field, errors: [r.error.message] }]);
        setError(null);
      } else {
        setError(r.error.message);
      }
      return;
    }
    setError(null);
    setSchedule(r.value);
    void message.success(m('saved'));
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
            onValuesChange={(changed: Partial<ReportScheduleInput>) =>
              clearRefusals((['folder', 'time'] as const).filter((k) => k in changed))
            }
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
