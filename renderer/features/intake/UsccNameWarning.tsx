import { Alert } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { CallOutput } from '../../../shared/api';
import { checkUscc } from '../../../shared/ids';
import { call } from '../../api';
import type { M } from './messages';

type Earlier = CallOutput<'applicants.earlierName'>;

/**
 * Part R of issue 16: the USCC typed was last seen under another organisation name. A warning,
 * never a block: a company renamed since is the usual reason, and the clerk holds its licence.
 */
export function UsccNameWarning({ m, uscc, name }: { m: M; uscc: string; name: string }) {
  const [earlier, setEarlier] = useState<Earlier>(null);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    const code = uscc.trim().toUpperCase();
    // only a well-formed code is asked about: a half-typed one would warn at every keystroke
    if (!checkUscc(code).ok || !name.trim()) {
      setEarlier(null);
      return;
    }
    const timer = setTimeout(() => {
      void call('applicants.earlierName', { uscc: code, name }).then((r) => {
        // a slower answer to an older name must not overwrite a newer one
        if (mine === seq.current) setEarlier(r.ok ? r.value : null);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [uscc, name]);

  if (!earlier) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="uscc-other-name"
      title={m('usccOtherName', { name: earlier.name, caseNumber: earlier.caseNumber })}
    />
  );
}
