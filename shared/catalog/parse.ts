import { z } from 'zod';
import { catalogSchema, type Catalog } from './schema';

// Built-in zod messages in Chinese for the center manager, like the catalog's own rules.
// Passed per call: a global z.config() would change every other schema in the process.
const zhCN = z.locales.zhCN();

/**
 * Validates a catalog loaded by the caller (file, server, sync). Throws ONE Error that lists every
 * problem, one per line, each with its path ("items[3](SJ-004).materials[1].id: …"), so a manager
 * fixes the file in one pass instead of one error per attempt.
 */
export function parseCatalog(json: unknown): Catalog {
  const result = catalogSchema.safeParse(json, { error: zhCN.localeError });
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `- ${formatPath(issue.path, json)}: ${issue.message}`,
  );
  throw new Error(`事项目录无效（${lines.length} 处）：\n${lines.join('\n')}`);
}

function formatPath(path: readonly PropertyKey[], json: unknown): string {
  if (path.length === 0) return '(root)';
  let out = '';
  path.forEach((key, depth) => {
    out += typeof key === 'number' ? `[${key}]` : `${depth === 0 ? '' : '.'}${String(key)}`;
    // An index alone is hard to find in a long file; the item code is what the manager knows.
    if (depth === 1 && path[0] === 'items' && typeof key === 'number') {
      const code = itemCodeAt(json, key);
      if (code !== undefined) out += `(${code})`;
    }
  });
  return out;
}

function itemCodeAt(json: unknown, index: number): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const items: unknown = (json as { items?: unknown }).items;
  if (!Array.isArray(items)) return undefined;
  const item: unknown = items[index];
  if (typeof item !== 'object' || item === null) return undefined;
  const code: unknown = (item as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
