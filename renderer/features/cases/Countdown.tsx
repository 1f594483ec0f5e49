import { useDomainLabels } from '../../i18n/domain';
import { Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ClockView } from '../../../shared/case';
import type { Level } from '../../../shared/calendar';
import { useT } from '../../i18n';
import { levelColor } from '../../levels';
import { shanghaiMinute } from '../documents/labels';
import { useCaseMessages } from './messages';

/** Re-renders every second so countdowns tick without a reload. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** '3天 05:12:33' */
export function timeLeftText(ms: number, days: (d: number) => string): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86_400);
  const hms = `${pad(Math.floor((s % 86_400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return d > 0 ? `${days(d)} ${hms}` : hms;
}

/**
 * One clock of a case as the clerk reads it. Working days and the level come from the main
 * process (the law's calendar, the business clock); between two loads the time left ticks down
 * here from the remaining milliseconds main computed. The browser's own clock is never compared
 * with the deadline: the PC's clock may be wrong, or (in tests) the business clock fixed.
 */
export function Countdown({
  clock,
  now,
  loadedAt,
}: {
  clock: ClockView;
  /** Date.now() of this render (useNow) */
  now: number;
  /** Date.now() when `clock` came from main */
  loadedAt: number;
}) {
  const t = useT();
  const m = useCaseMessages();
  const l = useDomainLabels();
  if (clock.state === 'paused' && clock.paused) {
    return (
      <span data-testid="countdown" data-level="paused">
        <Tag color="default">{t('cases.paused')}</Tag>
        <Typography.Text>{l.procedure(clock.paused.procedure)}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
          {m('pausedSince', { since: shanghaiMinute(clock.paused.since) })}
        </Typography.Text>
      </span>
    );
  }
  const msLeft = clock.remaining.ms - Math.max(0, now - loadedAt);
  const overdue = clock.state === 'running' && msLeft <= 0;
  const level: Level = overdue ? 'red' : clock.remaining.level;
  const { workingDays } = clock.remaining;
  const text = overdue
    ? t('cases.overdue')
    : workingDays === 0
      ? t('cases.dueToday')
      : t('cases.workingDaysLeft', { n: workingDays });
  return (
    <span data-testid="countdown" data-level={level}>
      <Tag color={levelColor[level]} style={{ marginInlineEnd: 6 }}>
        {t(`level.${level}`)}
      </Tag>
      <Typography.Text strong={level !== 'normal'}>{text}</Typography.Text>
      {!overdue && clock.state === 'running' && (
        <Typography.Text
          type="secondary"
          style={{ marginLeft: 8, fontSize: 12, fontVariantNumeric: 'tabular-nums' }}
          data-testid="countdown-ticker"
        >
          {m('timeLeft', { time: timeLeftText(msLeft, (d) => m('days', { d })) })}
        </Typography.Text>
      )}
      <div style={{ fontSize: 12, lineHeight: 1.4 }}>
        <Typography.Text type="secondary">
          {t(`clock.${clock.kind}`)} {clock.deadline.date}
        </Typography.Text>
        {clock.deadline.provisional && (
          <Tooltip title={t('clock.provisional')}>
            <Tag style={{ marginLeft: 6 }}>{t('clock.provisionalTag')}</Tag>
          </Tooltip>
        )}
      </div>
    </span>
  );
}
