import { defineMessages } from '../../i18n';

export const useSyncMessages = defineMessages({
  zh: {
    notEnrolled: '未连接中心 · 本机办理',
    idle: '已连接',
    syncing: '同步中',
    offline: '离线',
    outdated: '需要更新',
    blocked: '同步受阻',
    pending: '待上传 {n}',
    conflicts: '冲突 {n}',
    lastSync: '上次同步 {time}',
    never: '尚未同步',
    syncNow: '立即同步',
    outdatedHint: '终端版本过旧：办件照常保存，请尽快升级后上传',
  },
  en: {
    notEnrolled: 'Not connected to the center · working locally',
    idle: 'Connected',
    syncing: 'Syncing',
    offline: 'Offline',
    outdated: 'Update needed',
    blocked: 'Sync blocked',
    pending: '{n} to upload',
    conflicts: '{n} conflicts',
    lastSync: 'Last sync {time}',
    never: 'Never synced',
    syncNow: 'Sync now',
    outdatedHint: 'This terminal is outdated: cases are kept; update it to upload them',
  },
});
