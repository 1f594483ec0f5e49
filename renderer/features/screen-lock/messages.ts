import { defineMessages } from '../../i18n';

export const useScreenLockMessages = defineMessages({
  zh: {
    title: '屏幕已锁定',
    hint: '本机一段时间无人操作，已自动锁定。正在办理的内容都已保留，输入本人密码即可继续。',
    signedInAs: '当前登录：{name}（{role}）',
    password: '密码',
    passwordRequired: '请输入密码',
    unlock: '解锁',
    switchUser: '换其他人员登录',
    switchTitle: '换其他人员登录？',
    switchBody:
      '{name} 的登录将结束，尚未提交的填写内容（如填了一半的收件表单）将被丢弃，不会保存。',
    switchOk: '结束登录并换人',
    cancel: '取消',
    cardTitle: '自动锁屏',
    cardHint:
      '本机无人操作（无键盘、鼠标输入）达到设定时间后自动锁定屏幕，遮挡申请人信息；解锁需输入本人密码，正在填写的内容保留。',
    idleMinutes: '无操作多久后锁屏（分钟）',
    idleRange: '可设 {min}–{max} 分钟，默认 {def} 分钟',
    save: '保存',
    saved: '已保存：无操作 {n} 分钟后锁屏',
    saveFailed: '未能保存',
    current: '当前：无操作 {n} 分钟后锁屏',
  },
  en: {
    title: 'Screen locked',
    hint: 'Nobody used this PC for a while, so it locked itself. Your work in progress is kept: enter your password to go on.',
    signedInAs: 'Signed in: {name} ({role})',
    password: 'Password',
    passwordRequired: 'Enter your password',
    unlock: 'Unlock',
    switchUser: 'Sign in as someone else',
    switchTitle: 'Sign in as someone else?',
    switchBody:
      "{name}'s session ends, and whatever was not submitted yet (such as a half-filled intake form) is discarded, not saved.",
    switchOk: 'End session and switch',
    cancel: 'Cancel',
    cardTitle: 'Screen lock',
    cardHint:
      "The screen locks when nobody has used this PC (no key, no mouse) for the set time, hiding the applicants' data; unlocking takes the same person's password, and work in progress is kept.",
    idleMinutes: 'Lock after this many idle minutes',
    idleRange: '{min} to {max} minutes, {def} by default',
    save: 'Save',
    saved: 'Saved: locks after {n} idle minutes',
    saveFailed: 'Not saved',
    current: 'Now: locks after {n} idle minutes',
  },
});
