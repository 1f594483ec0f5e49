import { z } from 'zod';
import {
  departmentPhrasesSchema,
  departmentSchema,
  phraseKinds,
  phraseListSchema,
  serviceItemSchema,
  storedDepartmentSchema,
  storedServiceItemSchema,
} from '../catalog';
import {
  complaintReplyRequestSchema,
  complaintSchema,
  deviceStatusResponseSchema,
  enrollRequestSchema,
  enrollResponseSchema,
  pullRequestSchema,
  pullResponseSchema,
  pushLimits,
  pushRequestSchema,
  pushResponseSchema,
  referenceVersionsSchema,
  windowSchema,
  windowSupervisionSchema,
  alertSchema,
  // part A of issue 15 (recovery)
  readmitRequestSchema,
  readmitResponseSchema,
} from '../sync';
import {
  centerSettingsSchema,
  storedCenterSettingsSchema,
  calendarChangesSchema,
  closuresSchema,
  storedClosuresSchema,
  deviceSummarySchema,
  doneSchema,
  enrollmentCodeSchema,
  grantsSchema,
  loginRequestSchema,
  loginResponseSchema,
  newStaffSchema,
  newWindowSchema,
  officialYearRecordsSchema,
  passwordResetSchema,
  staffChangeSchema,
  staffSummarySchema,
  windowChangeSchema,
} from './admin-schemas';
import { publishReleaseSchema, releaseParams, terminalReleaseSchema } from './operations-schemas';
import {
  anyStaff,
  anyone,
  managerOnly,
  managerOrSupervisor,
  supervisorOnly,
  terminal,
} from './auth';
import { officialEntrySchema } from '../calendar';
import type { CenterCall, CenterContract } from './call';
import { queueContract } from './queue-contract';
import { ratingContract } from './rating-contract';
import { filesContract } from './files-contract';
import {
  caseHistorySchema,
  caseIdParams,
  caseListQuerySchema,
  caseListSchema,
  conflictListQuerySchema,
  conflictListSchema,
  verificationSchema,
  verifyParamsSchema,
  verifyQuerySchema,
} from './case-schemas';
import {
  centerReportSchema,
  dashboardQuerySchema,
  dashboardSchema,
  reportQuerySchema,
} from './report-schemas';
import {
  smsIdParams,
  smsListQuerySchema,
  smsMessageSchema,
  smsSettingsInputSchema,
  smsSettingsSchema,
} from './sms-schemas';
import { openApiSchema, healthSchema, centerIntegritySchema } from './system-schemas';
import { sealKeyRegisteredSchema, sealKeyRegistrationSchema } from './seal-schemas';
import {
  alertActionSchema,
  alertDetailSchema,
  alertIdParams,
  alertQuerySchema,
  complaintCloseSchema,
  complaintCreateSchema,
  complaintIdParams,
  complaintListQuerySchema,
} from './supervision-schemas';
import {
  guideItemParams,
  guideItemQuerySchema,
  guideItemSchema,
  guideListQuerySchema,
  guideListSchema,
} from './guide-schemas';

// Every call of the center's HTTP API, as the IPC contract (shared/api/contract.ts) is for the
// terminal's renderer. Adding a call is one entry here and one handler at the center
// (server/handlers.ts, which the compiler holds to exactly these names); the terminal builds its
// requests from the entry (node-shared/http) and /openapi.json is generated from the table.

const codeParams = z.strictObject({ code: z.string() });
const idParams = z.strictObject({ id: z.string() });

export const centerContract = {
  // ---- system ----------------------------------------------------------------------------
  'system.health': {
    method: 'GET',
    path: '/health',
    summary: '健康检查 / health check (queries the database)',
    tag: 'system',
    auth: anyone,
    response: healthSchema,
  },
  'system.openapi': {
    method: 'GET',
    path: '/openapi.json',
    summary: 'OpenAPI 3.1 接口说明 / OpenAPI 3.1 description of this API',
    tag: 'system',
    auth: anyone,
    response: openApiSchema,
  },

  // ---- auth ------------------------------------------------------------------------------
  'auth.login': {
    method: 'POST',
    path: '/api/auth/login',
    summary:
      '登录 / sign in (5 failures lock the username at that address, 20 the address, 10 from new addresses the username there; 15 minutes, doubling while it goes on)',
    tag: 'auth',
    auth: anyone,
    body: loginRequestSchema,
    response: loginResponseSchema,
  },
  'auth.logout': {
    method: 'POST',
    path: '/api/auth/logout',
    summary: '退出登录 / sign out (ends this session)',
    tag: 'auth',
    auth: anyStaff,
    response: doneSchema,
  },

  // ---- catalog ---------------------------------------------------------------------------
  'departments.list': {
    method: 'GET',
    path: '/api/departments',
    summary: '部门列表 / departments',
    tag: 'catalog',
    auth: managerOrSupervisor,
    response: z.array(storedDepartmentSchema),
  },
  'departments.create': {
    method: 'POST',
    path: '/api/departments',
    summary: '新增部门 / add a department',
    tag: 'catalog',
    auth: managerOnly,
    body: departmentSchema,
    response: storedDepartmentSchema,
    status: 201,
  },
  'departments.update': {
    method: 'PUT',
    path: '/api/departments/:code',
    summary: '修改部门名称和设置 / rename a department, set its appeal bodies and intake seal',
    tag: 'catalog',
    auth: managerOnly,
    params: codeParams,
    // the whole department but its code: a setting left out is cleared
    body: departmentSchema.omit({ code: true }),
    response: storedDepartmentSchema,
  },
  'items.list': {
    method: 'GET',
    path: '/api/items',
    summary: '事项目录 / service items',
    tag: 'catalog',
    auth: managerOrSupervisor,
    response: z.array(storedServiceItemSchema),
  },
  'items.create': {
    method: 'POST',
    path: '/api/items',
    summary: '新增事项 / add a service item',
    tag: 'catalog',
    auth: managerOnly,
    body: serviceItemSchema,
    response: serviceItemSchema,
    status: 201,
  },
  'items.update': {
    method: 'PUT',
    path: '/api/items/:code',
    summary: '修改事项（编码不可改）/ replace a service item (its code stays)',
    tag: 'catalog',
    auth: managerOnly,
    params: codeParams,
    body: serviceItemSchema,
    response: serviceItemSchema,
  },
  'items.delete': {
    method: 'DELETE',
    path: '/api/items/:code',
    summary: '删除事项 / delete a service item',
    tag: 'catalog',
    auth: managerOnly,
    params: codeParams,
    response: doneSchema,
  },
  'powers.get': {
    method: 'GET',
    path: '/api/windows/:id/powers',
    summary: '窗口授权 / what a window is delegated',
    tag: 'catalog',
    auth: managerOrSupervisor,
    params: idParams,
    response: grantsSchema,
  },
  'powers.set': {
    method: 'PUT',
    path: '/api/windows/:id/powers',
    summary: '设置窗口授权（整体替换）/ set what a window is delegated (replaces all)',
    tag: 'catalog',
    auth: managerOnly,
    params: idParams,
    body: grantsSchema,
    response: grantsSchema,
  },

  // ---- calendar and settings -------------------------------------------------------------
  'closures.get': {
    method: 'GET',
    path: '/api/closures',
    summary: '闭馆日 / closure days',
    tag: 'calendar',
    auth: managerOrSupervisor,
    response: storedClosuresSchema,
  },
  'closures.set': {
    method: 'PUT',
    path: '/api/closures',
    summary: '设置闭馆日（整体替换）/ set the closure days (replaces all)',
    tag: 'calendar',
    auth: managerOnly,
    body: closuresSchema,
    response: storedClosuresSchema,
  },
  // issue 14 point 12: next year's table, and the cases whose printed deadlines it moves
  'officialYears.list': {
    method: 'GET',
    path: '/api/calendar/official-years',
    summary: '录入的国务院节假日安排 / the official holiday tables entered at the center',
    tag: 'calendar',
    auth: managerOrSupervisor,
    response: officialYearRecordsSchema,
  },
  'officialYears.set': {
    method: 'PUT',
    path: '/api/calendar/official-years',
    summary:
      "录入某年节假日安排（替换该年已录入的）/ enter a year's official table (replaces that year's)",
    tag: 'calendar',
    auth: managerOnly,
    body: officialEntrySchema,
    response: officialYearRecordsSchema,
  },
  'calendar.changes': {
    method: 'GET',
    path: '/api/calendar/changes',
    summary: '期限因日历变更而改变的在办件 / open cases whose printed deadlines the calendar moved',
    tag: 'calendar',
    auth: managerOrSupervisor,
    response: calendarChangesSchema,
  },
  'settings.get': {
    method: 'GET',
    path: '/api/settings',
    summary: '中心设置 / center settings',
    tag: 'settings',
    auth: managerOrSupervisor,
    response: storedCenterSettingsSchema,
  },
  'settings.set': {
    method: 'PUT',
    path: '/api/settings',
    summary: '修改中心设置 / change the center settings',
    tag: 'settings',
    auth: managerOnly,
    body: centerSettingsSchema,
    response: storedCenterSettingsSchema,
  },
  'reference.versions': {
    method: 'GET',
    path: '/api/reference/versions',
    summary: '参考数据版本 / versions of catalog, calendar, staff and settings',
    tag: 'reference',
    auth: anyStaff,
    response: referenceVersionsSchema,
  },

  // ---- windows and staff -----------------------------------------------------------------
  'windows.list': {
    method: 'GET',
    path: '/api/windows',
    summary: '窗口列表 / windows',
    tag: 'staff',
    auth: managerOrSupervisor,
    response: z.array(windowSchema),
  },
  'windows.create': {
    method: 'POST',
    path: '/api/windows',
    summary: '新增窗口 / add a window',
    tag: 'staff',
    auth: managerOnly,
    body: newWindowSchema,
    response: windowSchema,
    status: 201,
  },
  'windows.update': {
    method: 'PUT',
    path: '/api/windows/:id',
    summary: '修改窗口编号或名称 / change a window’s code or name',
    tag: 'staff',
    auth: managerOnly,
    params: idParams,
    body: windowChangeSchema,
    response: windowSchema,
  },
  'staff.list': {
    method: 'GET',
    path: '/api/staff',
    summary: '人员列表 / staff',
    tag: 'staff',
    auth: managerOrSupervisor,
    response: z.array(staffSummarySchema),
  },
  'staff.create': {
    method: 'POST',
    path: '/api/staff',
    summary: '新增人员 / add a staff member',
    tag: 'staff',
    auth: managerOnly,
    body: newStaffSchema,
    response: staffSummarySchema,
    status: 201,
  },
  'staff.update': {
    method: 'PUT',
    path: '/api/staff/:id',
    summary: '修改人员姓名、角色或窗口 / change a member’s name, role or window',
    tag: 'staff',
    auth: managerOnly,
    params: idParams,
    body: staffChangeSchema,
    response: staffSummarySchema,
  },
  'staff.deactivate': {
    method: 'POST',
    path: '/api/staff/:id/deactivate',
    summary: '停用人员（并结束其登录）/ deactivate a member (ends their sessions)',
    tag: 'staff',
    auth: managerOnly,
    params: idParams,
    response: staffSummarySchema,
  },
  'staff.resetPassword': {
    method: 'POST',
    path: '/api/staff/:id/reset-password',
    summary: '重置密码（并结束其登录）/ set a new password (ends their sessions)',
    tag: 'staff',
    auth: managerOnly,
    params: idParams,
    body: passwordResetSchema,
    response: staffSummarySchema,
  },

  // ---- devices ---------------------------------------------------------------------------
  'enrollmentCodes.create': {
    method: 'POST',
    path: '/api/windows/:id/enrollment-codes',
    summary: '生成终端注册码（一次性，24小时内有效）/ issue a one-time enrollment code (24 h)',
    tag: 'devices',
    auth: managerOnly,
    params: idParams,
    response: enrollmentCodeSchema,
    status: 201,
  },
  'devices.list': {
    method: 'GET',
    path: '/api/devices',
    summary: '已注册终端 / enrolled terminals',
    tag: 'devices',
    auth: managerOrSupervisor,
    response: z.array(deviceSummarySchema),
  },
  'devices.revoke': {
    method: 'POST',
    path: '/api/devices/:id/revoke',
    summary: '停用终端 / revoke a terminal',
    tag: 'devices',
    auth: managerOnly,
    params: idParams,
    response: deviceSummarySchema,
  },

  // ---- sync (the terminal with its device credentials) -----------------------------------
  'sync.enroll': {
    method: 'POST',
    path: '/api/sync/enroll',
    summary: '终端以一次性注册码登记公钥 / enroll a terminal with a one-time code',
    tag: 'sync',
    auth: anyone,
    protocol: true,
    body: enrollRequestSchema,
    response: enrollResponseSchema,
    status: 201,
  },
  'sync.device': {
    method: 'GET',
    path: '/api/sync/device',
    summary: '中心所存本设备的链尾 / what the center holds of this device',
    tag: 'sync',
    auth: terminal,
    protocol: true,
    response: deviceStatusResponseSchema,
  },
  'sync.push': {
    method: 'POST',
    path: '/api/sync/push',
    summary: '按设备序号推送已签名事件 / push signed events in device order',
    tag: 'sync',
    auth: terminal,
    protocol: true,
    body: pushRequestSchema,
    // the batch limit plus room for the JSON around it
    bodyLimit: pushLimits.bytes + 64 * 1024,
    response: pushResponseSchema,
  },
  'sync.pull': {
    method: 'POST',
    path: '/api/sync/pull',
    summary: '拉取本部门事件与参考数据 / pull the department’s events and reference data',
    tag: 'sync',
    auth: terminal,
    protocol: true,
    body: pullRequestSchema,
    response: pullResponseSchema,
  },
  'seal.register': {
    method: 'POST',
    path: '/api/sync/seal-keys',
    summary:
      '登记首席代表的印章公钥（设备凭证＋本人密码＋新密钥签名）/ register a chief’s seal key (device token, the chief’s password, proof of possession)',
    tag: 'sync',
    auth: terminal,
    protocol: true,
    body: sealKeyRegistrationSchema,
    response: sealKeyRegisteredSchema,
    status: 201,
  },
  'sync.supervision': {
    method: 'GET',
    path: '/api/sync/supervision',
    summary:
      '本部门的监察预警与投诉（终端每轮同步时取回）/ the department’s alerts and complaints, for its terminals',
    tag: 'sync',
    auth: terminal,
    protocol: true,
    response: windowSupervisionSchema,
  },

  // ---- cases -----------------------------------------------------------------------------
  'cases.list': {
    method: 'GET',
    path: '/api/cases',
    summary: '全中心办件列表（含预警等级）/ the center’s cases with their clock level',
    tag: 'cases',
    auth: managerOrSupervisor,
    query: caseListQuerySchema,
    response: caseListSchema,
  },
  'cases.get': {
    method: 'GET',
    path: '/api/cases/:id',
    summary: '办件及其全部事件 / a case with every event the center holds',
    tag: 'cases',
    auth: managerOrSupervisor,
    params: caseIdParams,
    response: caseHistorySchema,
  },
  'conflicts.list': {
    method: 'GET',
    path: '/api/conflicts',
    summary: '冲突事件（督查）/ conflicted events, for the supervisor',
    tag: 'cases',
    auth: managerOrSupervisor,
    query: conflictListQuerySchema,
    response: conflictListSchema,
  },
  'documents.verify': {
    method: 'GET',
    path: '/verify/:code',
    summary:
      '核验纸质文书（扫码）/ check a printed notice by its code (a 404 answer says it was not found)',
    tag: 'cases',
    auth: anyone,
    params: verifyParamsSchema,
    query: verifyQuerySchema,
    response: verificationSchema,
    page: true,
  },

  // ---- reports ---------------------------------------------------------------------------
  'reports.metrics': {
    method: 'GET',
    path: '/api/reports/metrics',
    summary:
      '办件统计（按日期、部门、窗口）/ the report numbers for days, a department or a window',
    tag: 'reports',
    auth: managerOrSupervisor,
    query: reportQuerySchema,
    response: centerReportSchema,
  },
  'reports.dashboard': {
    method: 'GET',
    path: '/api/reports/dashboard',
    summary:
      '中心今日概览：各部门指标、近30日趋势、红黄牌办件 / the day at a glance: departments, trend, red and yellow cases',
    tag: 'reports',
    auth: managerOrSupervisor,
    query: dashboardQuerySchema,
    response: dashboardSchema,
  },

  // ---- supervision -----------------------------------------------------------------------
  'alerts.list': {
    method: 'GET',
    path: '/api/alerts',
    summary: '电子监察预警 / the alerts of electronic supervision',
    tag: 'supervision',
    auth: managerOrSupervisor,
    query: alertQuerySchema,
    response: z.array(alertSchema),
  },
  'alerts.get': {
    method: 'GET',
    path: '/api/alerts/:id',
    summary: '一条预警及其处理记录 / an alert with what was done about it',
    tag: 'supervision',
    auth: managerOrSupervisor,
    params: alertIdParams,
    response: alertDetailSchema,
  },
  'alerts.act': {
    method: 'POST',
    path: '/api/alerts/:id/actions',
    summary: '确认或上报一条预警 / acknowledge or escalate an alert',
    tag: 'supervision',
    auth: supervisorOnly,
    params: alertIdParams,
    body: alertActionSchema,
    response: alertDetailSchema,
    status: 201,
  },
  'complaints.create': {
    method: 'POST',
    path: '/api/complaints',
    summary: '登记公众投诉 / record a public complaint',
    tag: 'supervision',
    auth: supervisorOnly,
    body: complaintCreateSchema,
    response: complaintSchema,
    status: 201,
  },
  'complaints.list': {
    method: 'GET',
    path: '/api/complaints',
    summary: '公众投诉，新近在前 / public complaints, newest first',
    tag: 'supervision',
    auth: managerOrSupervisor,
    query: complaintListQuerySchema,
    response: z.array(complaintSchema),
  },
  'complaints.get': {
    method: 'GET',
    path: '/api/complaints/:id',
    summary: '一件投诉及其办理过程 / a complaint with its steps',
    tag: 'supervision',
    auth: managerOrSupervisor,
    params: complaintIdParams,
    response: complaintSchema,
  },
  'complaints.reply': {
    method: 'POST',
    path: '/api/complaints/:id/reply',
    summary:
      '窗口经本终端答复投诉（首席代表或窗口工作人员）/ the window replies through its terminal',
    tag: 'supervision',
    auth: terminal,
    protocol: true,
    params: complaintIdParams,
    body: complaintReplyRequestSchema,
    response: complaintSchema,
    status: 201,
  },
  'complaints.close': {
    method: 'POST',
    path: '/api/complaints/:id/close',
    summary: '监察人员办结投诉并作出结论 / the supervisor closes a complaint with a conclusion',
    tag: 'supervision',
    auth: supervisorOnly,
    params: complaintIdParams,
    body: complaintCloseSchema,
    response: complaintSchema,
    status: 201,
  },

  // ---- part A of issue 15: recovery without loss -----------------------------------------
  'sync.readmit': {
    method: 'POST',
    path: '/api/sync/readmit',
    summary:
      '中心不认识的终端凭新注册码与原设备密钥签名重新注册，保留其事件链 / re-admit a terminal the center lost, keeping its chain (new code + proof of its old key)',
    tag: 'sync',
    auth: anyone,
    protocol: true,
    body: readmitRequestSchema,
    response: readmitResponseSchema,
    status: 201,
  },
  // ---- part C (issue 15): terminal releases (the feed itself is server/operations/feed.ts) ----
  'releases.list': {
    method: 'GET',
    path: '/api/releases',
    summary: '终端版本（中心数据目录 updates/ 下）/ terminal releases placed at the center',
    tag: 'operations',
    auth: managerOrSupervisor,
    response: z.array(terminalReleaseSchema),
  },
  'releases.publish': {
    method: 'POST',
    path: '/api/releases',
    summary: '发布终端版本并设定分批范围 / publish a release with its staging rule',
    tag: 'operations',
    auth: managerOnly,
    body: publishReleaseSchema,
    response: terminalReleaseSchema,
  },
  'releases.withdraw': {
    method: 'POST',
    path: '/api/releases/:version/withdraw',
    summary: '撤回终端版本 / withdraw a release',
    tag: 'operations',
    auth: managerOnly,
    params: releaseParams,
    response: terminalReleaseSchema,
  },
  // ---- part B of issue 15: the database's integrity, on demand ----------------------------
  'system.integrityCheck': {
    method: 'POST',
    path: '/api/system/integrity-check',
    summary:
      '数据库完整性检查（SQLite integrity_check；PostgreSQL 读遍各表）/ full integrity check of the database',
    tag: 'system',
    auth: managerOnly,
    response: centerIntegritySchema,
  },
  // ---- issue 17: the hall's queue (shared/center-api/queue-contract.ts) -----------------
  ...queueContract,
  // issue 17 part 2: 好差评 by the applicant
  ...ratingContract,
  // issue 18: the materials' files
  ...filesContract,
  // ---- part W of issue 16: 常用语 per department ------------------------------------------
  'phrases.get': {
    method: 'GET',
    path: '/api/departments/:code/phrases',
    summary: '部门常用语 / the phrases offered at the department’s windows',
    tag: 'catalog',
    auth: managerOnly,
    params: codeParams,
    response: departmentPhrasesSchema,
  },
  'phrases.set': {
    method: 'PUT',
    path: '/api/departments/:code/phrases/:kind',
    summary: '设置部门某类常用语（整体替换，按顺序）/ set one kind of a department’s phrases',
    tag: 'catalog',
    auth: managerOnly,
    params: z.strictObject({ code: z.string(), kind: z.enum(phraseKinds) }),
    body: phraseListSchema,
    response: departmentPhrasesSchema,
  },
  // ---- issue 17 part 3: the public guide (七公开) ------------------------------------------
  'guide.list': {
    method: 'GET',
    path: '/guide/',
    summary:
      '办事指南（公开）：按部门、主题列出事项，q 按名称、拼音首字母、别名搜索 / the public guide: items by department and life event, searchable',
    tag: 'guide',
    auth: anyone,
    query: guideListQuerySchema,
    response: guideListSchema,
    page: true,
  },
  'guide.item': {
    method: 'GET',
    path: '/guide/:code',
    summary:
      '一个事项的办事指南（公开）/ one item’s public guide (a 404 answer says there is no such item)',
    tag: 'guide',
    auth: anyone,
    params: guideItemParams,
    query: guideItemQuerySchema,
    response: guideItemSchema,
    page: true,
  },
  // ---- issue 17 part 4: SMS to the applicant --------------------------------------------
  'sms.messages.list': {
    method: 'GET',
    path: '/api/sms/messages',
    summary: '短信发件箱（新近在前）/ the SMS outbox, newest first: queued, sent, failed',
    tag: 'sms',
    auth: managerOrSupervisor,
    query: smsListQuerySchema,
    response: z.array(smsMessageSchema),
  },
  'sms.messages.resend': {
    method: 'POST',
    path: '/api/sms/messages/:id/resend',
    summary: '重发发送失败的短信（已发送的不会重发）/ queue a failed SMS again (never a sent one)',
    tag: 'sms',
    auth: managerOnly,
    params: smsIdParams,
    response: smsMessageSchema,
  },
  'sms.settings.get': {
    method: 'GET',
    path: '/api/sms/settings',
    summary: '短信服务商与模板（不含密钥）/ the SMS provider and templates (never the secret)',
    tag: 'sms',
    auth: managerOnly,
    response: smsSettingsSchema,
  },
  'sms.settings.set': {
    method: 'PUT',
    path: '/api/sms/settings',
    summary: '设置短信服务商与模板（密钥留空则不变）/ set the SMS provider and templates',
    tag: 'sms',
    auth: managerOnly,
    body: smsSettingsInputSchema,
    response: smsSettingsSchema,
  },
} as const satisfies CenterContract;

export type CenterCallName = keyof typeof centerContract;

/** The sync calls' paths, for tests and benchmarks that speak to the center by hand. */
export const syncPaths = {
  enroll: centerContract['sync.enroll'].path,
  push: centerContract['sync.push'].path,
  pull: centerContract['sync.pull'].path,
  device: centerContract['sync.device'].path,
  supervision: centerContract['sync.supervision'].path,
} as const;
export type CenterEntry<K extends CenterCallName> = (typeof centerContract)[K];

/** The entries as a list, for whoever walks them all (the route table, /openapi.json). */
export function contractEntries(contract: CenterContract): [string, CenterCall][] {
  return Object.entries(contract);
}
