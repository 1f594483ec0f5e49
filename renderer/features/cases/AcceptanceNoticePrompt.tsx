import { Alert, Button } from 'antd';
import { useState } from 'react';
import { acceptanceNoticeOwed, type OpenCase } from '../../../shared/case';
import { call } from '../../api';
import { useRoute } from '../../stores/route';
import { AcceptModal } from '../intake/Modals';
import { useM as useIntakeMessages } from '../intake/messages';
import { useCaseMessages } from './messages';

/**
 * Issue 16 part P: the law accepted the case on the day of receipt (Art. 32(4)) and nobody has
 * recorded 受理 — the applicant is still owed the acceptance notice. The record says so (`deemed`):
 * it only issues the notice, whatever the materials check found (a material still missing cannot
 * undo what the law decided), and the notice then opens to print.
 */
export function AcceptanceNoticePrompt({
  state,
  deemedOn,
  mayAccept,
  reload,
}: {
  state: OpenCase;
  deemedOn: string | null;
  mayAccept: boolean;
  reload: () => Promise<void>;
}) {
  const m = useCaseMessages();
  const im = useIntakeMessages();
  const navigate = useRoute((s) => s.navigate);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!deemedOn || !acceptanceNoticeOwed(state, deemedOn)) return null;

  const issue = async (payload: Record<string, unknown>) => {
    setBusy(true);
    const r = await call('cases.record', { caseId: state.caseId, type: 'accepted', payload });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setOpen(false);
    await reload();
    navigate({ page: 'print', caseId: state.caseId, eventId: r.value.eventId });
  };

  return (
    <>
      <Alert
        type="warning"
        showIcon
        data-testid="acceptance-notice-owed"
        title={m('noticeOwedTitle', { date: deemedOn })}
        description={error ?? m('noticeOwedBody')}
        action={
          mayAccept && (
            <Button
              type="primary"
              data-testid="issue-acceptance-notice"
              onClick={() => setOpen(true)}
            >
              {m('noticeOwedAction')}
            </Button>
          )
        }
      />
      <AcceptModal
        m={im}
        open={open}
        busy={busy}
        // the law accepted the application as it stood: no material is waived now
        materials={state.materials.filter((x) => x.status === 'received')}
        onCancel={() => setOpen(false)}
        onConfirm={(p) => void issue({ ...p, deemed: true })}
      />
    </>
  );
}
