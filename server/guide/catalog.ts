import type { Kysely } from 'kysely';
import {
  matchedAlias,
  materialTerms,
  searchItems,
  timeLimitWords,
  validityWords,
  type Catalog,
  type Department,
  type ServiceItem,
} from '../../shared/catalog';
import type { GuideEntry, GuideItem, GuideList } from '../../shared/center-api';
import { readDepartments } from '../admin/departments';
import { readItems } from '../admin/items';
import { readSettings } from '../admin/settings';
import type { ServerDb } from '../db/schema';
import { readVersions } from '../reference/versions';

type GuideCatalog = {
  centerName: string;
  version: number;
  departments: Department[];
  items: ServiceItem[];
};

/**
 * The catalog with the version it is: the guide prints that version, so the items must be those of
 * it. One snapshot — PostgreSQL's REPEATABLE READ; SQLite's transaction (which ignores the level)
 * reads one snapshot of its WAL — since a change may commit, bumping the version, between reads.
 */
export async function readGuideCatalog(db: Kysely<ServerDb>): Promise<GuideCatalog> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const version = (await readVersions(trx)).catalog;
      const departments = await readDepartments(trx);
      const items = await readItems(trx);
      const { centerName } = await readSettings(trx);
      return { centerName, version, departments, items };
    });
}

const entry = (item: ServiceItem, query: string): GuideEntry => {
  const alias = query === '' ? undefined : matchedAlias(item, query);
  return {
    code: item.code,
    name: item.name,
    departmentCode: item.departmentCode,
    ...(alias ? { matchedAlias: alias } : {}),
  };
};

/** The list page: every item by department and by life event, and what the search found. */
export function guideList(catalog: GuideCatalog, typed: string | undefined): GuideList {
  const query = (typed ?? '').trim();
  // the intake picker's own ranking: a phone finds what the window's keyboard finds
  const searchable: Catalog = {
    version: String(catalog.version),
    departments: catalog.departments,
    items: catalog.items,
  };
  const lifeEvents = new Map<string, GuideEntry[]>();
  for (const item of catalog.items) {
    for (const name of item.lifeEvents ?? []) {
      lifeEvents.set(name, [...(lifeEvents.get(name) ?? []), entry(item, '')]);
    }
  }
  return {
    centerName: catalog.centerName,
    catalogVersion: catalog.version,
    query: query === '' ? null : query,
    results: query === '' ? null : searchItems(searchable, query).map((i) => entry(i, query)),
    departments: catalog.departments
      .map((d) => ({
        code: d.code,
        name: d.name,
        items: catalog.items.filter((i) => i.departmentCode === d.code).map((i) => entry(i, '')),
      }))
      .filter((d) => d.items.length > 0),
    // an event first named by an earlier item (in code order, as the items are read) comes first
    lifeEvents: [...lifeEvents].map(([name, items]) => ({ name, items })),
  };
}

/** One item's guide with the words the window prints for it; undefined: no such item. */
export function guideItem(catalog: GuideCatalog, code: string): GuideItem | undefined {
  const item = catalog.items.find((i) => i.code === code);
  if (!item) return undefined;
  const department = catalog.departments.find((d) => d.code === item.departmentCode);
  return {
    centerName: catalog.centerName,
    catalogVersion: catalog.version,
    department: { code: item.departmentCode, name: department?.name ?? item.departmentCode },
    item,
    words: {
      timeLimit: timeLimitWords(item),
      validity: validityWords(item.validity),
      materials: item.materials.map((m) => ({ id: m.id, terms: materialTerms(m) })),
    },
  };
}
