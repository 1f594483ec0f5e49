import { createHash } from 'node:crypto';
import {
  archiveManifestSchema,
  manifestName,
  type ArchiveManifest,
} from '../../shared/archive/manifest';
import { materialFilesSchema } from '../../shared/case';
import type { SignedEvent } from '../../shared/sync';
import { eventFault } from '../events/crypto';
import { zipEntries } from './zip';

// The offline check of a case archive (`npm run verify-archive -- file.zip`). It trusts nothing
// of the exporting PC but the device keys in the manifest: each event must re-hash to its hash
// with the product's own canonical recipe and carry its device's signature, each device's events
// must chain, and each file named by the manifest or by a signed `materialsAttached` must be in
// the ZIP with exactly those bytes. Whoever forges a scan must then forge the signed event that
// names it, which needs the device's private key.

/** One thing found wrong, said in Chinese and in English; `subject` names what (a path, an event). */
export type ArchiveProblem = { subject: string; zh: string; en: string };

export type ArchiveVerdict = {
  problems: ArchiveProblem[];
  /** what was checked, for the report's summary line */
  checked: { files: number; events: number; devices: number; materialFiles: number };
  caseNumber: string | null;
  /**
   * The keys the signatures were checked with, as the archive itself gives them: each must be
   * compared with the key the center registered for that device (the check cannot do it offline)
   */
  deviceKeys: { id: string; fingerprint: string }[];
};

const empty = { files: 0, events: 0, devices: 0, materialFiles: 0 };

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function verifyArchive(zip: Uint8Array): ArchiveVerdict {
  let entries: Map<string, Uint8Array>;
  try {
    entries = zipEntries(zip);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      problems: [
        {
          subject: 'ZIP',
          zh: `不是可读取的 ZIP 文件（${why}）`,
          en: `not a readable ZIP (${why})`,
        },
      ],
      checked: empty,
      caseNumber: null,
      deviceKeys: [],
    };
  }
  const manifestBytes = entries.get(manifestName);
  if (!manifestBytes)
    return {
      problems: [{ subject: manifestName, zh: '缺少清单文件', en: 'the manifest is missing' }],
      checked: empty,
      caseNumber: null,
      deviceKeys: [],
    };
  let manifest: ArchiveManifest;
  try {
    const parsed = archiveManifestSchema.safeParse(
      JSON.parse(new TextDecoder().decode(manifestBytes)),
    );
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') ?? '';
      return {
        problems: [
          {
            subject: manifestName,
            zh: `清单格式不符：${where} ${issue?.message ?? ''}`,
            en: `the manifest does not match its format at ${where}`,
          },
        ],
        checked: empty,
        caseNumber: null,
        deviceKeys: [],
      };
    }
    manifest = parsed.data;
  } catch {
    return {
      problems: [
        { subject: manifestName, zh: '清单不是有效的 JSON', en: 'the manifest is not valid JSON' },
      ],
      checked: empty,
      caseNumber: null,
      deviceKeys: [],
    };
  }
  const problems = [
    ...(manifest.events.length === 0
      ? [{ subject: 'manifest.json', zh: '档案中没有任何事件', en: 'the archive holds no event' }]
      : []),
    ...fileProblems(manifest, entries),
    ...eventProblems(manifest),
    ...chainProblems(manifest.events),
    ...attachedProblems(manifest),
  ];
  return {
    problems,
    checked: {
      files: manifest.files.length,
      events: manifest.events.length,
      devices: manifest.devices.length,
      materialFiles: manifest.files.filter((f) => f.kind === 'material').length,
    },
    caseNumber: manifest.case.caseNumber,
    deviceKeys: manifest.devices.map((d) => ({
      id: d.id,
      fingerprint: sha256(Buffer.from(d.publicKey)).slice(0, 16),
    })),
  };
}

/** Every listed file present with its size and hash; nothing in the ZIP that is not listed. */
function fileProblems(
  manifest: ArchiveManifest,
  entries: Map<string, Uint8Array>,
): ArchiveProblem[] {
  const problems: ArchiveProblem[] = [];
  const listed = new Set<string>([manifestName]);
  for (const f of manifest.files) {
    listed.add(f.path);
    const bytes = entries.get(f.path);
    if (!bytes) {
      problems.push({
        subject: f.path,
        zh: '清单所列文件不在压缩包中',
        en: 'listed in the manifest but not in the ZIP',
      });
      continue;
    }
    if (bytes.length !== f.bytes)
      problems.push({
        subject: f.path,
        zh: `大小不符：清单 ${f.bytes} 字节，实际 ${bytes.length} 字节`,
        en: `size differs: manifest ${f.bytes} bytes, file ${bytes.length} bytes`,
      });
    if (sha256(bytes) !== f.sha256)
      problems.push({
        subject: f.path,
        zh: 'SHA-256 与清单不符（文件被改动）',
        en: 'SHA-256 differs from the manifest (the file was changed)',
      });
  }
  for (const path of entries.keys())
    if (!listed.has(path))
      problems.push({
        subject: path,
        zh: '压缩包中有清单未列的文件',
        en: 'in the ZIP but not listed in the manifest',
      });
  return problems;
}

/** Each event re-hashes to its hash and carries its device's signature over it. */
function eventProblems(manifest: ArchiveManifest): ArchiveProblem[] {
  const keys = new Map(manifest.devices.map((d) => [d.id, d.publicKey]));
  const problems: ArchiveProblem[] = [];
  for (const e of manifest.events) {
    const subject = `事件/event ${e.deviceId}#${e.deviceSeq} ${e.type}`;
    if (e.caseId !== manifest.case.id)
      problems.push({ subject, zh: '事件不属于本办件', en: 'the event belongs to another case' });
    const fault = eventFault(e, keys.get(e.deviceId));
    if (fault === 'altered')
      problems.push({
        subject,
        zh: '内容与其哈希不符（事件被改动）',
        en: 'content does not match its hash (the event was changed)',
      });
    else if (fault === 'unknownDevice')
      problems.push({
        subject,
        zh: '清单中没有该设备的公钥',
        en: "the manifest has no key for the event's device",
      });
    else if (fault === 'badSignature')
      problems.push({
        subject,
        zh: '签名无效',
        en: 'the signature does not verify under its device key',
      });
  }
  return problems;
}

/** Within each device, consecutive events (by device_seq) chain: each names the one before. */
function chainProblems(events: readonly SignedEvent[]): ArchiveProblem[] {
  const byDevice = new Map<string, SignedEvent[]>();
  for (const e of events) byDevice.set(e.deviceId, [...(byDevice.get(e.deviceId) ?? []), e]);
  const problems: ArchiveProblem[] = [];
  for (const [device, list] of byDevice) {
    const ordered = [...list].sort((a, b) => a.deviceSeq - b.deviceSeq);
    for (let i = 1; i < ordered.length; i += 1) {
      const before = ordered[i - 1]!;
      const e = ordered[i]!;
      if (e.deviceSeq === before.deviceSeq)
        problems.push({
          subject: `设备/device ${device}#${e.deviceSeq}`,
          zh: '同一设备序号出现两次',
          en: 'the same device_seq appears twice',
        });
      else if (e.deviceSeq === before.deviceSeq + 1 && e.prevHash !== before.hash)
        problems.push({
          subject: `设备/device ${device}#${e.deviceSeq}`,
          zh: `哈希链断开：prev_hash 不是 #${before.deviceSeq} 的哈希`,
          en: `chain broken: prev_hash is not the hash of #${before.deviceSeq}`,
        });
    }
  }
  return problems;
}

/** Every file a signed `materialsAttached` names is in the archive under that hash. */
function attachedProblems(manifest: ArchiveManifest): ArchiveProblem[] {
  const archived = new Set(
    manifest.files.filter((f) => f.kind === 'material').map((f) => f.sha256),
  );
  const missing = new Map(manifest.missing.map((m) => [m.sha256, m.reason]));
  const named = new Set<string>();
  for (const e of manifest.events) {
    if (e.type !== 'materialsAttached') continue;
    const materials = (e.payload as { materials?: unknown }).materials;
    for (const m of Array.isArray(materials) ? materials : []) {
      const parsed = materialFilesSchema.safeParse(m);
      if (parsed.success) for (const f of parsed.data.files) named.add(f.sha256);
    }
  }
  const problems: ArchiveProblem[] = [];
  for (const hash of named) {
    if (archived.has(hash)) continue;
    const reason = missing.get(hash);
    problems.push({
      subject: `材料文件/material file ${hash.slice(0, 12)}…`,
      zh: reason ? `导出时未能取得（${reason}）` : '已签名的附材料事件所列文件不在档案中',
      en: reason
        ? 'could not be had when exported (listed as missing)'
        : 'named by a signed materialsAttached event but not in the archive',
    });
  }
  return problems;
}
