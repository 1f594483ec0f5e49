import { Alert, Tag } from 'antd';
import type { ApiError } from '../../../shared/api';
import type { M } from './messages';

/** What main said, verbatim, with the rule that bit: the clerk must see why, not just "failed". */
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
      style={{ marginBottom: 12 }}
      title={m('saveFailed')}
      description={
        <span>
          {error.message}
          {error.rule && (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {m('rule')}: {error.rule}
            </Tag>
          )}
        </span>
      }
    />
  );
}
