import type { Level } from '../../../shared/calendar';
import type { CaseStatus, Role } from '../../../shared/case';

// 使用手册 (part W of issue 16): what each role does day to day, as data rendered by
// HelpDrawer.tsx — plain strings, never markup. It must stay true, so tests/help/manual.test.ts checks that
// every shortcut named here is bound in the file it names, and that every menu a role's steps
// point to is in that role's menu (renderer/app/navigation.ts).

export type Text = { zh: string; en: string };

export type Shortcut = {
  /** as the key listener matches it: 'Alt+I', 'Ctrl+Enter', 'Esc', '1', 'F1' */
  combo: string;
  what: Text;
  /** the source file that binds it (tests/help/manual.test.ts reads it) */
  boundIn: string;
};

const intakeFiles = {
  shell: 'renderer/app/Shell.tsx',
  newIntake: 'renderer/features/intake/NewIntake.tsx',
  caseIntake: 'renderer/features/intake/CaseIntake.tsx',
  checklist: 'renderer/features/intake/Checklist.tsx',
  modals: 'renderer/features/intake/Modals.tsx',
  help: 'renderer/features/help/HelpDrawer.tsx',
} as const;

export const shortcuts = {
  help: {
    combo: 'F1',
    what: { zh: '打开使用手册', en: 'Open this manual' },
    boundIn: intakeFiles.help,
  },
  newIntake: {
    combo: 'Alt+I',
    what: { zh: '从任何页面开始新的收件', en: 'Start a new intake from any page' },
    boundIn: intakeFiles.shell,
  },
  item: {
    combo: 'Alt+1',
    what: { zh: '跳到事项搜索', en: 'Jump to the item search' },
    boundIn: intakeFiles.newIntake,
  },
  applicant: {
    combo: 'Alt+2',
    what: { zh: '跳到申请人信息', en: 'Jump to the applicant' },
    boundIn: intakeFiles.newIntake,
  },
  // issue 18 part 5
  idCard: {
    combo: 'F2',
    what: {
      zh: '读身份证：填入申请人（或代理人）的姓名和身份证号',
      en: "Read the ID card: fills the applicant's (or the agent's) name and ID number",
    },
    boundIn: intakeFiles.newIntake,
  },
  submitIntake: {
    combo: 'Ctrl+Enter',
    what: {
      zh: '保存 / 提交当前步骤（对话框中：确认）',
      en: 'Save / submit this step (in a dialog: confirm)',
    },
    boundIn: intakeFiles.newIntake,
  },
  materials: {
    combo: 'Alt+3',
    what: { zh: '跳到材料核验', en: 'Jump to the materials check' },
    boundIn: intakeFiles.caseIntake,
  },
  received: {
    combo: '1',
    what: { zh: '材料行：收到', en: 'Material row: received' },
    boundIn: intakeFiles.checklist,
  },
  missing: {
    combo: '2',
    what: { zh: '材料行：缺', en: 'Material row: missing' },
    boundIn: intakeFiles.checklist,
  },
  defective: {
    combo: '3',
    what: { zh: '材料行：有缺陷', en: 'Material row: defective' },
    boundIn: intakeFiles.checklist,
  },
  accept: {
    combo: 'Alt+A',
    what: { zh: '受理', en: 'Accept' },
    boundIn: intakeFiles.caseIntake,
  },
  notice: {
    combo: 'Alt+N',
    what: { zh: '出具一次性告知书', en: 'Issue the one-time notice' },
    boundIn: intakeFiles.caseIntake,
  },
  refuse: {
    combo: 'Alt+R',
    what: { zh: '不予受理', en: 'Refuse' },
    boundIn: intakeFiles.caseIntake,
  },
  withdraw: {
    combo: 'Alt+W',
    what: { zh: '撤回申请', en: 'Withdraw' },
    boundIn: intakeFiles.caseIntake,
  },
  print: {
    combo: 'Alt+P',
    what: { zh: '打印本环节文书', en: "Print this step's document" },
    boundIn: intakeFiles.caseIntake,
  },
  confirmDialog: {
    combo: 'Ctrl+Enter',
    what: {
      zh: '在受理、告知、不予受理、撤回对话框中确认',
      en: 'Confirm in the accept, notice, refuse and withdraw dialogs',
    },
    boundIn: intakeFiles.modals,
  },
  back: {
    combo: 'Esc',
    what: {
      zh: '关闭对话框 / 返回我的办件（未保存的内容不会被丢弃）',
      en: 'Close a dialog / back to my cases (nothing unsaved is thrown away)',
    },
    boundIn: intakeFiles.caseIntake,
  },
} as const satisfies Record<string, Shortcut>;

export type ShortcutId = keyof typeof shortcuts;

/**
 * A step's text may name a menu as {page:intake}: it is shown with the menu's own label in the
 * reader's language, and tests/help/manual.test.ts checks the role's menu has it.
 */
export type Step = Text & {
  /** the shortcut this step is done with */
  shortcut?: ShortcutId;
};

export type Task = { title: Text; steps: Step[] };

export type Trouble = 'center' | 'printer' | 'screenLock' | 'restore' | 'conflict' | 'clock';

export type RoleManual = { intro: Text; tasks: Task[]; troubles: Trouble[] };

const step = (zh: string, en: string, more: Omit<Step, 'zh' | 'en'> = {}): Step => ({
  zh,
  en,
  ...more,
});

const intakeTask: Task = {
  title: {
    zh: '收件、核验材料、受理或一次性告知',
    en: 'Intake, materials check, acceptance or one-time notice',
  },
  steps: [
    step('打开{page:intake}（任何页面按 Alt+I）。', 'Open {page:intake} (Alt+I from any page).', {
      shortcut: 'newIntake',
    }),
    step(
      '在事项搜索中输入事项名称或编码，方向键选择，回车确定。',
      'Type the item name or code in the item search, pick with the arrow keys, Enter.',
      {
        shortcut: 'item',
      },
    ),
    step(
      '填写申请人：输入身份证号或统一社会信用代码后，曾办理过的申请人信息自动带出；同一代码曾以其他名称办理时会提示。',
      'Fill in the applicant: a known ID or USCC fills in the rest; a USCC seen under another name is pointed out.',
      {
        shortcut: 'applicant',
      },
    ),
    step(
      '申请人出示二代身份证时，放在读卡器上按 F2（或点“读身份证”）：姓名和身份证号自动填入（单位申请时填入代理人即经办人），照片显示在表单旁供核对本人，不保存；身份证已过期的会醒目提示。读卡器未连接或未放卡时会说明原因，照常手工录入即可。',
      'When the applicant shows a resident ID card, put it on the reader and press F2 (or Read ID card): name and ID number are filled in (for an organisation: the agent who brought it), and the photo appears beside the form to compare faces — it is not stored; an expired card is flagged. With no reader or no card the reason is shown; type the data by hand as usual.',
      {
        shortcut: 'idCard',
      },
    ),
    step(
      '本部门已有该申请人同一事项的在办件时，表单上方会列出（办件编号、收件窗口、状态）：申请人回来补正或领取的，点“继续办理”打开原办件；确需另行申请的，点“仍然新建”并写明理由，理由记入新办件。',
      'When the department already has an open case of this applicant and item, it is listed above the form (number, receiving window, status): an applicant back to supplement or collect is served with Continue this case; a genuinely new application takes Create a new case anyway with a reason, kept in the new case.',
    ),
    step(
      '提交收件：生成办件编号，开始计算补正告知期限（五个工作日）。',
      'Submit the intake: the case number is made and the five-working-day completeness clock starts.',
      {
        shortcut: 'submitIntake',
      },
    ),
    step(
      '逐项核验材料：1 收到、2 缺、3 有缺陷，方向键上下移动。',
      'Check each material: 1 received, 2 missing, 3 defective; arrow keys move between rows.',
      {
        shortcut: 'materials',
      },
    ),
    step(
      '材料齐全：受理，并打印受理通知书。',
      'Materials complete: accept, and print the acceptance notice.',
      {
        shortcut: 'accept',
      },
    ),
    step(
      '材料不全：出具一次性告知书，一次写明全部需补正的内容；申请人补正后在同一办件中接收补正材料，不要新建办件。',
      'Materials incomplete: issue one one-time notice naming everything to supplement; when the applicant returns, receive the supplement in the same case, never a new one.',
      {
        shortcut: 'notice',
      },
    ),
    step(
      '不属于受理范围：不予受理，写明理由和法律依据，并告知申请人向哪个机关申请。',
      'Not within the scope: refuse, with reasons, legal basis and the body to apply to.',
      {
        shortcut: 'refuse',
      },
    ),
    step(
      '打印本环节文书（告知书、通知书）交申请人签收。',
      "Print the step's document (notice) for the applicant to sign.",
      {
        shortcut: 'print',
      },
    ),
  ],
};

const myCasesTask: Task = {
  title: { zh: '每天开始：看我的办件', en: 'Start of the day: my cases' },
  steps: [
    step(
      '打开{page:myCases}：按截止日期排列，颜色表示剩余时限（见下方“时限颜色”）。',
      'Open {page:myCases}: ordered by due date, coloured by the time left (see clock colours below).',
    ),
    step(
      '列表默认显示本部门各窗口的办件（“收件窗口”一栏注明由哪个窗口收件），切换到“本窗口”只看本窗口收件的；本部门的办件在任何窗口都可以补正、受理、送达。',
      'The list shows the cases of every window of the department (the receiving window in the Window column); switch to This window for your own. Any window of the department may take a supplement, accept or deliver.',
    ),
    step(
      '搜索框可按办件编号、申请人名称、手机号或证件号码的任意部分查找。',
      'The search finds any part of the case number, applicant name, mobile or ID.',
    ),
    step(
      '先处理红牌、黄牌和“待打印受理通知书”的办件；点击一行打开办件。',
      'Handle red, yellow and "acceptance notice owed" cases first; click a row to open the case.',
    ),
  ],
};

// Issue 16 part P: the law accepts a case by itself; the clerk only learns of it from the list
const deemedTask: Task = {
  title: {
    zh: '视为受理与待打印受理通知书',
    en: 'Deemed acceptance and the acceptance notice owed',
  },
  steps: [
    step(
      '收件后五个工作日内既未受理、也未出具一次性告知书或不予受理的，依法自收件之日起视为受理（《行政许可法》第三十二条第一款第（四）项）：办件显示“已受理”并标“视为受理”，进入首席代表的审批工作台，不能再出具补正告知书或不予受理。中心监察同时记录一次违规。',
      'A case neither accepted, nor given a one-time notice or refused within five working days of receipt is by law accepted on the day it was received (Art. 32(1)(4) of the Administrative Licensing Law): it shows as accepted and deemed accepted, goes to the chief’s decision desk, and can no longer get a one-time notice or a refusal. The center records a breach.',
    ),
    step(
      '这样的办件在{page:myCases}中标有“待打印受理通知书”：打开办件，点“出具受理通知书”，确认受理专用章后打印交申请人。通知书写明视为受理的日期；首席代表已经作出决定的，写明决定日期。',
      'Such a case is marked "acceptance notice to print" in {page:myCases}: open it, click Issue acceptance notice, confirm the intake seal and print it for the applicant. The notice states the day of deemed acceptance, and the day of the decision when the chief has already decided.',
    ),
    step(
      '材料仍有欠缺的，也照样出具：法律已经受理，欠缺的材料在审查时处理。',
      'Issue it even when a material is still missing: the law has accepted the case; what is missing is a matter for the review.',
    ),
  ],
};

const deliverTask: Task = {
  title: { zh: '送达结果', en: 'Delivering the result' },
  steps: [
    step(
      '申请人来领取时，在{page:myCases}中找到办件并打开。',
      'When the applicant comes for the result, find the case in {page:myCases} and open it.',
    ),
    step(
      '选择送达方式（当面、邮寄、电子），填写受送达人，打印送达回证交申请人签字。',
      'Choose the delivery method (in person, post, electronic), enter the recipient, print the receipt for signature.',
    ),
  ],
};

export const manual: Record<Role, RoleManual> = {
  clerk: {
    intro: {
      zh: '窗口工作人员负责收件、核验材料、受理或一次性告知、送达结果，并留意每件办件的时限。',
      en: 'The window clerk receives applications, checks materials, accepts or issues the one-time notice, delivers results and watches every clock.',
    },
    tasks: [
      myCasesTask,
      intakeTask,
      deemedTask,
      deliverTask,
      {
        title: { zh: '监察预警与投诉', en: 'Supervision alerts and complaints' },
        steps: [
          step(
            '{page:alerts}列出中心对本部门各窗口的预警和投诉（包括“重复收件”：同一申请人同一事项在两个窗口各有一件在办件时，核实后只保留一件，另一件办理撤回）；有投诉时填写答复并提交（须联网）。',
            "{page:alerts} lists what the center holds against the department's windows (among them Duplicate intake: two open cases of one applicant and item at two windows — check, keep one and withdraw the other); answer a complaint there (online only).",
          ),
        ],
      },
    ],
    troubles: ['center', 'printer', 'screenLock', 'conflict', 'clock'],
  },
  chief: {
    intro: {
      zh: '首席代表在窗口作出审批决定并加盖电子印章，负责本部门的办件质量和日报。',
      en: "The department's chief representative decides and seals at the window, and answers for the department's cases and daily report.",
    },
    tasks: [
      {
        title: { zh: '审查、决定、盖章', en: 'Review, decide, seal' },
        steps: [
          step(
            '打开{page:review}：列出待审查、待复核、待决定、待盖章、待送达的办件，按截止日期排列。',
            'Open {page:review}: cases to review, check, decide, seal and deliver, by due date.',
          ),
          step(
            '打开办件，填写审查意见和审查建议；一审一核的事项由另一人复核。',
            'Open the case, write the review opinion and recommendation; items under review + check need a second person.',
          ),
          step(
            '作出决定：准予许可写明许可内容和有效期；不予许可写明事实、理由和法律依据。本窗口无审批授权的事项报部门审批。',
            'Decide: an approval names what is granted and until when; a denial states facts, reasons and legal basis. Items this window may not decide are referred to the department.',
          ),
          step(
            '输入本人印章 PIN 加盖电子印章，然后打印决定书。',
            'Enter your seal PIN to seal the decision, then print it.',
          ),
        ],
      },
      {
        title: { zh: '特别程序与延期', en: 'Special procedures and extensions' },
        steps: [
          step(
            '需要检验、检测、听证等时，在办件中启动特别程序（计时暂停），填写告知申请人的书面通知文号和预计工作日；结束后恢复计时。',
            'For testing, hearings and the like, start a special procedure in the case (the clock pauses) with the notice reference and expected working days; resume when it ends.',
          ),
          step(
            '确需延期的，经机关负责人批准后延长办理期限（本事项允许时）。',
            'Where needed and allowed for the item, extend the time limit with the approving official named.',
          ),
        ],
      },
      intakeTask,
      {
        title: { zh: '日报', en: 'Daily report' },
        steps: [
          step(
            '{page:reports}显示本部门的收件、受理、办结和按时办结率，可打印。',
            "{page:reports} shows the department's intake, acceptance, completion and on-time rate, printable.",
          ),
        ],
      },
    ],
    troubles: ['center', 'printer', 'screenLock', 'conflict', 'clock'],
  },
  reviewer: {
    intro: {
      zh: '审批人员审查或复核办件，写明意见，交首席代表决定。',
      en: 'The reviewer reviews or checks cases and writes the opinion the chief decides on.',
    },
    tasks: [
      {
        title: { zh: '审查与复核', en: 'Review and check' },
        steps: [
          step(
            '打开{page:review}，选择待审查或待复核的办件。',
            'Open {page:review} and pick a case to review or check.',
          ),
          step(
            '填写审查意见和审查建议并提交；复核时写明是否同意。',
            'Write the opinion and recommendation; when checking, say whether you agree.',
          ),
        ],
      },
    ],
    troubles: ['center', 'screenLock', 'conflict'],
  },
  manager: {
    intro: {
      zh: '中心管理人员维护事项、窗口、人员和授权，生成注册码，设置终端，查看报表和今日概览。',
      en: 'The center manager keeps items, windows, staff and powers, issues enrollment codes, sets up terminals and reads the reports and the dashboard.',
    },
    tasks: [
      {
        title: { zh: '新电脑上线', en: 'Bringing a new PC into service' },
        steps: [
          step(
            '在{page:admin}中为窗口生成一次性注册码。',
            'In {page:admin}, issue a one-time enrollment code for the window.',
          ),
          step(
            '在这台电脑的{page:settings}中：如练习过示范数据，先在“清除演示数据”中输入确认词清除（整个数据库先备份）；然后填写中心地址和注册码，注册本终端。',
            'On this PC, in {page:settings}: if it practised on the demo, clear the demo data first by typing the confirmation word (the whole database is backed up first); then enter the center address and the code to enroll.',
          ),
          step(
            '注册后用中心下发的账号重新登录；在{page:settings}中设置打印机和自动锁屏时间。',
            "After enrolling, sign in again with a center account; set the printers and the screen lock's idle time in {page:settings}.",
          ),
        ],
      },
      {
        title: { zh: '维护目录与常用语', en: 'Keeping the catalog and phrases' },
        steps: [
          step(
            '在{page:admin}中维护部门、窗口、人员、事项、窗口授权和各部门的常用语；修改随下次同步下发到各窗口。',
            "In {page:admin} keep departments, windows, staff, items, window powers and each department's phrases; changes reach the windows with the next sync.",
          ),
        ],
      },
      {
        title: { zh: '看报表', en: 'Reading the numbers' },
        steps: [
          step(
            '{page:reports}按部门、窗口统计。',
            '{page:reports} counts by department and window.',
          ),
          step(
            '{page:dashboard}显示全中心当天的办件和红黄牌。',
            '{page:dashboard} shows the whole center today, with red and yellow cards.',
          ),
        ],
      },
    ],
    troubles: ['center', 'printer', 'restore', 'clock', 'screenLock'],
  },
  supervisor: {
    intro: {
      zh: '监察人员查看电子监察的预警和投诉，确认或上报，并写明处理意见。',
      en: 'The supervisor reviews supervision alerts and complaints, acknowledges or escalates them with a comment.',
    },
    tasks: [
      {
        title: { zh: '处理预警', en: 'Handling alerts' },
        steps: [
          step(
            '打开{page:supervision}，按状态筛选待处理的预警（预警、黄牌、红牌、违规）。',
            'Open {page:supervision} and filter the open alerts (warning, yellow, red, violation).',
          ),
          step(
            '点击一条预警查看详情和所涉办件，填写处理意见，确认或上报。',
            'Open an alert for its details and case, write a comment, acknowledge or escalate.',
          ),
          step(
            '在“公众投诉”标签下查看投诉和窗口的答复。',
            "Under Complaints, read complaints and the windows' replies.",
          ),
        ],
      },
      {
        title: { zh: '全中心概览', en: 'The whole center' },
        steps: [
          step(
            '{page:dashboard}显示全中心当天的办件和红黄牌。',
            '{page:dashboard} shows the whole center today, with red and yellow cards.',
          ),
        ],
      },
    ],
    troubles: ['center', 'screenLock'],
  },
};

/** What each status means, in the words of the window. */
export const statusMeanings: Record<CaseStatus, Text> = {
  none: { zh: '尚未收件。', en: 'Not received yet.' },
  received: {
    zh: '已收件，材料核验中；五个工作日内须受理或一次性告知，否则依法视为受理。',
    en: 'Received, materials being checked; within five working days it must be accepted or noticed, else it is deemed accepted by law.',
  },
  awaitingSupplement: {
    zh: '已一次性告知，等待申请人补正材料；补正期间办理时限不计算。',
    en: 'One-time notice issued; waiting for the applicant to supplement. The time limit does not run meanwhile.',
  },
  accepted: {
    zh: '已受理，法定办理时限开始计算。',
    en: 'Accepted; the statutory time limit runs.',
  },
  underReview: { zh: '审查中。', en: 'Under review.' },
  reviewed: { zh: '审查完毕，等待决定。', en: 'Reviewed, waiting for the decision.' },
  referred: {
    zh: '已报部门审批，办理时限继续计算。',
    en: 'Referred to the department for decision; the time limit keeps running.',
  },
  decided: { zh: '已作出决定，等待盖章。', en: 'Decided, waiting for the seal.' },
  stamped: { zh: '决定书已盖章。', en: 'The decision is sealed.' },
  certificateIssued: {
    zh: '证照已制作，等待送达。',
    en: 'Certificate made, waiting for delivery.',
  },
  delivered: {
    zh: '已送达申请人，办件终结。',
    en: 'Delivered to the applicant; the case is closed.',
  },
  refused: { zh: '不予受理，办件终结。', en: 'Refused; the case is closed.' },
  withdrawn: {
    zh: '申请人撤回，办件终结。',
    en: 'Withdrawn by the applicant; the case is closed.',
  },
};

/** The clock colours, with the center's default thresholds (the manager may change them). */
export const levelMeanings: Record<Level, Text> = {
  normal: { zh: '剩余三个及以上工作日。', en: 'Three or more working days left.' },
  warning: { zh: '剩余两个工作日：预警。', en: 'Two working days left: warning.' },
  yellow: {
    zh: '仅剩一个工作日或今天到期：黄牌，监察系统会记录。',
    en: 'One working day left, or due today: yellow card, recorded by supervision.',
  },
  red: { zh: '已超期：红牌，监察系统会记录。', en: 'Overdue: red card, recorded by supervision.' },
};

export const troubles: Record<Trouble, { title: Text; body: Text }> = {
  center: {
    title: { zh: '连不上中心', en: 'The center cannot be reached' },
    body: {
      zh: '照常办理：所有办件保存在本机，页头显示待上传的条数，联网后自动同步，也可点“立即同步”。不会丢失任何记录。电子监察和投诉答复需要联网。',
      en: 'Keep working: every case is kept on this PC, the header shows how many events wait to upload, and sync resumes by itself (or press Sync now). Nothing is lost. Supervision and complaint replies need the center.',
    },
  },
  printer: {
    title: { zh: '打印机', en: 'Printer' },
    body: {
      zh: '中心管理人员在{page:settings} → 打印机中为每种文书指定打印机和份数，并可打印测试页；未指定时弹出打印对话框，也可另存为 PDF。打印失败不影响已记录的环节，可在办件中再次打印。',
      en: 'The manager sets a printer and copies per document kind in {page:settings} → Printers, with a test page; without one the print dialog opens (or save as PDF). A failed print never undoes the recorded step: print again from the case.',
    },
  },
  screenLock: {
    title: { zh: '屏幕锁定', en: 'Screen lock' },
    body: {
      zh: '无人操作达到设定时间（默认 5 分钟，管理人员可在{page:settings}中改为 1–60 分钟）后屏幕自动锁定，正在填写的内容保留；输入本人密码解锁。换人办理时选择“换其他人员登录”，未提交的内容将被丢弃。',
      en: 'After the idle time (5 minutes by default; the manager sets 1–60 in {page:settings}) the screen locks and keeps your work; unlock with your own password. Another person chooses "switch user", which drops what was not submitted.',
    },
  },
  restore: {
    title: { zh: '备份与恢复', en: 'Backup and restore' },
    body: {
      zh: '本机每天自动备份，保留最近 7 份；{page:settings} → 备份与恢复可立即备份、检查完整性或恢复某一份备份（当前数据库文件移到一旁保留，不会删除）。启动时发现数据库丢失或损坏，会直接显示恢复页面。恢复后联网同步，中心已有的记录会补回。',
      en: 'This PC backs itself up daily and keeps the last 7; {page:settings} → Backup and restore backs up now, checks integrity or restores one (the current file is set aside, never deleted). A lost or damaged database shows the recovery page at start. After a restore, syncing brings back what the center holds.',
    },
  },
  conflict: {
    title: { zh: '同步冲突', en: 'Sync conflicts' },
    body: {
      zh: '两个窗口同时办理同一办件时，中心采纳先到的操作，后到的标为冲突（页头显示）。打开办件核对现状，必要时与另一窗口沟通后重新办理；两边的记录都完整保存。',
      en: 'When two windows act on one case at once, the center keeps the first; the other is marked as a conflict (shown in the header). Open the case, check it, and redo the step after talking to the other window; both records are kept.',
    },
  },
  clock: {
    title: { zh: '本机时钟不准', en: "This PC's clock is wrong" },
    body: {
      zh: '与中心时间相差超过 5 分钟时页头出现提示，受理、决定、送达等法定环节暂不能办理：请校准电脑时钟，或由中心管理人员确认时差。',
      en: "More than 5 minutes off the center's time, a banner shows and legal steps (accept, decide, deliver) wait: set the PC's clock, or have a manager acknowledge the offset.",
    },
  },
};

/** The signed-in role's manual first, then the others. */
export function rolesInOrder(own: Role): Role[] {
  const all: Role[] = ['clerk', 'chief', 'reviewer', 'manager', 'supervisor'];
  return [own, ...all.filter((r) => r !== own)];
}
