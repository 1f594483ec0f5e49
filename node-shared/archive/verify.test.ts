import { createHash, randomBytes } from 'node:crypto';
import { Zip, ZipPassThrough, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { archiveFormat, type ArchiveManifest } from '../../shared/archive/manifest';
import { genesisHash, type EventEnvelope, type SignedEvent } from '../../shared/sync';
import { eventHash, hashSigner, newKeyPair } from '../events/crypto';
import { verifyArchive } from './verify';
import { keyFingerprint, receiptHash } from './receipt';
import { groupedFingerprint, parseFingerprint } from '../../shared/archive/receipt';
import {
  receiptFormat,
  receiptName,
  type CaseReceipt,
  type SignedReceipt,
} from '../../shared/archive/receipt';
import { archiveJson, archiveZip, readZip } from './zip';

const caseId = '0190c0de-0000-7000-8000-000000000001';
const caseEventId = (i: number) => `0190c0de-0000-7000-8000-${String(i + 10).padStart(12, '0')}`;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A device's chain of signed events, made with the product's own hash and signature. */
function chain(deviceId: string, bodies: { type: string; payload: unknown }[]) {
  const keys = newKeyPair();
  const sign = hashSigner(keys.privateKey);
  let prev = genesisHash;
  const events = bodies.map((b, i): SignedEvent => {
    const envelope: EventEnvelope = {
      id: caseEventId(i),
      caseId,
      type: b.type,
      payload: b.payload,
      actor: { userId: 'u1', name: '张敏', role: 'clerk' },
      windowId: 'w1',
      occurredAt: `2026-03-02T09:0${i}:00+08:00`,
      deviceId,
      deviceSeq: i + 1,
      prevHash: prev,
    };
    const hash = eventHash(envelope);
    prev = hash;
    return { ...envelope, hash, signature: sign(hash) };
  });
  return { events, publicKey: keys.publicKey, sign };
}

function goodArchive() {
  const scans = [randomBytes(3000), randomBytes(2000)];
  const pdf = Buffer.from('%PDF-1.7\n受理通知书\n%%EOF\n');
  const attached = scans.map((s) => ({
    sha256: sha(s),
    mediaType: 'image/jpeg',
    bytes: s.length,
    source: 'camera',
  }));
  const {
    events,
    publicKey,
    sign: deviceSigner,
  } = chain('dev-1', [
    { type: 'received', payload: { applicant: { kind: 'person', name: '李四' } } },
    { type: 'materialsAttached', payload: { materials: [{ materialId: 'm1', files: attached }] } },
    { type: 'accepted', payload: {} },
  ]);
  const files = new Map<string, Uint8Array>([
    [`materials/${attached[0]!.sha256}.jpg`, scans[0]!],
    [`materials/${attached[1]!.sha256}.jpg`, scans[1]!],
    ['documents/01-acceptance.pdf', pdf],
  ]);
  const accepted = events[2]!;
  const manifest: ArchiveManifest = {
    format: archiveFormat,
    exportedAt: '2026-03-03T10:00:00+08:00',
    exportedBy: { userId: 'u2', name: '王芳', role: 'chief' },
    exportedOn: 'dev-1',
    case: {
      id: caseId,
      caseNumber: 'SJ-20260302-01-0001',
      item: { code: 'X1', name: '食品经营许可' },
      applicant: { kind: 'person', name: '李*' },
    },
    devices: [{ id: 'dev-1', publicKey }],
    events,
    files: [...files].map(([path, bytes]) => ({
      path,
      sha256: sha(bytes),
      bytes: bytes.length,
      ...(path.startsWith('materials/')
        ? { mediaType: 'image/jpeg', kind: 'material', materialIds: ['m1'] }
        : {
            mediaType: 'application/pdf',
            kind: 'document',
            eventId: accepted.id,
            documentKind: 'acceptance',
          }),
    })),
    missing: [],
  };
  // the center's word on what it holds: every event, the device's key, both scans (signed over
  // the manifest the PC shows it when the ZIP is made: `exported`)
  const held: Omit<CaseReceipt, 'manifestSha256'> = {
    format: receiptFormat,
    centerName: '示范区政务服务中心',
    issuedAt: '2026-03-03T10:00:00+08:00',
    caseId,
    caseNumber: manifest.case.caseNumber,
    events: events.map((e, i) => ({
      id: e.id,
      deviceId: e.deviceId,
      deviceSeq: e.deviceSeq,
      hash: e.hash,
      serverSeq: i + 1,
      status: 'accepted',
    })),
    devices: [{ id: 'dev-1', publicKey }],
    files: attached.map((a) => a.sha256).sort(),
    requestedBy: 'dev-1',
  };
  return { manifest, files, held, keys: { publicKey, sign: deviceSigner } };
}

type Archive = ReturnType<typeof goodArchive>;
/** How the center's receipt is written into the ZIP; null: none */
type Witness = ((r: CaseReceipt) => Uint8Array) | null;
const honestCenter = (r: CaseReceipt) => receiptBytes(signedReceipt(centerKeys, r));

/** The ZIP as the export makes it: the center's receipt over the manifest the PC shows it. */
function exported(a: Archive, witness: Witness = honestCenter): Uint8Array {
  const manifest = archiveJson(a.manifest);
  const files = new Map(a.files);
  if (witness) files.set(receiptName, witness({ ...a.held, manifestSha256: sha(manifest) }));
  return archiveZip(manifest, files);
}

/** The center's receipt key of these tests (the one its console would publish). */
const centerKeys = newKeyPair();

function signedReceipt(
  keys: { publicKey: string; privateKey: string },
  receipt: CaseReceipt,
): SignedReceipt {
  return {
    receipt,
    centerKey: keys.publicKey,
    signature: hashSigner(keys.privateKey)(receiptHash(receipt)),
  };
}

function receiptBytes(r: SignedReceipt): Uint8Array {
  return archiveJson(r);
}

/**
 * An archive whose exporting PC lied: `change` edited its manifest or files before the ZIP was
 * made and shown to the center, which can only witness what it was shown.
 */
function rezipped(change: (a: Archive) => void, witness: Witness = honestCenter): Uint8Array {
  const a = goodArchive();
  change(a);
  return exported(a, witness);
}

/** An archive changed after the export: the receipt saw the manifest as it was. */
function changedAfter(change: (a: Archive) => void): Uint8Array {
  const a = goodArchive();
  const shown = sha(archiveJson(a.manifest));
  change(a);
  return exported(a, (r) => honestCenter({ ...r, manifestSha256: shown }));
}

function flipByte(bytes: Uint8Array, at: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

function problems(zip: Uint8Array): string[] {
  return verifyArchive(zip).problems.map((p) => `${p.subject}: ${p.zh} / ${p.en}`);
}

describe('verifyArchive', () => {
  it('verifies an archive as exported', () => {
    const a = goodArchive();
    const verdict = verifyArchive(exported(a));
    expect(verdict.problems).toEqual([]);
    expect(verdict.checked).toEqual({ files: 3, events: 3, devices: 1, materialFiles: 2 });
    expect(verdict.receipt).toEqual({
      centerName: '示范区政务服务中心',
      issuedAt: '2026-03-03T10:00:00+08:00',
      requestedBy: 'dev-1',
      conflicted: 0,
    });
    // the ZIP as written holds exactly the manifest, the files and the receipt
    expect([...readZip(exported(a)).entries.keys()].sort()).toEqual(
      ['manifest.json', receiptName, ...a.files.keys()].sort(),
    );
  });

  it('gives the keys it checked with, to compare with the center’s, and refuses an archive of no events', () => {
    const a = goodArchive();
    const verdict = verifyArchive(exported(a));
    // the whole SHA-256: a prefix could be matched by a second key made for the purpose
    expect(verdict.deviceKeys).toEqual(
      a.manifest.devices.map((d) => ({ id: d.id, fingerprint: sha(Buffer.from(d.publicKey)) })),
    );
    const emptied = rezipped((a) => {
      a.manifest.events = [];
      a.manifest.files = [];
      a.manifest.devices = [];
      a.files.clear();
    }, null);
    expect(problems(emptied)).toEqual([
      'manifest.json: 档案中没有任何事件 / the archive holds no event',
      'center-receipt.json: 档案没有中心回执：不能证明事件齐全、设备公钥属实 / the archive has no center receipt: neither the completeness of its events nor its device keys can be shown',
    ]);
  });

  it('names a scan one byte of which was changed', () => {
    let path = '';
    const found = problems(
      rezipped(({ files }) => {
        path = [...files.keys()].find((p) => p.startsWith('materials/'))!;
        files.set(path, flipByte(files.get(path)!, 100));
      }),
    );
    expect(found).toEqual([
      `${path}: SHA-256 与清单不符（文件被改动） / SHA-256 differs from the manifest (the file was changed)`,
    ]);
  });

  it('names a PDF one byte of which was changed', () => {
    const found = problems(
      rezipped(({ files }) =>
        files.set(
          'documents/01-acceptance.pdf',
          flipByte(files.get('documents/01-acceptance.pdf')!, 3),
        ),
      ),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^documents\/01-acceptance\.pdf: SHA-256 与清单不符/);
  });

  it("names an event whose payload was changed, even when the manifest's file list was fixed up", () => {
    const found = problems(
      rezipped(({ manifest }) => {
        const received = manifest.events[0]!;
        received.payload = { applicant: { kind: 'person', name: '李五' } };
      }),
    );
    expect(found).toEqual([
      '事件/event dev-1#1 received: 内容与其哈希不符（事件被改动） / content does not match its hash (the event was changed)',
    ]);
  });

  it('names an event whose hash was recomputed after the change: its signature and the chain give it away', () => {
    const found = problems(
      rezipped(({ manifest }) => {
        const e = manifest.events[0]!;
        e.payload = { applicant: { kind: 'person', name: '李五' } };
        e.hash = eventHash(e);
      }),
    );
    expect(found).toEqual([
      '事件/event dev-1#1 received: 签名无效 / the signature does not verify under its device key',
      '设备/device dev-1#2: 哈希链断开：prev_hash 不是 #1 的哈希 / chain broken: prev_hash is not the hash of #1',
      `event ${caseEventId(0)}: 事件与中心持有的不一致 / the event differs from the one the center holds`,
    ]);
  });

  it('names a changed signature', () => {
    const found = problems(
      rezipped(({ manifest }) => {
        const e = manifest.events[2]!;
        const sig = Buffer.from(e.signature, 'base64');
        e.signature = Buffer.from(flipByte(sig, 5)).toString('base64');
      }),
    );
    expect(found).toEqual([
      '事件/event dev-1#3 accepted: 签名无效 / the signature does not verify under its device key',
    ]);
  });

  it('names a removed scan, both as a listed file and as one a signed event names', () => {
    let hash = '';
    const found = problems(
      rezipped(({ files }) => {
        const path = [...files.keys()].find((p) => p.startsWith('materials/'))!;
        files.delete(path);
        hash = path.slice('materials/'.length, -'.jpg'.length);
      }),
    );
    expect(found).toEqual([
      `materials/${hash}.jpg: 清单所列文件不在压缩包中 / listed in the manifest but not in the ZIP`,
    ]);
    const unlisted = problems(
      rezipped(({ files, manifest }) => {
        const path = [...files.keys()].find((p) => p.startsWith('materials/'))!;
        files.delete(path);
        manifest.files = manifest.files.filter((f) => f.path !== path);
      }),
    );
    expect(unlisted).toHaveLength(2);
    expect(unlisted[0]).toMatch(
      /^材料文件\/material file [0-9a-f]{12}…: 已签名的附材料事件所列文件不在档案中/,
    );
    // and the center, which holds it, says so too
    expect(unlisted[1]).toMatch(/^file [0-9a-f]{64}: 中心持有的材料文件不在档案中/);
  });

  it('names an extra file', () => {
    const found = problems(
      rezipped(({ files }) => files.set('materials/extra.jpg', randomBytes(10))),
    );
    expect(found).toEqual([
      'materials/extra.jpg: 压缩包中有清单未列的文件 / in the ZIP but not listed in the manifest',
    ]);
  });

  it('says a file the export could not get is missing, and fails', () => {
    const found = problems(
      rezipped(({ files, manifest }) => {
        const f = manifest.files.find((x) => x.kind === 'material')!;
        files.delete(f.path);
        manifest.files = manifest.files.filter((x) => x !== f);
        manifest.missing = [{ sha256: f.sha256, reason: '本机没有，中心也无法取得' }];
      }),
    );
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/导出时未能取得（本机没有，中心也无法取得）/);
    expect(found[1]).toMatch(/中心持有的材料文件不在档案中/);
  });

  it('catches the review’s forgeries: events re-signed with other keys, events left out', () => {
    // C: page 2 replaced, its event edited and every event re-signed with a new key, listed
    const other = newKeyPair();
    const resign = hashSigner(other.privateKey);
    const rekeyed = rezipped(({ manifest }) => {
      let prev = manifest.events[0]!.prevHash;
      for (const e of manifest.events) {
        e.prevHash = prev;
        e.hash = eventHash(e);
        e.signature = resign(e.hash);
        prev = e.hash;
      }
      manifest.devices = [{ id: 'dev-1', publicKey: other.publicKey }];
    });
    expect(problems(rekeyed)).toContain(
      'device dev-1: 设备公钥与中心登记的不一致 / the device key differs from the one the center registered',
    );
    // A: the last event dropped (its chain still holds: nothing follows it on this device)
    const dropped = problems(rezipped(({ manifest }) => void manifest.events.pop()));
    expect(dropped).toEqual([
      // the acceptance notice's event is gone, so the notice is nobody's
      'documents/01-acceptance.pdf: 文书不对应本办件中签发该种文书的事件 / the document is not of an event of the case that issues that kind',
      `event ${caseEventId(2)}: 中心持有的事件不在档案中（被删去） / an event the center holds is missing from the archive`,
    ]);
    // a receipt forged with a center key of the forger's own: only the published key tells
    const forgedCenter = newKeyPair();
    const forged = rezipped(
      () => undefined,
      (r) => receiptBytes(signedReceipt(forgedCenter, r)),
    );
    expect(verifyArchive(forged).problems).toEqual([]);
    expect(verifyArchive(forged).centerKey).toBe(keyFingerprint(forgedCenter.publicKey));
    expect(
      verifyArchive(forged, keyFingerprint(centerKeys.publicKey)).problems.map((p) => p.zh),
    ).toEqual([`回执不是由指定的中心公钥（${keyFingerprint(centerKeys.publicKey)}）签发`]);
    // a receipt edited after signing
    const edited = rezipped(
      () => undefined,
      (r) =>
        receiptBytes({
          ...signedReceipt(centerKeys, r),
          receipt: { ...r, events: r.events.slice(0, 2) },
        }),
    );
    expect(problems(edited)).toEqual([
      'center-receipt.json: 中心回执的签名无效 / the center receipt’s signature does not hold',
    ]);
  });

  it('catches the second review’s forgeries: documents and papers the signed events do not back', () => {
    const zh = (zip: Uint8Array) => verifyArchive(zip).problems.map((p) => `${p.subject}: ${p.zh}`);
    // a decision added for a case never decided, pinned on an event that issues no decision
    const decision = Buffer.from('%PDF-1.7\n行政许可决定书\n%%EOF\n');
    const added = rezipped(({ manifest, files }) => {
      files.set('documents/02-decision.pdf', decision);
      manifest.files.push({
        path: 'documents/02-decision.pdf',
        sha256: sha(decision),
        bytes: decision.length,
        mediaType: 'application/pdf',
        kind: 'document',
        eventId: manifest.events[0]!.id,
        documentKind: 'decision',
      });
    });
    expect(zh(added)).toEqual(['documents/02-decision.pdf: 文书不对应本办件中签发该种文书的事件']);
    // the acceptance notice left out, with its manifest line
    const removed = rezipped(({ manifest, files }) => {
      files.delete('documents/01-acceptance.pdf');
      manifest.files = manifest.files.filter((f) => f.kind !== 'document');
    });
    expect(zh(removed)).toEqual(['事件/event dev-1#3 accepted: 该事件签发的文书不在档案中']);
    // a paper never submitted, listed as if it were one of the material's
    const paper = randomBytes(500);
    const slipped = rezipped(({ manifest, files }) => {
      const path = `materials/${sha(paper)}.jpg`;
      files.set(path, paper);
      manifest.files.push({
        path,
        sha256: sha(paper),
        bytes: paper.length,
        mediaType: 'image/jpeg',
        kind: 'material',
        materialIds: ['m1'],
      });
    });
    expect(zh(slipped)).toEqual([
      `materials/${sha(paper)}.jpg: 没有任何已签名的附材料事件列有此文件（不是申请人交来的材料）`,
    ]);
    // a scan moved to another material; two scans' paths swapped
    const moved = rezipped(({ manifest }) => {
      manifest.files.find((f) => f.kind === 'material')!.materialIds = ['m2'];
    });
    expect(zh(moved)).toEqual([
      expect.stringMatching(/^materials\/.*: 所属材料与已签名的附材料事件不符$/),
    ]);
    const swapped = rezipped(({ manifest, files }) => {
      const [one, two] = manifest.files.filter((f) => f.kind === 'material');
      const [p1, p2] = [one!.path, two!.path];
      const [b1, b2] = [files.get(p1)!, files.get(p2)!];
      files.set(p1, b2);
      files.set(p2, b1);
      [one!.path, two!.path] = [p2, p1];
    });
    expect(zh(swapped)).toEqual([
      expect.stringMatching(/: 路径须为 materials\/[0-9a-f]{64}\.jpg$/),
      expect.stringMatching(/: 路径须为 materials\/[0-9a-f]{64}\.jpg$/),
    ]);
  });

  it('holds the manifest to the one the center saw, the ZIP to one entry per name, the JSON to how it was written', () => {
    const decisionPdf = Buffer.from('%PDF-1.7\n行政许可决定书：准予许可\n%%EOF\n');
    const zh = (zip: Uint8Array) => verifyArchive(zip).problems.map((p) => `${p.subject}: ${p.zh}`);
    // the case summary and who exported it rewritten after the export
    const rewritten = changedAfter(({ manifest }) => {
      manifest.case.item.name = '危险化学品经营许可';
      manifest.exportedBy = { userId: 'u9', name: '赵六', role: 'chief' };
    });
    expect(zh(rewritten)).toEqual(['manifest.json: 清单与中心回执所见的不一致（导出后被改动）']);
    // the case number changed, even when the PC showed the center that manifest
    const renumbered = rezipped(
      ({ manifest }) => void (manifest.case.caseNumber = 'SJ-20250101-XX99-T9-0999'),
    );
    expect(zh(renumbered)).toEqual(['center-receipt.json: 回执属于另一个办件']);

    // a forged scan first under the genuine one's name: fflate reads the last, `unzip` the first
    const a = goodArchive();
    const genuine = readZip(exported(a)).entries;
    const scanPath = [...genuine.keys()].find((p) => p.startsWith('materials/'))!;
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const add = (name: string, bytes: Uint8Array) => {
      const entry = new ZipPassThrough(name);
      zip.add(entry);
      entry.push(bytes, true);
    };
    add(scanPath, randomBytes(100));
    for (const [name, bytes] of genuine) add(name, bytes);
    zip.end();
    const twice = Buffer.concat(chunks);
    expect(zh(twice)).toEqual([
      `${scanPath}: 压缩包中同名文件不止一个（不同工具取出的内容可能不同）`,
    ]);

    // a decision hidden before the real entries, in no directory record: `unzip` and this check's
    // reader skip it, a reader walking the file from its first byte extracts it
    const hiddenPdf = zipSync({ 'documents/02-decision.pdf': [decisionPdf, { level: 0 }] });
    const hiddenView = new DataView(hiddenPdf.buffer, hiddenPdf.byteOffset);
    const record = hiddenPdf.subarray(0, hiddenView.getUint32(hiddenPdf.length - 22 + 16, true));
    const shifted = Buffer.concat([record, exported(a)]);
    const view = new DataView(shifted.buffer, shifted.byteOffset, shifted.length);
    const endAt = shifted.length - 22;
    const directory = view.getUint32(endAt + 16, true) + record.length;
    view.setUint32(endAt + 16, directory, true);
    for (let at = directory; at < endAt;) {
      view.setUint32(at + 42, view.getUint32(at + 42, true) + record.length, true);
      at +=
        46 +
        view.getUint16(at + 28, true) +
        view.getUint16(at + 30, true) +
        view.getUint16(at + 32, true);
    }
    expect(readZip(shifted).entries.has('documents/02-decision.pdf')).toBe(false);
    expect(zh(shifted)).toEqual([
      'ZIP: 第 0 字节起有目录未列的内容（某些解压工具会取出未经核验的内容）',
    ]);

    // a name that leaves the folder it is extracted to
    const escaping = rezipped(({ manifest, files }) => {
      const pdf = manifest.files.find((f) => f.kind === 'document')!;
      files.set('../../evil.pdf', files.get(pdf.path)!);
      files.delete(pdf.path);
      pdf.path = '../../evil.pdf';
    });
    expect(zh(escaping)).toEqual([
      '"../../evil.pdf": 文件路径不安全（跳出解压目录、绝对路径、反斜杠或控制字符）',
    ]);

    // a key written twice: a reader sees the first value, a parser keeps the last
    const manifestText = new TextDecoder().decode(archiveJson(a.manifest));
    const doubled = manifestText.replace('"name": "李*"', '"name": "王*",\n      "name": "李*"');
    expect(doubled).not.toBe(manifestText);
    const files = new Map(readZip(exported(a)).entries);
    files.delete('manifest.json');
    expect(zh(archiveZip(new TextEncoder().encode(doubled), files))).toEqual([
      'manifest.json: 不是导出时写出的原样（有重复的键或被重新编写）',
    ]);
  });

  it('says when the center gave its receipt and which events it set aside', () => {
    const a = goodArchive();
    a.held.events[1]!.status = 'conflicted';
    expect(verifyArchive(exported(a)).receipt?.conflicted).toBe(1);
    // a notice printed for an event the center set aside
    a.held.events[2]!.status = 'conflicted';
    expect(verifyArchive(exported(a)).problems.map((p) => p.zh)).toEqual([
      '该事件被中心列为冲突、未生效，不应有文书',
    ]);
  });

  it('refuses a receipt a colleague’s PC asked for later, for a rewritten archive (third review)', () => {
    const zh = (zip: Uint8Array) => verifyArchive(zip).problems.map((p) => p.zh);
    // the receipt asked for with another PC's token: the manifest names dev-1 as its exporter
    const a = goodArchive();
    a.held.requestedBy = 'dev-2';
    expect(zh(exported(a))).toEqual([
      '清单所称的导出终端与向中心索取回执的终端（dev-2）不是同一台',
    ]);
    // the export time set back eleven months before the receipt
    const backdated = rezipped(
      ({ manifest }) => void (manifest.exportedAt = '2025-04-05T10:00:00+08:00'),
    );
    expect(zh(backdated)).toEqual([
      '清单的导出时间（2025-04-05T10:00:00+08:00）与回执签发时间相差超过 15 分钟',
    ]);
  });

  it('takes a fingerprint whole, in any grouping, and nothing less', () => {
    const fp = keyFingerprint(centerKeys.publicKey);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(parseFingerprint(groupedFingerprint(fp).toUpperCase())).toBe(fp);
    expect(parseFingerprint(fp.replace(/(..)(?=.)/g, '$1:'))).toBe(fp);
    expect(parseFingerprint(fp.slice(0, 16))).toBeNull();
    expect(parseFingerprint('')).toBeNull();
  });

  it('refuses what is not an archive', () => {
    expect(problems(new Uint8Array([1, 2, 3]))[0]).toMatch(/^ZIP: 不是可读取的 ZIP 文件/);
    expect(problems(zipSync({ 'a.pdf': new Uint8Array([1]) }))).toEqual([
      'manifest.json: 缺少清单文件 / the manifest is missing',
    ]);
  });
});
