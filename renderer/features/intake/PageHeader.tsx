import { Steps, Typography } from 'antd';
import type { M } from './messages';
import { QueueBar } from '../queue/QueueBar';
import { ShortcutHelp } from './shortcuts';

/**
 * The intake page's title, its three steps (收件 → 核验材料 → 受理/告知), the shortcut help and,
 * below them, the window's 叫号 panel (issue 17): the clerk calls, receives and finishes here.
 */
export function PageHeader({
  m,
  current,
  status,
  lastStep,
}: {
  m: M;
  current: number;
  status?: 'wait' | 'process' | 'finish' | 'error';
  /** the third step's name: 受理/告知 until a notice is out, then the notice */
  lastStep?: string;
}) {
  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 24, marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
          {m('title')}
        </Typography.Title>
        <Steps
          size="small"
          current={current}
          {...(status ? { status } : {})}
          style={{ maxWidth: 520 }}
          items={[
            { title: m('stepReceive') },
            { title: m('stepCheck') },
            { title: lastStep ?? m('stepDecide') },
          ]}
        />
        <div style={{ flex: 1 }} />
        <ShortcutHelp m={m} />
      </div>
      <QueueBar />
    </>
  );
}
