import { useDomainLabels } from '../../i18n/domain';
import { Tag, Typography } from 'antd';
import type { ClockView } from '../../../shared/case';
import { levelColor } from '../../levels';
import type { M } from './messages';

/** The legal clocks of the case; dates are the deadline's own (Shanghai) day, never re-zoned. */
export function CaseClocks({ clocks, m }: { clocks: readonly ClockView[]; m: M }) {
  const l = useDomainLabels();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '6px 20px' }} data-testid="case-clocks">
      {clocks
        .filter((c) => c.kind !== 'delivery')
        .map((c) => (
          <div
            key={c.kind}
            data-testid={`clock-${c.kind}`}
            style={{ display: 'flex', alignItems: 'center', gap: 6 }}
          >
            <Typography.Text type="secondary">{l.clock(c.kind)}</Typography.Text>
            <Typography.Text strong>{m('clockDue', { date: c.deadline.date })}</Typography.Text>
            {c.deemedAccepted ? (
              <Tag color="red">{m('deemedAccepted', { date: c.deemedAccepted.on })}</Tag>
            ) : c.state === 'stopped' && c.stopped ? (
              <Tag>{m('clockStopped', { reason: l.clockStop(c.stopped.reason) })}</Tag>
            ) : (
              <Tag color={levelColor[c.remaining.level]}>
                {c.remaining.overdue
                  ? m('clockOverdue')
                  : c.remaining.workingDays === 0
                    ? m('clockToday')
                    : m('clockLeft', { n: c.remaining.workingDays })}
              </Tag>
            )}
          </div>
        ))}
    </div>
  );
}
