import { defineMessages } from '../../i18n';

export const useDatabaseMessages = defineMessages({
  zh: {
    lostTitle: '数据库不可用',
    lostLead:
      '本机以前已经启动过，但它的数据库现在无法使用。为了不丢失办件，一窗通没有新建数据库，也没有生成新的账号和密码。',
    what: '发生了什么',
    file: '数据库文件',
    backupsDir: '备份目录',
    firstStarted: '本机首次启动于',
    device: '设备编号',
    backups: '本机备份（每份在生成时均已通过完整性检查）',
    noBackups: '备份目录中没有备份。',
    takenAt: '备份时间',
    name: '文件名',
    size: '大小',
    restoreNewest: '恢复最新的备份',
    restoreThis: '恢复此备份',
    confirmTitle: '确认恢复备份？',
    confirmBody:
      '将用备份 {name}（{at}）替换当前数据库。当前文件不会删除，会改名保存在同一目录中。备份之后在本机办理、尚未同步到中心的事项需要重新登记。',
    confirmOk: '恢复',
    cancel: '取消',
    restored: '已恢复备份 {name}，原文件已改名保存为 {aside}',
    howTo: '如何处理',
    howToRestore: '有备份：点击「恢复最新的备份」，确认后本机重新打开，工作人员重新登录即可。',
    howToManual:
      '手工恢复：退出一窗通，将备份目录中的文件复制为上面的数据库文件（先把损坏的文件改名保存），再启动。',
    howToReRegister:
      '没有可用的备份：请联系中心管理员为本机发放新的注册码，重新注册本机；已同步到中心的办件将从中心取回。',
    readOnlyTitle: '数据库已损坏，只读',
    readOnlyBody:
      '可以查阅和打印办件，不能保存任何操作。请管理员在「设置 → 备份与恢复」中恢复备份，或联系技术人员。文件：{file}',
    // the settings card (issue 15 part G)
    cardTitle: '备份与恢复',
    cardHint:
      '本机每天自动备份一次数据库，保留最近 7 份。恢复时当前数据库文件不会删除，会改名保存在同一目录中。',
    backupNow: '立即备份',
    backedUp: '已备份：{name}',
    integrityCheck: '完整性检查',
    integrityOk: '完整性检查通过（{at}）',
    integrityProblems: '完整性检查发现问题（{at}）',
  },
  en: {
    lostTitle: 'Database unavailable',
    lostLead:
      'This PC has started before, but its database cannot be used now. To lose nothing, OneWindow did not create a new database, accounts or passwords.',
    what: 'What happened',
    file: 'Database file',
    backupsDir: 'Backup folder',
    firstStarted: 'This PC first started',
    device: 'Device id',
    backups: 'Backups on this PC (each passed an integrity check when taken)',
    noBackups: 'There are no backups in the backup folder.',
    takenAt: 'Taken at',
    name: 'File',
    size: 'Size',
    restoreNewest: 'Restore the newest backup',
    restoreThis: 'Restore this backup',
    confirmTitle: 'Restore a backup?',
    confirmBody:
      'Backup {name} ({at}) will replace the current database. The current file is not deleted: it is renamed in the same folder. Work done here after the backup and not yet synced to the center must be entered again.',
    confirmOk: 'Restore',
    cancel: 'Cancel',
    restored: 'Backup {name} restored; the old file was kept as {aside}',
    howTo: 'What to do',
    howToRestore:
      'With a backup: click "Restore the newest backup", confirm, and sign in again once the terminal has reopened.',
    howToManual:
      'By hand: quit OneWindow, rename the damaged file, copy a backup from the backup folder to the database file above, and start again.',
    howToReRegister:
      "No usable backup: ask the center's manager for a new enrollment code and register this PC again; cases synced to the center come back from it.",
    readOnlyTitle: 'Database damaged: read-only',
    readOnlyBody:
      'Cases can be looked up and printed; nothing can be saved. A manager restores a backup under Settings → Backup and restore, or calls IT. File: {file}',
    // the settings card (issue 15 part G)
    cardTitle: 'Backup and restore',
    cardHint:
      'This PC backs its database up once a day and keeps the newest 7. A restore never deletes the current database file: it is renamed in the same folder.',
    backupNow: 'Back up now',
    backedUp: 'Backed up: {name}',
    integrityCheck: 'Integrity check',
    integrityOk: 'Integrity check passed ({at})',
    integrityProblems: 'Integrity check found problems ({at})',
  },
});
