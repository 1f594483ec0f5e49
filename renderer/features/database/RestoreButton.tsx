import { App as AntApp, Button } from 'antd';
import { useState } from 'react';
import type { BackupView } from '../../../shared/api';
import { call } from '../../api';
import { useDatabaseMessages } from './messages';

/** Restores one backup after a confirmation; the page reloads on the reopened terminal. */
export function RestoreButton({ backup, label }: { backup: BackupView; label: string }) {
  const m = useDatabaseMessages();
  const { modal, message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const confirm = () =>
    modal.confirm({
      title: m('confirmTitle'),
      content: m('confirmBody', {
        name: backup.name,
        at: new Date(backup.takenAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
      }),
      okText: m('confirmOk'),
      cancelText: m('cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        setBusy(true);
        const result = await call('database.restore', { name: backup.name });
        setBusy(false);
        if (!result.ok) {
          void message.error(result.error.message);
          return;
        }
        void message.success(
          m('restored', { name: result.value.restored, aside: result.value.movedAside }),
        );
        // every session was the old terminal's: start again from the login page
        window.location.reload();
      },
    });
  return (
    <Button danger type="primary" loading={busy} onClick={() => void confirm()}>
      {label}
    </Button>
  );
}
