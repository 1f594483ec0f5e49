import { Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ClockView } from '../../../shared/case';
import type { Level } from '../../../shared/calendar';
import { useT } from '../../i18n';

export const levelColor: Record<Level, string> = {
  normal: 'green',
  warning: 'blue',
  yellow: 'gold',
  red: 'red',
};

/** Re-renders every second so countdowns tick without a reload. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

function hoursMinutes(ms: number): string {
  const totalMinutes = Math.max(0, Math.floor(ms / 60_000));
  return `${Math.floor(totalMinutes / 60)}:${String(totalMinutes % 60).padStart(2, '0')}`;
}

/**
 * One clock of a case as the clerk reads it. Working days and the level come from the main
 * process (the law's calendar); the hours tick here from the deadline instant.
 */
export function Countdown({ clock, now }: { clock: ClockView; now: number }) {
  const t = useT();
  if (clock.state === 'paused' && clock.paused) {
    return (
      <Tag color="default">
        {t('cases.paused')} · {clock.paused.since.slice(0, 10)}
      </Tag>
    );
  }
  const msLeft = Date.parse(clock.deadline.dueAt) - now;
  const { level, workingDays } = clock.remaining;
  const text =
    msLeft <= 0
      ? t('cases.overdue')
      : workingDays === 0
        ? `${t('cases.dueToday')} ${hoursMinutes(msLeft)}`
        : t('cases.workingDaysLeft', { n: workingDays });
  return (
    <span>
      <Tag color={levelColor[msLeft <= 0 ? 'red' : level]}>
        {t(`level.${msLeft <= 0 ? 'red' : level}`)}
      </Tag>
      <Typography.Text>{text}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
        {t(`clock.${clock.kind}`)} {clock.deadline.date}
        {clock.deadline.provisional && (
          <Tooltip title={t('clock.provisional')}>
            <Tag style={{ marginLeft: 6 }}>{t('clock.provisionalTag')}</Tag>
          </Tooltip>
        )}
      </Typography.Text>
    </span>
  );
}
