import { createHash } from 'node:crypto';
import { receiptName, signedReceiptSchema, type SignedReceipt } from '../../shared/archive/receipt';
import { keyFingerprint, receiptHash } from './receipt';
import {
  archiveManifestSchema,
  manifestName,
  materialPath,
  type ArchiveManifest,
} from '../../shared/archive/manifest';
import { documentOfEvent } from '../../shared/documents';
import { materialFilesSchema } from '../../shared/case';
import type { SignedEvent } from '../../shared/sync';
import { eventFault, signatureValid } from '../events/crypto';
import { archiveJson, readZip, type ZipContents } from './zip';

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
  /** the fingerprint of the key the center receipt is signed with; null: no receipt */
  centerKey: string | null;
  /**
   * When the center said so, and how many of the events it holds it set aside as conflicted
   * (stored, never in effect): the receipt speaks for the case as of `issuedAt`, not after
   */
  receipt: {
    centerName: string;
    issuedAt: string;
    /** the PC that asked for it: the exporter */
    requestedBy: string;
    conflicted: number;
  } | null;
};

const empty = { files: 0, events: 0, devices: 0, materialFiles: 0 };

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * How far the manifest's export time may be from the receipt's: the export asks right after it
 * writes the manifest, and a PC's clock is held to minutes of the center's (its clock banner).
 */
const exportReceiptSkewMs = 15 * 60_000;

/** The verdict of an archive the check could not read as far as its manifest. */
function unreadable(problem: ArchiveProblem): ArchiveVerdict {
  return {
    problems: [problem],
    checked: empty,
    caseNumber: null,
    deviceKeys: [],
    centerKey: null,
    receipt: null,
  };
}

/** The JSON of one of the archive's own files, only as the export writes it (`archiveJson`). */
function exportedJson(
  bytes: Uint8Array,
): { value: unknown; problem: null } | { value: null; problem: 'json' | 'respelled' } {
  const text = new TextDecoder().decode(bytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { value: null, problem: 'json' };
  }
  // a key written twice, or the file written again by hand: what a person reads there may not
  // be what was checked
  if (new TextDecoder().decode(archiveJson(value)) !== text)
    return { value: null, problem: 'respelled' };
  return { value, problem: null };
}

const respelled = (subject: string): ArchiveProblem => ({
  subject,
  zh: '不是导出时写出的原样（有重复的键或被重新编写）',
  en: 'not as the export wrote it (a key twice, or written again)',
});

/**
 * `expectedCenterKey`: the fingerprint the center publishes (its console, `center.receiptKey`),
 * whole (`parseFingerprint`); given, a receipt signed by any other key fails. Without it the
 * report prints the fingerprint for whoever relies on the archive to compare.
 */
export function verifyArchive(zip: Uint8Array, expectedCenterKey?: string): ArchiveVerdict {
  let contents: ZipContents;
  try {
    contents = readZip(zip);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return unreadable({
      subject: 'ZIP',
      zh: `不是可读取的 ZIP 文件（${why}）`,
      en: `not a readable ZIP (${why})`,
    });
  }
  const { entries } = contents;
  const manifestBytes = entries.get(manifestName);
  if (!manifestBytes)
    return unreadable({ subject: manifestName, zh: '缺少清单文件', en: 'the manifest is missing' });
  const json = exportedJson(manifestBytes);
  if (json.problem === 'json')
    return unreadable({
      subject: manifestName,
      zh: '清单不是有效的 JSON',
      en: 'the manifest is not valid JSON',
    });
  if (json.problem === 'respelled') return unreadable(respelled(manifestName));
  const parsed = archiveManifestSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    return unreadable({
      subject: manifestName,
      zh: `清单格式不符：${where} ${issue?.message ?? ''}`,
      en: `the manifest does not match its format at ${where}`,
    });
  }
  const manifest = parsed.data;
  const receipt = readReceipt(entries.get(receiptName));
  const problems = [
    ...(manifest.events.length === 0
      ? [{ subject: 'manifest.json', zh: '档案中没有任何事件', en: 'the archive holds no event' }]
      : []),
    ...nameProblems(contents),
    ...fileProblems(manifest, entries),
    ...eventProblems(manifest),
    ...chainProblems(manifest.events),
    ...attachedProblems(manifest),
    ...materialProblems(manifest),
    ...documentProblems(manifest, receipt.signed),
    ...receiptProblems(manifest, manifestBytes, receipt, expectedCenterKey),
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
      fingerprint: keyFingerprint(d.publicKey),
    })),
    centerKey: receipt.signed ? keyFingerprint(receipt.signed.centerKey) : null,
    receipt: receipt.signed
      ? {
          centerName: receipt.signed.receipt.centerName,
          issuedAt: receipt.signed.receipt.issuedAt,
          requestedBy: receipt.signed.receipt.requestedBy,
          conflicted: receipt.signed.receipt.events.filter((e) => e.status === 'conflicted').length,
        }
      : null,
  };
}

type ReadReceipt = {
  /** the receipt as the center signed it; null: none, or not readable (`problem` says) */
  signed: SignedReceipt | null;
  problem: ArchiveProblem | null;
  present: boolean;
};

function readReceipt(bytes: Uint8Array | undefined): ReadReceipt {
  if (!bytes) return { signed: null, problem: null, present: false };
  const malformed = {
    signed: null,
    present: true,
    problem: {
      subject: receiptName,
      zh: '中心回执格式无效',
      en: 'the center receipt is malformed',
    },
  };
  const json = exportedJson(bytes);
  if (json.problem === 'json') return malformed;
  if (json.problem === 'respelled')
    return { signed: null, present: true, problem: respelled(receiptName) };
  const parsed = signedReceiptSchema.safeParse(json.value);
  if (!parsed.success) return malformed;
  if (
    !signatureValid(parsed.data.centerKey, receiptHash(parsed.data.receipt), parsed.data.signature)
  )
    return {
      signed: null,
      present: true,
      problem: {
        subject: receiptName,
        zh: '中心回执的签名无效',
        en: 'the center receipt’s signature does not hold',
      },
    };
  return { signed: parsed.data, problem: null, present: true };
}

/**
 * The archive against the center's signed receipt: the same events (none left out, none the
 * center never took), the devices' keys as the center registered them, every file the center
 * holds for the case present. Without a receipt nothing ties the archive to the center.
 */
function receiptProblems(
  manifest: ArchiveManifest,
  manifestBytes: Uint8Array,
  read: ReadReceipt,
  expectedCenterKey: string | undefined,
): ArchiveProblem[] {
  const subject = receiptName;
  if (!read.present) {
    const why = manifest.receiptMissing ? `（${manifest.receiptMissing}）` : '';
    return [
      {
        subject,
        zh: `档案没有中心回执${why}：不能证明事件齐全、设备公钥属实`,
        en: 'the archive has no center receipt: neither the completeness of its events nor its device keys can be shown',
      },
    ];
  }
  if (!read.signed) return [read.problem!];
  const { receipt } = read.signed;
  const signed = read.signed;
  const problems: ArchiveProblem[] = [];
  if (expectedCenterKey && keyFingerprint(signed.centerKey) !== expectedCenterKey) {
    problems.push({
      subject,
      zh: `回执不是由指定的中心公钥（${expectedCenterKey}）签发`,
      en: `the receipt was not signed by the given center key (${expectedCenterKey})`,
    });
  }
  if (receipt.caseId !== manifest.case.id || receipt.caseNumber !== manifest.case.caseNumber) {
    problems.push({ subject, zh: '回执属于另一个办件', en: 'the receipt is of another case' });
  }
  // everything the manifest claims (which PDF an event issued, which scan is which material, the
  // case summary, who exported it) is as the exporting PC showed it to the center
  if (receipt.manifestSha256 !== sha256(manifestBytes)) {
    problems.push({
      subject: manifestName,
      zh: '清单与中心回执所见的不一致（导出后被改动）',
      en: 'the manifest is not the one the center receipt saw (changed after the export)',
    });
  }
  // the receipt goes with the export it was asked for: by the PC the manifest names, at its time
  // (not by a colleague's PC, months later, for a rewritten archive)
  if (receipt.requestedBy !== manifest.exportedOn) {
    problems.push({
      subject: manifestName,
      zh: `清单所称的导出终端与向中心索取回执的终端（${receipt.requestedBy}）不是同一台`,
      en: 'the manifest names another PC as its exporter than the one that asked for the receipt',
    });
  }
  const apart = Math.abs(Date.parse(manifest.exportedAt) - Date.parse(receipt.issuedAt));
  if (!(apart <= exportReceiptSkewMs)) {
    problems.push({
      subject: manifestName,
      zh: `清单的导出时间（${manifest.exportedAt}）与回执签发时间相差超过 ${exportReceiptSkewMs / 60_000} 分钟`,
      en: 'the export time is not close to when the receipt was issued',
    });
  }
  const archived = new Map(manifest.events.map((e) => [e.id, e]));
  for (const e of receipt.events) {
    const held = archived.get(e.id);
    if (!held) {
      problems.push({
        subject: `event ${e.id}`,
        zh: '中心持有的事件不在档案中（被删去）',
        en: 'an event the center holds is missing from the archive',
      });
    } else if (
      held.hash !== e.hash ||
      held.deviceId !== e.deviceId ||
      held.deviceSeq !== e.deviceSeq
    ) {
      problems.push({
        subject: `event ${e.id}`,
        zh: '事件与中心持有的不一致',
        en: 'the event differs from the one the center holds',
      });
    }
  }
  const witnessed = new Set(receipt.events.map((e) => e.id));
  for (const e of manifest.events) {
    if (!witnessed.has(e.id)) {
      problems.push({
        subject: `event ${e.id}`,
        zh: '事件未经中心确认（中心没有这个事件）',
        en: 'the center does not hold this event',
      });
    }
  }
  const registered = new Map(receipt.devices.map((d) => [d.id, d.publicKey]));
  for (const d of manifest.devices) {
    if (registered.has(d.id) && registered.get(d.id) !== d.publicKey) {
      problems.push({
        subject: `device ${d.id}`,
        zh: '设备公钥与中心登记的不一致',
        en: 'the device key differs from the one the center registered',
      });
    }
  }
  const present = new Set(manifest.files.map((f) => f.sha256));
  for (const sha of receipt.files) {
    if (!present.has(sha)) {
      problems.push({
        subject: `file ${sha}`,
        zh: '中心持有的材料文件不在档案中',
        en: 'a file the center holds for the case is missing from the archive',
      });
    }
  }
  return problems;
}

/** No name twice, none that leaves its folder, nothing unlisted: a tool extracts what was checked. */
function nameProblems({ duplicates, unsafe, hidden }: ZipContents): ArchiveProblem[] {
  return [
    ...hidden.map((what) => ({
      subject: 'ZIP',
      zh: `${what}（某些解压工具会取出未经核验的内容）`,
      en: 'bytes the ZIP directory does not list (some tools would extract unchecked content)',
    })),
    ...duplicates.map((name) => ({
      subject: name,
      zh: '压缩包中同名文件不止一个（不同工具取出的内容可能不同）',
      en: 'more than one entry by this name (tools may extract different bytes)',
    })),
    ...unsafe.map((name) => ({
      subject: JSON.stringify(name),
      zh: '文件路径不安全（跳出解压目录、绝对路径、反斜杠或控制字符）',
      en: 'unsafe path (leaves the folder, absolute, backslash or control character)',
    })),
  ];
}

/**
 * Each material file is one a signed `materialsAttached` named, under its own hash's name, listed
 * with exactly the materials the signed events attached it to: no paper slipped in, none moved.
 */
function materialProblems(manifest: ArchiveManifest): ArchiveProblem[] {
  const attachedTo = signedAttachments(manifest);
  const problems: ArchiveProblem[] = [];
  for (const f of manifest.files) {
    if (f.kind !== 'material') continue;
    const ids = attachedTo.get(f.sha256);
    if (!ids) {
      problems.push({
        subject: f.path,
        zh: '没有任何已签名的附材料事件列有此文件（不是申请人交来的材料）',
        en: 'no signed materialsAttached names this file',
      });
      continue;
    }
    if (f.path !== materialPath(f.sha256, f.mediaType))
      problems.push({
        subject: f.path,
        zh: `路径须为 ${materialPath(f.sha256, f.mediaType)}`,
        en: 'a material file must be named by its hash',
      });
    const listed = [...(f.materialIds ?? [])].sort();
    if (listed.join('\n') !== [...ids].sort().join('\n'))
      problems.push({
        subject: f.path,
        zh: '所属材料与已签名的附材料事件不符',
        en: 'the materials it is listed under differ from the signed events',
      });
  }
  return problems;
}

/**
 * Each PDF is the document of an event of the case that issues that kind of document, one per
 * event; and each such event the center holds in effect has its PDF: no decision added, no
 * notice left out. (What a PDF says is bound by its hash in the manifest, which the center's
 * receipt binds in turn.)
 */
function documentProblems(
  manifest: ArchiveManifest,
  signed: SignedReceipt | null,
): ArchiveProblem[] {
  const events = new Map(manifest.events.map((e) => [e.id, e]));
  const problems: ArchiveProblem[] = [];
  const printed = new Set<string>();
  const setAside = new Set(
    signed?.receipt.events.filter((e) => e.status === 'conflicted').map((e) => e.id),
  );
  for (const f of manifest.files) {
    if (f.kind !== 'document') continue;
    const e = f.eventId ? events.get(f.eventId) : undefined;
    if (!e || !f.documentKind || documentOfEvent[e.type] !== f.documentKind) {
      problems.push({
        subject: f.path,
        zh: '文书不对应本办件中签发该种文书的事件',
        en: 'the document is not of an event of the case that issues that kind',
      });
      continue;
    }
    if (printed.has(e.id))
      problems.push({
        subject: f.path,
        zh: '同一事件的文书不止一份',
        en: 'more than one document for the same event',
      });
    if (setAside.has(e.id))
      problems.push({
        subject: f.path,
        zh: '该事件被中心列为冲突、未生效，不应有文书',
        en: 'the center set this event aside as conflicted: it issued nothing',
      });
    printed.add(e.id);
  }
  if (!signed) return problems;
  for (const held of signed.receipt.events) {
    const e = events.get(held.id);
    if (held.status !== 'accepted' || !e || !documentOfEvent[e.type] || printed.has(e.id)) continue;
    problems.push({
      subject: `事件/event ${e.deviceId}#${e.deviceSeq} ${e.type}`,
      zh: '该事件签发的文书不在档案中',
      en: 'the document this event issued is missing from the archive',
    });
  }
  return problems;
}

/** Every listed file present with its size and hash; nothing in the ZIP that is not listed. */
function fileProblems(
  manifest: ArchiveManifest,
  entries: Map<string, Uint8Array>,
): ArchiveProblem[] {
  const problems: ArchiveProblem[] = [];
  const listed = new Set<string>([manifestName, receiptName]);
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

/** Each file any `materialsAttached` of the archive names, with the materials it was attached to. */
function signedAttachments(manifest: ArchiveManifest): Map<string, Set<string>> {
  const attachedTo = new Map<string, Set<string>>();
  for (const e of manifest.events) {
    if (e.type !== 'materialsAttached') continue;
    const materials = (e.payload as { materials?: unknown }).materials;
    for (const m of Array.isArray(materials) ? materials : []) {
      const parsed = materialFilesSchema.safeParse(m);
      if (!parsed.success) continue;
      for (const f of parsed.data.files) {
        const ids = attachedTo.get(f.sha256) ?? new Set<string>();
        ids.add(parsed.data.materialId);
        attachedTo.set(f.sha256, ids);
      }
    }
  }
  return attachedTo;
}

/** Every file a signed `materialsAttached` names is in the archive under that hash. */
function attachedProblems(manifest: ArchiveManifest): ArchiveProblem[] {
  const archived = new Set(
    manifest.files.filter((f) => f.kind === 'material').map((f) => f.sha256),
  );
  const missing = new Map(manifest.missing.map((m) => [m.sha256, m.reason]));
  const problems: ArchiveProblem[] = [];
  for (const hash of signedAttachments(manifest).keys()) {
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
