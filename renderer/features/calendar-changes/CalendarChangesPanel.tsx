import { Alert, Button, Card, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CalendarChange } from '../../../shared/center-api';
import { call } from '../../api';
import { useRoute } from '../../stores/route';
import { useSession } from '../../stores/session';
import { ChangesTable } from './ChangesTable';
import { useCalendarMessages } from './messages';

// How often the panel asks whether a sync round ended: a new calendar arrives with a pull.
const syncCheckMs = 3_000;

/**
 * On the work list: the window's open cases whose printed deadlines the calendar the last sync
 * brought moves (issue 14 point 12). Shown only when there are some; the clerk or chief prints
 * the 期限变更告知书 from here.
 */
export function CalendarChangesPanel() {
  const role = useSession((s) => s.session?.user.role);
  // the window's staff; the center's people see the center's list (中心管理)
  if (role !== 'clerk' && role !== 'chief' && role !== 'reviewer') return null;
  return <WindowChanges canIssue={role !== 'reviewer'} />;
}

function WindowChanges({ canIssue }: { canIssue: boolean }) {
  const m = useCalendarMessages();
  const navigate = useRoute((s) => s.navigate);
  const [rows, setRows] = useState<CalendarChange[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const lastSync = useRef<string | null | undefined>(undefined);

  const load = useCallback(async () => {
    const r = await call('cases.calendarChanges', {});
    if (r.ok) {
      setRows(r.value);
      setError(null);
    } else setError(r.error.message);
  }, []);

  // reload when a sync round has ended since the last look (and once at the start)
  useEffect(() => {
    let live = true;
    const check = async () => {
      const s = await call('sync.status', {});
      const at = s.ok ? s.value.lastSyncAt : null;
      if (live && at !== lastSync.current) {
        lastSync.current = at;
        await load();
      }
    };
    void check();
    const timer = setInterval(() => void check(), syncCheckMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [load]);

  const issue = async (row: CalendarChange) => {
    setBusy(row.caseId);
    const r = await call('cases.reviseCalendar', { caseId: row.caseId });
    setBusy(null);
    if (!r.ok) return setError(r.error.message);
    navigate({ page: 'print', caseId: row.caseId, eventId: r.value.eventId });
  };

  if (rows.length === 0 && !error) return null;
  return (
    <Card
      title={m('changesTitle')}
      style={{ marginBottom: 16 }}
      data-testid="calendar-changes-panel"
    >
      <Typography.Paragraph type="secondary">{m('changesHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <ChangesTable
        testId="window-calendar-changes"
        rows={rows}
        loading={false}
        {...(canIssue
          ? {
              action: (r: CalendarChange) => (
                <Button type="primary" loading={busy === r.caseId} onClick={() => void issue(r)}>
                  {m('issue')}
                </Button>
              ),
            }
          : {})}
      />
    </Card>
  );
}
