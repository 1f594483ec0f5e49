import { expect, it } from 'vitest';
import { toItemSnapshot } from '../../shared/catalog';
import type { CaseEvent } from '../../shared/case';
import { extensionPayload, noExtensionLaw } from '../../shared/case/test-fixtures';
import { eachDialect } from '../db/test-db';
import {
  caseScript,
  itemOf,
  publishItems,
  seedHall,
  serviceItemOf,
  syncHarness,
} from './test-support';

// Issue 14 part B1, the center's side: an extension of an item whose law allows none, pushed
// through the real route, is stored as conflicted under the rule the terminal refuses it with,
// never dropped; one within the item's own law is taken.

/** 医疗机构执业登记's law in an SJ item the hall publishes: 45日, no extension. */
const noExtension = toItemSnapshot(
  serviceItemOf({
    ...itemOf('SJ'),
    code: 'SJ-009',
    name: '医疗机构执业登记',
    ...noExtensionLaw,
  }),
);

const extension = extensionPayload(5);

eachDialect("sync: an extension within the item's own law", (t) => {
  const setup = async () => {
    await seedHall(t().db);
    await publishItems(t().db, [noExtension]);
    const h = syncHarness(t());
    return h.enroll('w-sj-1');
  };

  it('stores an extension of an item whose law allows none as conflicted', async () => {
    const device = await setup();
    const s = caseScript();
    const received = s.received();
    const withItem = {
      ...received,
      payload: { ...received.payload, item: noExtension },
    } as CaseEvent;
    const intake = [withItem, s.checked(), s.accepted()];
    const extended = s.next('extended', extension, s.chief);
    const res = await device.pushOk(device.sign([...intake, extended]));
    expect(res.results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'conflicted',
    ]);
    expect(res.results[3]!.conflict).toMatchObject({ rule: 'extension.notAllowed' });
    const row = await t()
      .db.selectFrom('events')
      .select(['status', 'conflict_rule'])
      .where('id', '=', extended.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'conflicted', conflict_rule: 'extension.notAllowed' });
  });

  it('takes one within the limit of an item that allows it', async () => {
    const device = await setup();
    const s = caseScript();
    const res = await device.pushOk(
      device.sign([
        s.received(),
        s.checked(),
        s.accepted(),
        s.next('extended', extension, s.chief),
      ]),
    );
    expect(res.results.map((r) => r.status)).toEqual(Array(4).fill('accepted'));
  });
});
