import { readFileSync } from 'node:fs';
import { commandLine } from '../node-shared/cli/command-line';
import { verifyArchive } from '../node-shared/archive/verify';

// `npm run verify-archive -- file.zip`: checks a case archive offline (node-shared/archive/verify.ts)
// and says so in Chinese and English; exit 0 when everything holds, 1 when anything does not.

const usage = `核验办件档案 / verify a case archive

用法 / usage: npm run verify-archive -- <archive.zip>

  核验每个文件的 SHA-256 和大小、每个事件的哈希与设备签名、每台设备的哈希链，
  以及附材料事件所列的每个扫描件；离线进行，不连接任何服务器。
  checks every file's SHA-256 and size, every event's hash and device signature, each device's
  hash chain and every scan a materialsAttached event names; offline, no server is contacted.

  退出码 / exit code: 0 通过 / verified, 1 未通过 / failed, 2 用法错误 / usage error`;

const { positionals } = commandLine(usage, { options: {}, allowPositionals: true });
if (positionals.length !== 1) {
  console.error(usage);
  process.exit(2);
}
const file = positionals[0]!;
let zip: Uint8Array;
try {
  zip = readFileSync(file);
} catch (error) {
  console.error(
    `无法读取 / cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(2);
}
const verdict = verifyArchive(zip);
const { files, events, devices, materialFiles } = verdict.checked;
console.log(
  `档案 / archive: ${file}${verdict.caseNumber ? `  办件编号 / case ${verdict.caseNumber}` : ''}`,
);
console.log(
  `已核验 / checked: ${files} 个文件 files (${materialFiles} 个材料扫描件 scans), ${events} 个事件 events, ${devices} 台设备 devices`,
);
// What the check cannot know offline, said every time: whose keys these are, and whether events
// were left out. A court compares the fingerprints with the keys the center registered.
for (const d of verdict.deviceKeys) {
  console.log(`设备 / device ${d.id}  公钥指纹 / key fingerprint ${d.fingerprint}`);
}
if (verdict.problems.length === 0) {
  console.log(
    '✓ 核验通过：文件、事件签名与哈希链均完好 / VERIFIED: every file, signature and chain holds',
  );
  console.log(
    '  注意：公钥取自档案本身，须与中心登记的设备公钥核对；本核验不证明档案所含事件齐全。\n' +
      '  Note: the keys come from the archive itself and must be compared with the keys the center registered; this check does not prove that no event was left out.',
  );
  process.exit(0);
}
for (const p of verdict.problems) console.log(`✗ ${p.subject}: ${p.zh} / ${p.en}`);
console.log(
  `✗ 核验未通过：${verdict.problems.length} 处问题 / NOT VERIFIED: ${verdict.problems.length} problem(s)`,
);
process.exit(1);
