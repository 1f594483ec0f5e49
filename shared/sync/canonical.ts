// Canonical JSON: the bytes that are hashed and signed must not depend on key order or on the
// engine that produced the object, or the terminal and the center would disagree about a chain.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function canonicalJson(value: unknown): string {
  return write(value);
}

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonicalJson: non-finite number ${value}`);
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      // Plain loops and string concatenation: this runs for every event written and verified.
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + write(value[i]);
        return out + ']';
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      for (const k of keys) {
        const v = record[k];
        if (v === undefined) continue;
        out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + write(v);
      }
      return out + '}';
    }
    default:
      throw new Error(`canonicalJson: cannot encode ${typeof value}`);
  }
}
