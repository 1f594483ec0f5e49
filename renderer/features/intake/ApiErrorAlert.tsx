import { Alert } from 'antd';
import type { ApiError } from '../../../shared/api';
import type { M } from './messages';

/**
 * What main said (already in the user's language, renderer/api.ts): the clerk must see why, not
 * just "failed". The rule's id stays off the screen (issue 16 point 6): it rides along as an
 * attribute for the supervision log's readers and the tests.
 */
export function ApiErrorAlert({
  error,
  m,
  onClose,
}: {
  error: ApiError | null;
  m: M;
  onClose?: () => void;
}) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      closable={onClose ? { onClose } : false}
      data-testid="api-error"
      data-rule={error.rule}
      style={{ marginBottom: 12 }}
      title={m('saveFailed')}
      description={<span>{error.message}</span>}
    />
  );
}
