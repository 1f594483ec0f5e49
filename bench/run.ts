import { writeFileSync } from 'node:fs';
import { benchCalendar } from './calendar';
import { benchIntake } from './intake';
import { benchAppend, benchWorkList } from './store';
import type { BenchResult } from './types';

// `npm run bench`: each target is a ratio against a peer or ceiling measured in the same run.
const results: BenchResult[] = [];
for (const bench of [benchAppend, benchCalendar, benchWorkList, benchIntake]) {
  const r = await bench();
  results.push(r);
  console.log(
    `${r.pass ? 'PASS' : 'FAIL'}  ${r.name}: ours ${r.ours.toFixed(1)} / peer ${r.peer.toFixed(1)} ${r.unit} → ratio ${r.ratio.toFixed(2)} (${r.target})`,
  );
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
writeFileSync(
  'bench/results.json',
  JSON.stringify(
    { measuredAt: new Date().toISOString(), node: process.version, results },
    null,
    2,
  ) + '\n',
);
if (results.some((r) => !r.pass)) process.exitCode = 1;
