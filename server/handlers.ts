import type { CenterCallName } from '../shared/center-api';
import { closureHandlers } from './admin/closures';
import { phraseHandlers } from './admin/phrases';
import { officialYearHandlers } from './admin/official-years';
import { calendarChangeHandlers } from './cases/calendar-changes';
import { departmentHandlers } from './admin/departments';
import { deviceHandlers } from './admin/devices';
import { enrollmentCodeHandlers } from './admin/enrollment-codes';
import { itemHandlers } from './admin/items';
import { powerHandlers } from './admin/powers';
import { settingsHandlers } from './admin/settings';
import { staffHandlers } from './admin/staff';
import { windowHandlers } from './admin/windows';
// part C (issue 15)
import { releaseHandlers } from './operations/releases';
import { authHandlers } from './auth/handlers';
import { caseHandlers } from './cases/handlers';
import type { CenterHandlers } from './http/spec';
import { referenceHandlers } from './reference/handlers';
import { reportHandlers } from './reports/handlers';
import { complaintHandlers } from './supervision/complaint-handlers';
import { supervisionHandlers } from './supervision/handlers';
import { sealHandlers } from './seal/handlers';
// issue 17 part 3
import { guideHandlers } from './guide/handlers';
import { syncHandlers } from './sync/handlers';
import { systemHandlers } from './system/handlers';
// issue 17 part 4
import { smsHandlers } from './sms/handlers';
import { queueHandlers } from './queue/handlers';
// issue 17 part 2: 好差评
import { ratingHandlers } from './rating/handlers';
import { filesHandlers } from './files/handlers';

/**
 * `handlers` with exactly the names of `contract`: a missing one fails `H extends Handlers`, an
 * extra one (a route nobody described) fails the `never` beside it. Each group is checked where
 * it is written (`satisfies Partial<CenterHandlers>`); this check is the one over the whole.
 */
export function exactHandlers<H extends CenterHandlers>(
  handlers: H & { [K in Exclude<keyof H, CenterCallName>]: never },
): CenterHandlers {
  return handlers;
}

/** One handler per call of the center's contract (shared/center-api/contract.ts). */
export const centerHandlers: CenterHandlers = exactHandlers({
  ...systemHandlers,
  ...authHandlers,
  ...departmentHandlers,
  ...windowHandlers,
  ...staffHandlers,
  ...itemHandlers,
  ...powerHandlers,
  ...closureHandlers,
  ...officialYearHandlers,
  ...calendarChangeHandlers,
  ...settingsHandlers,
  ...referenceHandlers,
  ...enrollmentCodeHandlers,
  ...deviceHandlers,
  ...syncHandlers,
  ...sealHandlers,
  ...caseHandlers,
  ...reportHandlers,
  ...supervisionHandlers,
  ...complaintHandlers,
  // issue 17: the hall's queue
  ...queueHandlers,
  // issue 17 part 2: 好差评 by the applicant
  ...ratingHandlers,
  ...filesHandlers,
  // part C (issue 15): terminal releases
  ...releaseHandlers,
  // part W of issue 16: 常用语
  ...phraseHandlers,
  // issue 17 part 4: the SMS outbox and its provider
  ...smsHandlers,
  // issue 17 part 3: the public guide
  ...guideHandlers,
});
