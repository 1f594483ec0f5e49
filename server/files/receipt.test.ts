import { expect, it } from 'vitest';
import { signatureValid } from '../../node-shared/events/crypto';
import { keyFingerprint, receiptHash } from '../../node-shared/archive/receipt';
import { centerContract, callPath } from '../../shared/center-api';
import type { SignedReceipt } from '../../shared/archive/receipt';
import { eachDialect } from '../db/test-db';
import { caseScript, seedHall, syncHarness } from '../sync/test-support';

// Review of issue 18: the center's signed receipt of a case, for its archive — on both dialects,
// through the real routes.

eachDialect('center: the receipt of a case for its archive', (t) => {
  it('signs what it holds of the case, with one key it publishes, for the case’s department only', async () => {
    await seedHall(t().db);
    const h = syncHarness(t());
    const sj1 = await h.enroll('w-sj-1');
    const sj2 = await h.enroll('w-sj-2');
    const zj1 = await h.enroll('w-zj-1');
    const c = caseScript();
    const pushed = await sj1.pushOk(sj1.sign([c.received(), c.checked()]));
    const more = await sj2.pushOk(sj2.sign([c.accepted()]));
    const manifest = 'c'.repeat(64);
    const base = callPath(centerContract['cases.receipt'], { caseId: c.caseId });
    const path = `${base}?manifest=${manifest}`;
    const res = await h.call('GET', path, { token: sj2.token });
    expect(res.statusCode, res.body).toBe(200);
    const signed = res.json<SignedReceipt>();
    const { receipt } = signed;
    // the manifest the PC showed, witnessed: the archive's own claims as they were then
    expect(receipt).toMatchObject({
      caseId: c.caseId,
      caseNumber: c.caseNumber,
      files: [],
      manifestSha256: manifest,
      requestedBy: sj2.id,
    });
    // and the center keeps which PC had which manifest witnessed, for an auditor
    expect(
      await t()
        .db.selectFrom('witnessed_manifests')
        .select(['case_id', 'manifest_sha256', 'device_id'])
        .execute(),
    ).toEqual([{ case_id: c.caseId, manifest_sha256: manifest, device_id: sj2.id }]);
    expect(receipt.events.map((e) => [e.id, e.deviceId, e.status])).toEqual(
      [...pushed.results, ...more.results].map((r) => [
        r.id,
        r.id === more.results[0]!.id ? sj2.id : sj1.id,
        // a conflicted event is the center's too: the receipt lists it as such
        r.status,
      ]),
    );
    expect(receipt.devices.map((d) => d.id).sort()).toEqual([sj1.id, sj2.id].sort());
    expect(signatureValid(signed.centerKey, receiptHash(receipt), signed.signature)).toBe(true);
    // one key, published with its fingerprint, and the same for the next receipt
    const key = await h.call('GET', centerContract['center.receiptKey'].path, {});
    expect(key.json()).toEqual({
      publicKey: signed.centerKey,
      fingerprint: keyFingerprint(signed.centerKey),
    });
    expect((await h.call('GET', path, { token: sj1.token })).json<SignedReceipt>().centerKey).toBe(
      signed.centerKey,
    );
    // a changed receipt no longer matches its signature
    const forged = { ...receipt, events: receipt.events.slice(1) };
    expect(signatureValid(signed.centerKey, receiptHash(forged), signed.signature)).toBe(false);
    // another department's PC learns nothing of the case
    const other = await h.call('GET', path, { token: zj1.token });
    expect(other.statusCode).toBe(404);
    // no receipt without the manifest it is for
    for (const bad of [base, `${base}?manifest=${'C'.repeat(64)}`, `${base}?manifest=abc`]) {
      const refused = await h.call('GET', bad, { token: sj2.token });
      expect(refused.statusCode, bad).toBe(400);
    }
  });
});
