import { Alert, Button, message } from 'antd';
import { useCallback, useState } from 'react';
import type { SyncStatus } from '../../../shared/api';
import { call } from '../../api';
import { shanghaiMinute } from '../../format';
import { useLiveRefresh } from '../cases/live';
import { defineMessages } from '../../i18n';

// Time you can trust (issue 13 point 4): a PC whose clock the center cannot vouch for says so at
// the top of every page, because every legal step (受理, 告知, 决定, 盖章, 送达) will be refused
// until the clock is set right or a manager acknowledges the offset. Acknowledged, it stays as a
// notice: the PC's clock is still wrong, its events are dated on the center's time.

const refreshMs = 10_000;

const useClockMessages = defineMessages({
  zh: {
    skewedTitle: '本机时钟不准：法定环节已暂停',
    skewed:
      '上次同步测得本机时钟比中心时间{offset}（相差超过 5 分钟）。受理、一次性告知、不予受理、决定、盖章、送达在时钟校准或中心管理人员确认时差之前不能办理；其他工作照常。请校准本机时钟后点“立即同步”。',
    setBackTitle: '本机时钟被调回：法定环节已暂停',
    setBack:
      '本机时钟早于本终端已记录的时间 5 分钟以上，可能在离线时被调回。受理、告知、决定、盖章、送达暂停：请校准时钟并与中心同步。',
    acknowledgedTitle: '本机时钟不准，已按中心时间记录',
    acknowledged:
      '本机时钟比中心时间{offset}；{by} 已于 {at} 确认时差，办件时间按中心时间校正记录。请尽快校准本机时钟。',
    acknowledge: '确认时差（中心管理人员）',
    acknowledgedDone: '已确认时差：办件时间将按中心时间记录',
    fast: '快 {n}',
    slow: '慢 {n}',
    days: '{d} 天 {h} 小时',
    hours: '{h} 小时 {m} 分',
    minutes: '{m} 分 {s} 秒',
  },
  en: {
    skewedTitle: "This PC's clock is wrong: legal steps are suspended",
    skewed:
      "The last sync measured this PC's clock {offset} against the center's (more than 5 minutes). Receipts, one-time notices, refusals, decisions, seals and deliveries cannot be written until the clock is set right or a center manager acknowledges the offset; other work goes on. Set the clock right, then press Sync now.",
    setBackTitle: "This PC's clock was set back: legal steps are suspended",
    setBack:
      'The clock reads more than 5 minutes earlier than a time this terminal has already recorded; it may have been set back while offline. Legal steps are suspended: set the clock right and sync with the center.',
    acknowledgedTitle: "This PC's clock is wrong; cases are dated on the center's time",
    acknowledged:
      "This PC's clock is {offset} against the center's; {by} acknowledged the offset at {at}, so events are dated on the center's time. Please set the clock right.",
    acknowledge: 'Acknowledge the offset (center manager)',
    acknowledgedDone: "Offset acknowledged: events are dated on the center's time",
    fast: '{n} fast',
    slow: '{n} slow',
    days: '{d} d {h} h',
    hours: '{h} h {m} min',
    minutes: '{m} min {s} s',
  },
});

type Messages = ReturnType<typeof useClockMessages>;

function duration(m: Messages, ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  const [d, h, min] = [
    Math.floor(s / 86_400),
    Math.floor((s % 86_400) / 3600),
    Math.floor((s % 3600) / 60),
  ];
  if (d > 0) return m('days', { d, h });
  if (h > 0) return m('hours', { h, m: min });
  return m('minutes', { m: min, s: s % 60 });
}

/** The banner at the top of every page while the clock is not trusted; nothing otherwise. */
export function ClockBanner({ manager }: { manager: boolean }) {
  const m = useClockMessages();
  const [clock, setClock] = useState<SyncStatus['clock'] | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    const r = await call('sync.status', {});
    if (r.ok) setClock(r.value.clock);
  }, []);
  useLiveRefresh(load, refreshMs);

  if (!clock || clock.state === 'ok') return null;
  const offsetMs = clock.offsetMs ?? 0;
  const offset = m(offsetMs >= 0 ? 'fast' : 'slow', { n: duration(m, offsetMs) });

  if (clock.state === 'acknowledged') {
    return (
      <Alert
        type="warning"
        showIcon
        banner
        data-testid="clock-banner"
        data-state="acknowledged"
        message={m('acknowledgedTitle')}
        description={m('acknowledged', {
          offset,
          by: clock.acknowledged?.by ?? '',
          at: clock.acknowledged ? shanghaiMinute(clock.acknowledged.at) : '',
        })}
      />
    );
  }
  const acknowledge = async () => {
    setBusy(true);
    const r = await call('sync.acknowledgeClock', {});
    setBusy(false);
    if (!r.ok) {
      void message.error(r.error.message);
      return;
    }
    void message.success(m('acknowledgedDone'));
    setClock(r.value.clock);
  };
  return (
    <Alert
      type="error"
      showIcon
      banner
      data-testid="clock-banner"
      data-state={clock.state}
      role="alert"
      message={m(clock.state === 'setBack' ? 'setBackTitle' : 'skewedTitle')}
      description={clock.state === 'setBack' ? m('setBack') : m('skewed', { offset })}
      action={
        manager && clock.state === 'skewed' ? (
          <Button size="small" danger loading={busy} onClick={() => void acknowledge()}>
            {m('acknowledge')}
          </Button>
        ) : undefined
      }
    />
  );
}
