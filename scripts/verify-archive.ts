import { readFileSync } from 'node:fs';
import { commandLine } from '../node-shared/cli/command-line';
import { verifyArchive } from '../node-shared/archive/verify';
import { groupedFingerprint, parseFingerprint } from '../shared/archive/receipt';

// `npm run verify-archive -- file.zip`: checks a case archive offline (node-shared/archive/verify.ts)
// and says so in Chinese and English; exit 0 when everything holds, 1 when anything does not.

const usage = `核验办件档案 / verify a case archive

用法 / usage: npm run verify-archive -- <archive.zip> [--center-key <fingerprint>]

  核验每个文件的 SHA-256 和大小、每个事件的哈希与设备签名、每台设备的哈希链，
  以及附材料事件所列的每个扫描件；并以中心签名的回执核对事件是否齐全、设备公钥是否属实。
  --center-key：中心公布的回执公钥指纹（中心控制台，64位十六进制，可含空格）；
  给出时，其他密钥签发的回执不予通过。
  离线进行，不连接任何服务器。
  checks every file's SHA-256 and size, every event's hash and device signature, each device's
  hash chain and every scan a materialsAttached event names; and, against the center's signed
  receipt, that no event was left out and the device keys are the registered ones.
  --center-key: the receipt key fingerprint the center publishes (64 hex, spaces allowed);
  given, a receipt signed by any other key fails. Offline: no server is contacted.

  退出码 / exit code: 0 通过 / verified, 1 未通过 / failed, 2 用法错误 / usage error`;

const { positionals, values } = commandLine(usage, {
  options: { 'center-key': { type: 'string' } },
  allowPositionals: true,
});
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
// a key asked for but blank or cut short must not quietly turn the check off
const typedKey = values['center-key'];
const centerKey = typedKey === undefined ? undefined : parseFingerprint(typedKey);
if (centerKey === null) {
  console.error(
    `--center-key 须为完整的64位十六进制指纹 / must be the whole 64-hex fingerprint: ${JSON.stringify(typedKey)}`,
  );
  process.exit(2);
}
const verdict = verifyArchive(zip, centerKey);
const { files, events, devices, materialFiles } = verdict.checked;
console.log(
  `档案 / archive: ${file}${verdict.caseNumber ? `  办件编号 / case ${verdict.caseNumber}` : ''}`,
);
console.log(
  `已核验 / checked: ${files} 个文件 files (${materialFiles} 个材料扫描件 scans), ${events} 个事件 events, ${devices} 台设备 devices`,
);
// What the check cannot know offline, said every time: which center key signed the receipt. A
// court compares it with the fingerprint the center publishes (or passes it as --center-key).
for (const d of verdict.deviceKeys) {
  console.log(
    `设备 / device ${d.id}  公钥指纹 / key fingerprint ${groupedFingerprint(d.fingerprint)}`,
  );
}
if (verdict.centerKey) {
  console.log(
    `中心回执公钥指纹 / center receipt key fingerprint ${groupedFingerprint(verdict.centerKey)}`,
  );
}
if (verdict.receipt) {
  // the receipt vouches for the case as the center held it then, not for what came after
  console.log(
    `中心回执 / center receipt: ${verdict.receipt.centerName}，签发于 / issued at ${verdict.receipt.issuedAt}，应终端 / for PC ${verdict.receipt.requestedBy} 的请求（此后的办理环节不在其内 / later events are not covered）`,
  );
  if (verdict.receipt.conflicted > 0)
    console.log(
      `  其中 ${verdict.receipt.conflicted} 个环节被中心列为冲突，未生效 / ${verdict.receipt.conflicted} event(s) the center set aside as conflicted, not in effect`,
    );
}
if (verdict.problems.length === 0) {
  console.log(
    '✓ 核验通过：文件、事件签名与哈希链均完好 / VERIFIED: every file, signature and chain holds',
  );
  if (!centerKey) {
    console.log(
      '  注意：请将中心回执公钥指纹与中心公布的指纹核对（或以 --center-key 指定）。\n' +
        '  Note: compare the center receipt key fingerprint with the one the center publishes (or give it as --center-key).',
    );
  }
  process.exit(0);
}
for (const p of verdict.problems) console.log(`✗ ${p.subject}: ${p.zh} / ${p.en}`);
console.log(
  `✗ 核验未通过：${verdict.problems.length} 处问题 / NOT VERIFIED: ${verdict.problems.length} problem(s)`,
);
process.exit(1);
