import { Alert, Drawer, Space, Spin } from 'antd';
import type { ReactNode } from 'react';

/**
 * The drawer of one record of the center (an alert, a complaint): open while `id` is set, a spinner
 * until the record arrives, the error when it did not, and the record's own content.
 */
export function RecordDrawer<T>({
  id,
  onClose,
  title,
  testId,
  error,
  record,
  children,
}: {
  id: string | null;
  onClose: () => void;
  title: string;
  testId: string;
  error: string | null;
  record: T | null;
  children: (record: T) => ReactNode;
}) {
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={title}
      destroyOnHidden
      data-testid={testId}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid={`${testId}-error`}
        />
      )}
      {!record && !error && <Spin style={{ display: 'block', marginTop: 48 }} />}
      {record && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          {children(record)}
        </Space>
      )}
    </Drawer>
  );
}
