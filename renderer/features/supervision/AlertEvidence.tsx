import { Button, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AlertSummary } from '../../../shared/api/admin-contract';
import type { CaseHistory } from '../../../shared/center-api';
import type { CaseEvent, CaseStatus } from '../../../shared/case';
import { call } from '../../api';
import { inConsole } from '../../app/console-mode';
import { adminCall } from '../admin/center';
import { shanghaiMinute } from '../../format';
import { useDomainLabels } from '../../i18n/domain';
import { useRoute } from '../../stores/route';
import { useSupervisionMessages } from './messages';

type M = ReturnType<typeof useSupervisionMessages>;

const isUuid = (s: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/**
 * A fact the center noted about a terminal (sync/clock.ts, device-alerts.ts), in words: the
 * device's own id is left out, the window column names it.
 */
function factText(fact: string, m: M): string | null {
  const [key, value = ''] = fact.includes('=') ? fact.split('=', 2) : fact.split(/:(.*)/, 2);
  switch (key) {
    case 'address':
      return m('factAddress', { value });
    case 'offsetMs':
      return m('factOffset', { value: Math.round(Number(value) / 1000) });
    case 'correctionMs':
      return m('factCorrection', { value: Math.round(Number(value) / 1000) });
    case 'measuredAt':
      return m('factMeasured', { value: shanghaiMinute(value) });
    case 'window':
      return m('factWindow', { value });
    default:
      return null;
  }
}

/** Where the alert's case was found: on this PC, at the center only, or nowhere. */
type Held =
  | { where: 'pc'; events: CaseEvent[] }
  | { where: 'center'; history: CaseHistory }
  | { where: 'nowhere' };

/**
 * 证据: what the alert rests on, as links — the case, and each event it names in that case's
 * history (opened scrolled to and marked). Issue 16 point 6: raw event UUIDs were shown instead.
 * A case of this PC's department opens here; another department's, and every case in the
 * center's console (which holds none), is read from the center and shown as its record.
 */
export function AlertEvidence({ alert }: { alert: AlertSummary }) {
  const m = useSupervisionMessages();
  const l = useDomainLabels();
  const navigate = useRoute((s) => s.navigate);
  const [held, setHeld] = useState<Held | null>(null);
  const caseId = alert.caseId;

  useEffect(() => {
    if (!caseId) return;
    let live = true;
    void (async () => {
      const local = inConsole() ? null : await call('cases.get', { caseId });
      if (local?.ok && local.value.state.status !== 'none') {
        if (live) setHeld({ where: 'pc', events: local.value.events });
        return;
      }
      const center = await adminCall('admin.cases.history', { caseId });
      if (live)
        setHeld(center.ok ? { where: 'center', history: center.value } : { where: 'nowhere' });
    })();
    return () => {
      live = false;
    };
  }, [caseId]);

  const facts = alert.evidence
    .filter((e) => !isUuid(e))
    .map((e) => factText(e, m))
    .filter((t): t is string => t !== null);

  if (!caseId)
    return (
      <Space orientation="vertical" size={2} data-testid="alert-evidence">
        {alert.rule.startsWith('complaint') ? (
          <span>{m('evidenceComplaint')}</span>
        ) : (
          <span>{m('evidenceTerminal')}</span>
        )}
        {facts.map((f) => (
          <Typography.Text key={f} type="secondary">
            {f}
          </Typography.Text>
        ))}
      </Space>
    );

  const named = alert.evidence.filter(isUuid);
  const number = alert.caseNumber ?? '—';
  if (held?.where === 'nowhere')
    return (
      <Typography.Text type="secondary" data-testid="alert-case-elsewhere">
        {m('caseElsewhere', { number })}
      </Typography.Text>
    );
  if (held?.where === 'center') {
    const { case: row, events } = held.history;
    return (
      <Space orientation="vertical" size={2} data-testid="alert-evidence">
        <Typography.Text strong data-testid="alert-center-case">
          {row
            ? m('centerCase', {
                number: row.caseNumber,
                item: row.itemName,
                status: l.status(row.status as CaseStatus),
              })
            : m('centerCaseNone', { number })}
        </Typography.Text>
        {events.map(({ event: e, status }) => (
          <Typography.Text
            key={e.id}
            data-testid="alert-evidence-event"
            data-cited={named.includes(e.id) ? 'true' : undefined}
            mark={named.includes(e.id)}
            type={status === 'conflicted' ? 'danger' : undefined}
          >
            {m('evidenceEvent', {
              what: l.event(e.type as CaseEvent['type']),
              at: shanghaiMinute(e.occurredAt),
              who: e.actor.name,
            })}
            {status === 'conflicted' ? m('notAdmitted') : ''}
          </Typography.Text>
        ))}
      </Space>
    );
  }

  const cited = held?.where === 'pc' ? held.events.filter((e) => named.includes(e.id)) : [];
  return (
    <Space orientation="vertical" size={4} data-testid="alert-evidence">
      <Button
        type="primary"
        size="small"
        disabled={held === null}
        data-testid="alert-open-case"
        onClick={() =>
          navigate({
            page: 'case',
            caseId,
            ...(cited[0] ? { eventId: cited[0].id } : {}),
          })
        }
      >
        {m('openCase', { number: alert.caseNumber ?? '' })}
      </Button>
      {cited.map((e) => (
        <Typography.Link
          key={e.id}
          data-testid="alert-evidence-event"
          onClick={() => navigate({ page: 'case', caseId, eventId: e.id })}
        >
          {m('evidenceEvent', {
            what: l.event(e.type),
            at: shanghaiMinute(e.occurredAt),
            who: e.actor.name,
          })}
        </Typography.Link>
      ))}
    </Space>
  );
}
