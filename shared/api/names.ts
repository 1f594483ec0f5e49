// The call names alone, without schemas: the sandboxed preload imports this list, and must not
// pull zod or the domain into the renderer's privileged bridge.
import { adminCallNames } from './admin-names';
import { databaseCallNames } from './database-names';

export const callNames = [
  'auth.login',
  'auth.logout',
  'session.current',
  'catalog.items',
  'catalog.item',
  'applicants.find',
  'cases.receive',
  'cases.record',
  'cases.get',
  'cases.list',
  'cases.conflicts',
  'cases.queue',
  'cases.stamp',
  'cases.rows',
  'cases.calendarChanges',
  'cases.reviseCalendar',
  'reports.metrics',
  'reports.schedule.get',
  'reports.schedule.set',
  'seal.status',
  'seal.setPin',
  'seal.register',
  'documents.get',
  'documents.verify',
  'alerts.mine',
  'complaints.reply',
  'sync.status',
  'sync.now',
  'sync.acknowledgeClock',
  'sync.enroll',
  // issue 15 part D: printers per document kind
  'print.settings.get',
  'print.settings.set',
  // part C (issue 15)
  'diagnostics.export',
  ...adminCallNames,
  // part A of issue 15 (recovery)
  'sync.readmit',
  // part B of issue 15
  ...databaseCallNames,
  // part S of issue 16: the screen locks itself
  'session.activity',
  'session.lock',
  'session.unlock',
  'screenLock.get',
  'screenLock.set',
  // part R of issue 16 (search)
  'applicants.earlierName',
  // part T of issue 16: the department is the unit of service
  'cases.openDuplicates',
  // part W of issue 16: clearing demo data
  'demo.status',
  'demo.clear',
  // part W of issue 16: 常用语
  'phrases.list',
  // issue 17: the hall's queue at this window
  'queue.window',
  'queue.act',
  // issue 17: 本窗口评价, relayed to the center
  'ratings.window',
  'ratings.appeal',
  'attachments.import',
  'attachments.page',
  // issue 18 part 4: the case archive
  'cases.exportArchive',
  'documents.archiveSheet',
  // issue 18 part 5: the 二代身份证 reader at intake
  'idCard.read',
  'idCard.settings.get',
  'idCard.settings.set',
] as const;

export type CallName = (typeof callNames)[number];

export function isCallName(name: string): name is CallName {
  return (callNames as readonly string[]).includes(name);
}
