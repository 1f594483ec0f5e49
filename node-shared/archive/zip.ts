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
};

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
    // a folder's entry that carries bytes: some tools drop them, some write a file
    unsafe: names
      .filter(({ name, size }) => unsafePath(name) || (name.endsWith('/') && size > 0))
      .map(({ name }) => name),
  };
}
