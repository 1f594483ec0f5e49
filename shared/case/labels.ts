import type { ClockStopReason } from './clocks';
import type { CaseEventType, SpecialProcedure } from './payloads';
import type { Role } from './roles';
import type { CaseStatus } from './state';

// The words the windows use (DOMAIN.md glossary), for buttons, lists and rule messages.

export const roleLabels: Readonly<Record<Role, string>> = {
  clerk: '窗口工作人员',
  reviewer: '审批人员',
  chief: '首席代表',
  manager: '中心管理人员',
  supervisor: '监察人员',
};

export const statusLabels: Readonly<Record<CaseStatus, string>> = {
  none: '未收件',
  received: '已收件',
  awaitingSupplement: '待补正',
  accepted: '已受理',
  underReview: '审查中',
  reviewed: '待决定',
  referred: '报批中',
  decided: '已决定',
  stamped: '已盖章',
  certificateIssued: '已制证',
  delivered: '已送达',
  refused: '不予受理',
  withdrawn: '已撤回',
};

export const eventLabels: Readonly<Record<CaseEventType, string>> = {
  received: '收件',
  materialsChecked: '材料核验',
  noticeIssued: '一次性告知',
  supplementReceived: '接收补正材料',
  materialsAttached: '附材料扫描件',
  accepted: '受理',
  refused: '不予受理',
  reviewed: '审查',
  checked: '复核',
  paused: '启动特别程序',
  resumed: '特别程序结束',
  extended: '延期',
  referred: '报部门审批',
  decided: '作出决定',
  stamped: '盖章',
  corrected: '更正决定',
  certificateIssued: '制证',
  delivered: '送达',
  withdrawn: '撤回申请',
  rated: '评价',
  rectified: '差评整改',
  calendarRevised: '期限变更告知',
};

/** 好差评's five levels, by score. */
export const ratingLabels: Readonly<Record<number, string>> = {
  1: '非常满意',
  2: '满意',
  3: '基本满意',
  4: '不满意',
  5: '非常不满意',
};

/** Why a legal clock stopped, as the window says it. */
export const clockStopLabels: Readonly<Record<ClockStopReason, string>> = {
  noticeIssued: '已一次性告知',
  accepted: '已受理',
  refused: '不予受理',
  withdrawn: '已撤回',
  deemedAccepted: '视为受理',
  stamped: '已盖章',
  delivered: '已送达',
  rectified: '已整改',
};

/** 行政许可法 Art. 45: the procedures whose time is not counted, as a notice names them. */
export const procedureLabels: Readonly<Record<SpecialProcedure, string>> = {
  hearing: '听证',
  bidding: '招标',
  auction: '拍卖',
  inspection: '检验',
  testing: '检测',
  quarantine: '检疫',
  appraisal: '鉴定',
  expertReview: '专家评审',
  publication: '公示',
};
