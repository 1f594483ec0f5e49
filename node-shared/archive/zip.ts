import { unzipSync, zipSync, type Zippable } from 'fflate';
import { manifestName, type ArchiveManifest } from '../../shared/archive/manifest';

// The archive's container, written by the terminal's export and read by the offline check.
// Scans and PDFs are compressed already: stored as they are (level 0), so the ZIP costs no time
// and any tool can list and extract them. The manifest first, so a person opening the ZIP by
// hand sees it at the top.

/** The ZIP of a manifest and the files it lists (path → bytes). */
export function archiveZip(manifest: ArchiveManifest, files: ReadonlyMap<string, Uint8Array>) {
  const entries: Zippable = {
    [manifestName]: [
      new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
      { level: 6 },
    ],
  };
  for (const [path, bytes] of files) entries[path] = [bytes, { level: 0 }];
  return zipSync(entries);
}

/** Every entry of a ZIP by path (folders left out); throws when the bytes are not a ZIP. */
export function zipEntries(zip: Uint8Array): Map<string, Uint8Array> {
  const entries = unzipSync(zip);
  return new Map(Object.entries(entries).filter(([path]) => !path.endsWith('/')));
}
