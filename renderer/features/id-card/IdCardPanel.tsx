import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { IdCardRead } from '../../../shared/id-card';
import { call } from '../../api';
import { useIdCardMessages } from './messages';

/** Whom the card filled in on the form: the clerk is told, since it depends on the form. */
export type CardTarget = 'applicant' | 'agent';

type Shown =
  | { kind: 'card'; card: IdCardRead; target: CardTarget }
  | { kind: 'failed'; message: string }
  | null;

/**
 * One read of the card through main (`idCard.read`). The card lives in this state only — the
 * photo included — and is gone when the form closes; nothing of it is stored or sent.
 */
export function useIdCardRead(fill: (card: IdCardRead) => CardTarget, onFailed: () => void) {
  const [shown, setShown] = useState<Shown>(null);
  const [busy, setBusy] = useState(false);
  // F2 held down repeats: one read at a time
  const running = useRef(false);
  const read = async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    const r = await call('idCard.read', {});
    running.current = false;
    setBusy(false);
    if (r.ok) setShown({ kind: 'card', card: r.value, target: fill(r.value) });
    else {
      setShown({ kind: 'failed', message: r.error.message });
      onFailed();
    }
  };
  return { shown, busy, read: () => void read(), clear: () => setShown(null) };
}

/** Beside the form: the card's photo to compare faces, whom it filled, and an expired card. */
export function IdCardPanel({ shown, onClear }: { shown: Shown; onClear: () => void }) {
  const m = useIdCardMessages();
  if (!shown) return null;
  if (shown.kind === 'failed') {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        data-testid="id-card-error"
        style={{ marginBottom: 12 }}
        title={m('failedTitle')}
        description={shown.message}
        closable={{ onClose: onClear }}
      />
    );
  }
  const { card, target } = shown;
  return (
    <Card
      size="small"
      title={m('panelTitle')}
      style={{ marginBottom: 12 }}
      data-testid="id-card-panel"
      extra={
        <Button size="small" type="link" onClick={onClear}>
          {m('clear')}
        </Button>
      }
    >
      {card.expired && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="id-card-expired"
          style={{ marginBottom: 8 }}
          title={m('expired', { until: card.validUntil ?? '' })}
        />
      )}
      <Flex gap={12} align="flex-start">
        {card.photo && (
          <img
            src={card.photo}
            alt={m('photoAlt')}
            data-testid="id-card-photo"
            width={102}
            height={126}
            style={{ border: '1px solid #d9d9d9', flex: 'none' }}
          />
        )}
        <Flex vertical gap={4}>
          <Typography.Text strong data-testid="id-card-filled">
            {m(target === 'agent' ? 'filledAgent' : 'filledApplicant', { name: card.name })}
          </Typography.Text>
          <Typography.Text type={card.expired ? 'danger' : 'secondary'}>
            {m('validity', {
              from: card.validFrom ?? m('unknown'),
              until: card.validUntil ?? m('longTerm'),
            })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m('compareHint')}
          </Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}
