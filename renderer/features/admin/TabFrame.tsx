import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/api';
import { useAdminMessages } from './messages';

/** A tab's toolbar above its content, and why the content could not be read, with a retry. */
export function TabFrame({
  toolbar,
  error,
  onRetry,
  children,
}: {
  toolbar?: ReactNode;
  error: ApiError | null;
  onRetry: () => void;
  children: ReactNode;
}) {
  const m = useAdminMessages();
  return (
    <div>
      {toolbar && (
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 12 }}>
          {toolbar}
        </div>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={m('loadFailed')}
          description={error.message}
          action={<Button onClick={onRetry}>{m('retry')}</Button>}
          style={{ marginBottom: 12 }}
          data-testid="admin-load-error"
        />
      )}
      {children}
    </div>
  );
}

/** Why a save did not go through, when the center named no field to show it at. */
export function SaveError({ error, testId }: { error: ApiError | null; testId?: string }) {
  const m = useAdminMessages();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={m('failed')}
      description={error.message}
      style={{ marginBottom: 12 }}
      {...(testId ? { 'data-testid': testId } : {})}
    />
  );
}
