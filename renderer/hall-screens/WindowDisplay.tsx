import { useCallback } from 'react';
import { hallCenter } from './center';
import { usePoll } from './usePoll';

// Issue 17: the display above one window's counter — its name and the call it is making, or
// 暂停服务. A small screen or LED-style panel opens /hall/?window=SJ01.

export function WindowDisplay({ code }: { code: string }) {
  const load = useCallback(() => hallCenter.display(code), [code]);
  const { value, error } = usePoll(load, 1500);
  return (
    <main className={`display ${value?.state ?? 'idle'}`}>
      <p className="display-name">{value?.name ?? code}</p>
      <p className="display-text" data-testid="display-text">
        {value?.text ?? error ?? ''}
      </p>
    </main>
  );
}
