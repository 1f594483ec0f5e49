import { unzipSync, zipSync, type Zippable } from 'fflate';
import { manifestName } from '../../shared/archive/manifest';

// The archive's container, written by the terminal's export and read by the offline check.
// Scans and PDFs are compressed already: stored as they are (level 0), so the ZIP costs no time
// and any tool can list and extract them. The manifest first, so a person opening the ZIP by
// hand sees it at the top.

/**
 * The one way the archive's JSON files are written. The check refuses any other spelling of the
 * same value: a key written twice reads one way to a person and another to a parser.
 */
export function archiveJson(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}

/** The ZIP of a manifest (as `archiveJson` wrote it) and the files it lists (path → bytes). */
export function archiveZip(manifest: Uint8Array, files: ReadonlyMap<string, Uint8Array>) {
  const entries: Zippable = { [manifestName]: [manifest, { level: 6 }] };
  for (const [path, bytes] of files) entries[path] = [bytes, { level: 0 }];
  return zipSync(entries);
}

export type ZipContents = {
  /** every entry by path (folders left out) */
  entries: Map<string, Uint8Array>;
  /** names held by more than one entry: tools disagree on which one they extract */
  duplicates: string[];
  /** names that leave the folder they are extracted to, or are not plain paths */
  unsafe: string[];
  /**
   * bytes the central directory does not account for (an entry a reader walking the file from the
   * front would extract, though this check and `unzip` never see it), or a local name that is not
   * the directory's; empty when the entries tile the file from its first byte to the directory
   */
  hidden: string[];
};

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** What of the ZIP its central directory does not account for (see `ZipContents.hidden`). */
function unaccounted(zip: Uint8Array): string[] {
  // the end record: the last signature whose comment reaches exactly the end of the file
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at -= 1) {
    if (u32(zip, at) === 0x06054b50 && at + 22 + u16(zip, at + 20) === zip.length) {
      end = at;
      break;
    }
  }
  if (end < 0) return ['没有完整的目录结尾记录'];
  const directory = u32(zip, end + 16);
  if (directory + u32(zip, end + 12) !== end) return ['目录与其结尾记录之间有多余内容'];
  const spans: { from: number; to: number }[] = [];
  const found: string[] = [];
  for (let at = directory; at < end;) {
    if (u32(zip, at) !== 0x02014b50) return ['目录记录损坏'];
    const flags = u16(zip, at + 8);
    const packed = u32(zip, at + 20);
    const nameLength = u16(zip, at + 28);
    const name = zip.subarray(at + 46, at + 46 + nameLength);
    const local = u32(zip, at + 42);
    at += 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
    if (u32(zip, local) !== 0x04034b50) return ['目录指向的位置不是文件记录'];
    const localName = zip.subarray(local + 30, local + 30 + u16(zip, local + 26));
    if (!sameBytes(name, localName))
      found.push(`文件记录名与目录名不符：${new TextDecoder().decode(localName)}`);
    let to = local + 30 + localName.length + u16(zip, local + 28) + packed;
    // a data descriptor after the bytes, with or without its signature
    if (flags & 0x8) to += u32(zip, to) === 0x08074b50 ? 16 : 12;
    spans.push({ from: local, to });
  }
  spans.sort((a, b) => a.from - b.from);
  let covered = 0;
  for (const span of spans) {
    if (span.from !== covered) return [...found, `第 ${covered} 字节起有目录未列的内容`];
    covered = span.to;
  }
  if (covered !== directory) return [...found, `第 ${covered} 字节起有目录未列的内容`];
  return found;
}

/** A path a naive unzip would write outside its folder, or that means different things to tools. */
function unsafePath(name: string): boolean {
  return (
    name.includes('\\') ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').some((part) => part === '..' || part === '.') ||
    // a line break in a name makes a listing show two names that are not there
    [...name].some((c) => c.charCodeAt(0) < 0x20)
  );
}

/** The ZIP's entries and what is wrong with its names; throws when the bytes are not a ZIP. */
export function readZip(zip: Uint8Array): ZipContents {
  const names: { name: string; size: number }[] = [];
  const entries = unzipSync(zip, {
    filter: (f) => {
      names.push({ name: f.name, size: f.originalSize });
      return true;
    },
  });
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { name } of names) {
    if (seen.has(name)) duplicates.add(name);
    seen.add(name);
  }
  return {
    entries: new Map(Object.entries(entries).filter(([path]) => !path.endsWith('/'))),
    duplicates: [...duplicates],
    hidden: unaccounted(zip),
    // a folder's entry that carries bytes: some tools drop them, some write a file
    unsafe: names
      .filter(({ name, size }) => unsafePath(name) || (name.endsWith('/') && size > 0))
      .map(({ name }) => name),
  };
}
