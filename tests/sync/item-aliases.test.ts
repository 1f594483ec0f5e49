import { describe, expect, it } from 'vitest';
import type { ServiceItem } from '../../shared/catalog';
import { adminAccount } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { cleanupAfterEach } from '../support/cleanups';
import { callAs } from '../support/sync';
import { enrolledTerminal, hallOn, syncUntilQuiet } from './world';

// Part R of issue 16, end to end on both dialects: the manager gives an item an alias in the item
// editor (the center's item route), the catalog's next pull brings it to a window's PC, and the
// intake picker finds the item by the alias and by its initials.
const defer = cleanupAfterEach();

describe.each(['sqlite', 'postgres'] as const)('item aliases (%s)', (dialect) => {
  it('go from the center’s item editor to the window’s picker with the catalog', async () => {
    const hall = await hallOn(dialect, defer);
    const h = await enrolledTerminal(hall, hall.windows[0]!);
    defer(h.cleanup);
    const codesFor = async (query: string) =>
      (
        (await callAs(h.t, h.clerk, 'catalog.items', {
          query,
          departmentCode: 'SJ',
        })) as unknown as ServiceItem[]
      ).map((i) => i.code);
    // the default catalog's own alias came with enrollment
    expect(await codesFor('营业执照')).toEqual(['SJ-001']);
    expect(await codesFor('个体执照')).toEqual([]);

    const admin = await centerAdmin(hall.center.url, adminAccount(hall.dataDir));
    const items = await admin.call<ServiceItem[]>('GET', '/api/items');
    const item = items.find((i) => i.code === 'SJ-001')!;
    // a miscounted alias is refused at its field, and nothing changes
    await expect(
      admin.call('PUT', '/api/items/SJ-001', {
        ...item,
        aliases: [{ name: '个体执照', initials: 'gtz' }],
      }),
    ).rejects.toThrow(/400.*body\.aliases\.0\.initials/);
    const aliases = [...(item.aliases ?? []), { name: '个体执照', initials: 'gtzz' }];
    await admin.call('PUT', '/api/items/SJ-001', { ...item, aliases });
    expect(
      (await admin.call<ServiceItem[]>('GET', '/api/items')).find((i) => i.code === 'SJ-001')
        ?.aliases,
    ).toEqual(aliases);

    await syncUntilQuiet([h.t]);
    expect(await codesFor('个体执照')).toEqual(['SJ-001']);
    expect(await codesFor('GTZZ')).toEqual(['SJ-001']);
  });
});
