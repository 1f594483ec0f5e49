import { z } from 'zod';
import { storedDepartmentSchema, storedServiceItemSchema } from '../catalog';

// Issue 17 part 3: the public 办事指南 at /guide/ — the catalog the windows use, for applicants.
// Nothing here names a person: items, departments and the catalog's version only.

/** What the search box takes: an item's name or an alias is at most 30 characters. */
export const guideQueryLimit = 40;

const formatSchema = z.enum(['json', 'html']).optional();

export const guideListQuerySchema = z.object({
  q: z.string().max(guideQueryLimit, `搜索内容不超过${guideQueryLimit}个字`).optional(),
  format: formatSchema,
});

export const guideItemParams = z.object({ code: z.string() });
export const guideItemQuerySchema = z.object({ format: formatSchema });

const guideEntrySchema = z.object({
  code: z.string(),
  name: z.string(),
  departmentCode: z.string(),
  /** the alias the search found the item by, when it found it by nothing of its own */
  matchedAlias: z.string().optional(),
});
export type GuideEntry = z.infer<typeof guideEntrySchema>;

export const guideListSchema = z.object({
  centerName: z.string(),
  /** the catalog version the windows pull (reference.versions), read with the items */
  catalogVersion: z.number().int(),
  /** the search, trimmed; null when none was asked */
  query: z.string().nullable(),
  /** the items the search found, best first (the intake picker's ranking); null without a search */
  results: z.array(guideEntrySchema).nullable(),
  departments: z.array(
    z.object({ code: z.string(), name: z.string(), items: z.array(guideEntrySchema) }),
  ),
  lifeEvents: z.array(z.object({ name: z.string(), items: z.array(guideEntrySchema) })),
});
export type GuideList = z.infer<typeof guideListSchema>;

export const guideItemSchema = z.object({
  centerName: z.string(),
  catalogVersion: z.number().int(),
  department: storedDepartmentSchema.pick({ code: true, name: true }),
  item: storedServiceItemSchema,
  /** the guide's words for what a client would otherwise word itself (shared/catalog/guide-words) */
  words: z.object({
    timeLimit: z.string(),
    validity: z.string(),
    materials: z.array(z.object({ id: z.string(), terms: z.string() })),
  }),
});
export type GuideItem = z.infer<typeof guideItemSchema>;
