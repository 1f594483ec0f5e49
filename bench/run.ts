import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { benchCalendar } from './calendar';
import { benchIntake } from './intake';
import { benchIdlePull } from './pull-idle';
import { benchQueue } from './queue';
import { benchScans } from './scans';
import { benchReports } from './reports';
import { benchAppend, benchCaseSearch, benchWorkList } from './store';
import { benchSync } from './sync';
import type { BenchResult } from './types';

type Bench = { group: string; run: () => Promise<BenchResult | BenchResult[]> };

// `npm run bench`: each target is a ratio against a peer or ceiling measured in the same run,
// or a fixed goal. `npx tsx bench/run.ts sync` (or store, calendar, intake, reports, search, queue, scans, pull) runs only
// those groups: the sync benches alone take a minute on a busy machine, the reports bench (a
// million cases written on each dialect) several; BENCH_REPORT_CASES=20000 makes it quick.
const benches: Bench[] = [
  { group: 'store', run: benchAppend },
  { group: 'calendar', run: benchCalendar },
  { group: 'store', run: benchWorkList },
  { group: 'intake', run: benchIntake },
  { group: 'sync', run: () => benchSync() },
  { group: 'reports', run: () => benchReports() },
  // part R of issue 16
  { group: 'search', run: () => benchCaseSearch() },
  // issue 17: the hall's queue
  { group: 'queue', run: () => benchQueue() },
  // issue 18: materials as files
  { group: 'scans', run: () => benchScans() },
  // issue 19: the center at city scale
  { group: 'pull', run: () => benchIdlePull() },
];
const only = process.argv.slice(2);
const unknown = only.filter((g) => !benches.some((b) => b.group === g));
if (unknown.length > 0) throw new Error(`no bench group ${unknown.join(', ')}`);

const results: BenchResult[] = [];
for (const bench of benches) {
  if (only.length > 0 && !only.includes(bench.group)) continue;
  for (const r of [await bench.run()].flat()) {
    results.push(r);
    console.log(
      `${r.pass ? 'PASS' : 'FAIL'}  ${r.name}: ours ${r.ours.toFixed(1)} / peer ${r.peer.toFixed(1)} ${r.unit} → ratio ${r.ratio.toFixed(2)} (${r.target})${r.detail ? ` — ${r.detail}` : ''}`,
    );
  }
}
console.table(
  results.map((r) => ({
    benchmark: r.name,
    ours: +r.ours.toFixed(2),
    peer: +r.peer.toFixed(2),
    unit: r.unit,
    ratio: +r.ratio.toFixed(3),
    target: r.target,
    pass: r.pass,
  })),
);

// A partial run keeps the other groups' last results (by name), so the file always holds one
// line per bench.
const file = 'bench/results.json';
const kept =
  only.length > 0 && existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { results: BenchResult[] }).results
    : [];
const merged = kept.map((old) => results.find((r) => r.name === old.name) ?? old);
for (const r of results) if (!merged.includes(r)) merged.push(r);
writeFileSync(
  file,
  JSON.stringify(
    { measuredAt: new Date().toISOString(), node: process.version, results: merged },
    null,
    2,
  ) + '\n',
);
if (results.some((r) => !r.pass)) process.exitCode = 1;
