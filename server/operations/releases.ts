import type { Kysely } from 'kysely';
import { shanghaiIso } from '../../shared/calendar';
import type { TerminalRelease } from '../../shared/center-api';
import { protocolAccepted } from '../../shared/sync';
import { compareVersions, releaseFor } from '../../shared/updates';
import { invalid, notFound, signedIn } from '../admin/access';
import type { ServerDb } from '../db/schema';
import { HttpError } from '../http/errors';
import type { CenterHandlers } from '../http/spec';
import { channelFiles, placedVersions, releaseProblems } from './release-files';

// The terminal releases a manager published (issue 15 point 4). The files are the folder's;
// the table holds the decision: which protocol the release speaks, and to whom it is offered.

type PublishedRow = ServerDb['terminal_releases'];

export type OfferedRelease = { version: string; percent: number; windowIds: string[] };

function windowIdsOf(row: PublishedRow): string[] {
  return JSON.parse(row.window_ids) as string[];
}

/** The releases the feed may offer: published, not withdrawn, in a protocol the center speaks. */
export async function offeredReleases(db: Kysely<ServerDb>): Promise<OfferedRelease[]> {
  const rows = await db
    .selectFrom('terminal_releases')
    .selectAll()
    .where('withdrawn_at', 'is', null)
    .execute();
  return rows
    .filter((row) => protocolAccepted(row.protocol))
    .map((row) => ({ version: row.version, percent: row.percent, windowIds: windowIdsOf(row) }));
}

/**
 * The release a device is offered on a channel: the newest it is staged for among those that
 * carry the channel file, else the one it runs (so the updater hears "nothing newer", not an
 * error), else none.
 */
export async function releaseForDevice(
  db: Kysely<ServerDb>,
  dataDir: string,
  device: { id: string; windowId: string },
  channel: string,
): Promise<string | null> {
  const offered = await offeredReleases(db);
  const withChannel: OfferedRelease[] = [];
  for (const release of offered)
    if ((await channelFiles(dataDir, release.version)).includes(channel)) withChannel.push(release);
  const staged = releaseFor(withChannel, device);
  if (staged) return staged.version;
  const report = await db
    .selectFrom('device_reports')
    .select('app_version')
    .where('device_id', '=', device.id)
    .executeTakeFirst();
  const running = report?.app_version;
  return withChannel.some((r) => r.version === running) ? (running ?? null) : null;
}

async function describe(
  db: Kysely<ServerDb>,
  dataDir: string,
  version: string,
): Promise<TerminalRelease> {
  const row = await db
    .selectFrom('terminal_releases')
    .selectAll()
    .where('version', '=', version)
    .executeTakeFirst();
  return {
    version,
    channels: await channelFiles(dataDir, version),
    published: row
      ? {
          protocol: row.protocol,
          percent: row.percent,
          windowIds: windowIdsOf(row),
          publishedAt: row.published_at,
          publishedBy: row.published_by,
          withdrawnAt: row.withdrawn_at,
          offered: row.withdrawn_at === null && protocolAccepted(row.protocol),
        }
      : null,
  };
}

function requireDataDir(dataDir: string | null | undefined): string {
  if (!dataDir)
    // a center on PostgreSQL started without --data: nowhere to read release files from
    throw new HttpError(404, 'not_found', '中心未指定数据目录（--data），无法存放终端更新文件');
  return dataDir;
}

export const releaseHandlers = {
  'releases.list': async (_input, ctx) => {
    const dataDir = requireDataDir(ctx.dataDir);
    const published = await ctx.db.selectFrom('terminal_releases').select('version').execute();
    const versions = new Set([
      ...(await placedVersions(dataDir)),
      ...published.map((r) => r.version),
    ]);
    const sorted = [...versions].sort((a, b) => compareVersions(b, a));
    return { body: await Promise.all(sorted.map((v) => describe(ctx.db, dataDir, v))) };
  },

  /**
   * Publishing again restages a release (10 % today, 50 % tomorrow) and brings a withdrawn one
   * back. The files are checked every time: they may have been replaced since.
   */
  'releases.publish': async ({ body, staff }, ctx) => {
    const member = signedIn(staff);
    const dataDir = requireDataDir(ctx.dataDir);
    if (!protocolAccepted(body.protocol))
      throw invalid(
        'body.protocol',
        `中心不接受协议 ${body.protocol}：发布后没有终端能与中心同步，不予发布`,
      );
    const problems = await releaseProblems(dataDir, body.version);
    if (problems.length > 0) throw invalid('body.version', problems.join('；'));
    const windowIds = [...new Set(body.windowIds)];
    if (windowIds.length > 0) {
      const known = await ctx.db
        .selectFrom('windows')
        .select('id')
        .where('id', 'in', windowIds)
        .execute();
      const unknown = windowIds.filter((id) => !known.some((k) => k.id === id));
      if (unknown.length > 0) throw invalid('body.windowIds', `窗口不存在：${unknown.join('、')}`);
    }
    const values = {
      protocol: body.protocol,
      percent: body.percent,
      window_ids: JSON.stringify(windowIds),
      published_at: shanghaiIso(ctx.now()),
      published_by: member.username,
      withdrawn_at: null,
    };
    await ctx.db
      .insertInto('terminal_releases')
      .values({ version: body.version, ...values })
      .onConflict((oc) => oc.column('version').doUpdateSet(values))
      .execute();
    ctx.log.info(
      { version: body.version, percent: body.percent, windows: windowIds.length },
      'release published',
    );
    return { body: await describe(ctx.db, dataDir, body.version) };
  },

  'releases.withdraw': async ({ params }, ctx) => {
    const dataDir = requireDataDir(ctx.dataDir);
    const { numUpdatedRows } = await ctx.db
      .updateTable('terminal_releases')
      .set({ withdrawn_at: shanghaiIso(ctx.now()) })
      .where('version', '=', params.version)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (numUpdatedRows === 0n) {
      const exists = await ctx.db
        .selectFrom('terminal_releases')
        .select('version')
        .where('version', '=', params.version)
        .executeTakeFirst();
      if (!exists) throw notFound('该已发布版本');
    }
    return { body: await describe(ctx.db, dataDir, params.version) };
  },
} satisfies Partial<CenterHandlers>;
