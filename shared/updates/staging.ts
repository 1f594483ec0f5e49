// Which terminal release a device is offered (issue 15 point 4). Pure, so the center that serves
// the feed and the tests that check it decide alike. A release reaches a device when the manager
// named its window, or when the device falls in the release's percentage: a stable draw per
// device AND release, so raising 10 % to 30 % keeps the first 10 % and each release samples a
// different set of PCs (the same unlucky PCs are not always first).

/** A release as the staging rule sees it. */
export type StagedRelease = {
  version: string;
  /** 0–100: the share of all devices offered this release */
  percent: number;
  /** windows offered it whatever their draw */
  windowIds: readonly string[];
};

export type StagingDevice = { id: string; windowId: string };

/** A semantic version as electron-builder writes it: 1.2.3, 1.2.3-beta.1 (no build metadata). */
const semverPattern =
  /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

export function isSemver(text: string): boolean {
  return text.length <= 64 && semverPattern.test(text);
}

/** Semver precedence: negative when a < b. Throws on a text that is not a version. */
export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < 3; i += 1) {
    const d = (pa.core[i] ?? 0) - (pb.core[i] ?? 0);
    if (d !== 0) return d;
  }
  // a pre-release is below its release: 1.0.0-rc.1 < 1.0.0
  if (pa.pre.length === 0 || pb.pre.length === 0) return pb.pre.length - pa.pre.length;
  for (let i = 0; i < Math.max(pa.pre.length, pb.pre.length); i += 1) {
    const x = pa.pre[i];
    const y = pb.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const d = comparePart(x, y);
    if (d !== 0) return d;
  }
  return 0;
}

function parse(text: string): { core: number[]; pre: string[] } {
  const m = semverPattern.exec(text);
  if (!m || text.length > 64) throw new Error(`not a version: ${text}`);
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ? m[4].split('.') : [] };
}

function comparePart(x: string, y: string): number {
  const nx = /^\d+$/.test(x);
  const ny = /^\d+$/.test(y);
  if (nx && ny) return Number(x) - Number(y);
  if (nx !== ny) return nx ? -1 : 1; // numeric identifiers rank below alphanumeric ones
  return x < y ? -1 : x > y ? 1 : 0;
}

/** FNV-1a over the UTF-8 bytes: small, pure, and the same on every platform. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The device's stable draw for a release, 0–99. */
export function stagingDraw(deviceId: string, version: string): number {
  return fnv1a(`${deviceId}\n${version}`) % 100;
}

/** Whether the release is offered to the device. */
export function stagedFor(release: StagedRelease, device: StagingDevice): boolean {
  if (release.windowIds.includes(device.windowId)) return true;
  return stagingDraw(device.id, release.version) < release.percent;
}

/** The newest release offered to the device, or null when none is. */
export function releaseFor<R extends StagedRelease>(
  releases: readonly R[],
  device: StagingDevice,
): R | null {
  let best: R | null = null;
  for (const release of releases) {
    if (!stagedFor(release, device)) continue;
    if (best === null || compareVersions(release.version, best.version) > 0) best = release;
  }
  return best;
}
