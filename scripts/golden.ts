// Writes the golden event log of the report tests (tests/reports/golden-events.json): run after
// changing tests/reports/golden-log.ts, with `npm run golden`.
import { writeFileSync } from 'node:fs';
import { createCalendar, officialCalendarData } from '../shared/calendar';
import { goldenLog } from '../tests/reports/golden-log';

const version = createCalendar(officialCalendarData([])).version;
const out = 'tests/reports/golden-events.json';
writeFileSync(out, `${JSON.stringify(goldenLog(version), null, 1)}\n`);
console.log(`${out}: golden log on calendar ${version}`);
