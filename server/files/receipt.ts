import type { Kysely } from 'kysely';
import { newKeyPair, hashSigner } from '../../node-shared/events/crypto';
import { keyFingerprint, receiptHash } from '../../node-shared/archive/receipt';
import { receiptFormat, type CaseReceipt, type SignedReceipt } from '../../shared/archive/receipt';
import { readSettings } from '../admin/settings';
import type { ServerDb } from '../db/schema';
import { HttpError } from '../http/errors';
import type { AuthDevice, ServerContext } from '../http/spec';

// Review of issue 18: the center's signed word on what it holds of a case, for its archive
// (shared/archive/receipt.ts says why). The key is made on first use and kept in the database:
// the center's backups carry it, so a restored center signs with the same key — and whoever
// holds a backup could sign too, which is why the fingerprint is published and a court
// compares it, as for any key.

type CenterKey = { publicKey: string; privateKey: string };

export async function receiptKey(db: Kysely<ServerDb>, now: Date): Promise<CenterKey> {
  const read = () =>
    db
      .selectFrom('center_keys')
      .select(['public_key as publicKey', 'private_key as privateKey'])
      .where('purpose', '=', 'receipt')
      .executeTakeFirst();
  const held = await read();
  if (held) return held;
  const made = newKeyPair();
  await db
    .insertInto('center_keys')
    .values({
      purpose: 'receipt',
      public_key: made.publicKey,
      private_key: made.privateKey,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('purpose').doNothing())
    .execute();
  // another process may have made one first: its key is the center's
  return (await read()) ?? made;
}

export async function publishedReceiptKey(ctx: ServerContext) {
  const { publicKey } = await receiptKey(ctx.db, ctx.now());
  return { publicKey, fingerprint: keyFingerprint(publicKey) };
}

export async function caseReceipt(
  ctx: ServerContext,
  device: AuthDevice,
  caseId: string,
  /** the manifest the PC showed: the center cannot judge it, only witness that it was this one */
  manifestSha256: string,
): Promise<SignedReceipt> {
  const kase = await ctx.db
    .selectFrom('cases')
    .select(['case_number', 'department_code'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  // another department's case is answered like none: its existence is not this PC's business
  if (!kase || kase.department_code !== device.departmentCode) {
    throw new HttpError(404, 'not_found', '中心没有本部门的这个办件');
  }
  const events = await ctx.db
    .selectFrom('events')
    .select(['id', 'device_id', 'device_seq', 'hash', 'server_seq', 'status'])
    .where('case_id', '=', caseId)
    .orderBy('server_seq')
    .execute();
  const deviceIds = [...new Set(events.map((e) => e.device_id))];
  const devices =
    deviceIds.length === 0
      ? []
      : await ctx.db
          .selectFrom('devices')
          .select(['id', 'public_key'])
          .where('id', 'in', deviceIds)
          .orderBy('id')
          .execute();
  const files = await ctx.db
    .selectFrom('file_refs')
    .innerJoin('files', 'files.sha256', 'file_refs.sha256')
    .select('files.sha256')
    .where('file_refs.case_id', '=', caseId)
    .orderBy('files.sha256')
    .execute();
  const receipt: CaseReceipt = {
    format: receiptFormat,
    centerName: (await readSettings(ctx.db)).centerName,
    issuedAt: ctx.now().toISOString(),
    caseId,
    caseNumber: kase.case_number,
    events: events.map((e) => ({
      id: e.id,
      deviceId: e.device_id,
      deviceSeq: Number(e.device_seq),
      hash: e.hash,
      serverSeq: Number(e.server_seq),
      status: e.status,
    })),
    devices: devices.map((d) => ({ id: d.id, publicKey: d.public_key })),
    files: files.map((f) => f.sha256),
    manifestSha256,
    requestedBy: device.id,
  };
  await ctx.db
    .insertInto('witnessed_manifests')
    .values({
      case_id: caseId,
      manifest_sha256: manifestSha256,
      device_id: device.id,
      issued_at: receipt.issuedAt,
    })
    .execute();
  const key = await receiptKey(ctx.db, ctx.now());
  return {
    receipt,
    centerKey: key.publicKey,
    signature: hashSigner(key.privateKey)(receiptHash(receipt)),
  };
}
