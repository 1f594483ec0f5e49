import { Button, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AlertSummary } from '../../../shared/api/admin-contract';
import type { CaseEvent } from '../../../shared/case';
import { call } from '../../api';
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

/**
 * 证据: what the alert rests on, as links — the case, and each event it names in that case's
 * history (opened scrolled to and marked). Issue 16 point 6: raw event UUIDs were shown instead.
 * The case is on this PC when it is of the PC's department; the center's other departments'
 * cases are named by their number only.
 */
export function AlertEvidence({ alert }: { alert: AlertSummary }) {
  const m = useSupervisionMessages();
  const l = useDomainLabels();
  const navigate = useRoute((s) => s.navigate);
  const [events, setEvents] = useState<CaseEvent[] | null | 'absent'>(null);
  const caseId = alert.caseId;

  useEffect(() => {
    if (!caseId) return;
    let live = true;
    void call('cases.get', { caseId }).then((r) => {
      if (live) setEvents(r.ok && r.value.state.status !== 'none' ? r.value.events : 'absent');
    });
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
  const cited = events && events !== 'absent' ? events.filter((e) => named.includes(e.id)) : [];
  return (
    <Space orientation="vertical" size={4} data-testid="alert-evidence">
      {events === 'absent' ? (
        <Typography.Text type="secondary" data-testid="alert-case-elsewhere">
          {m('caseElsewhere', { number: alert.caseNumber ?? '—' })}
        </Typography.Text>
      ) : (
        <Button
          type="primary"
          size="small"
          disabled={events === null}
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
      )}
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
