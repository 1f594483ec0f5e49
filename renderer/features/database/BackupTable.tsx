import { Table } from 'antd';
import type { BackupView } from '../../../shared/api';
import { useDatabaseMessages } from './messages';
import { RestoreButton } from './RestoreButton';

export const shanghai = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });

/** This PC's backups, newest first, each with its restore button (recovery screen and settings). */
export function BackupTable({ backups }: { backups: BackupView[] }) {
  const m = useDatabaseMessages();
  return (
    <Table<BackupView>
      size="small"
      rowKey="name"
      pagination={false}
      dataSource={backups}
      data-testid="backup-table"
      columns={[
        { title: m('takenAt'), dataIndex: 'takenAt', render: (v: string) => shanghai(v) },
        { title: m('name'), dataIndex: 'name' },
        {
          title: m('size'),
          dataIndex: 'size',
          render: (v: number) => `${(v / 1024).toFixed(0)} KB`,
        },
        {
          title: '',
          key: 'restore',
          render: (_: unknown, b: BackupView) => (
            <RestoreButton backup={b} label={m('restoreThis')} />
          ),
        },
      ]}
    />
  );
}
