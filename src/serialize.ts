/**
 * Serialize stage: canonical JSON (RFC 8785 key order: keys sorted by UTF-16
 * code units; shortest number form; no insignificant whitespace), so the same
 * input always yields byte-identical output.  `pretty` indents with two spaces
 * and keeps the same order.
 *
 * Objects are first copied into sorted key order (only where they are not in
 * it already) and then written by the native JSON.stringify, whose number and
 * string forms are the ones RFC 8785 prescribes.  The stages build their most
 * numerous objects (points, positions) with keys already in order, so for
 * them the copy is only a check.
 */
export function canonicalJson(value: unknown, pretty = false): string {
  return `${JSON.stringify(sortKeys(value), null, pretty ? 2 : undefined)}\n`;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function sortKeys(value: unknown): Json {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`cannot serialize ${value} as JSON`);
    return value as Json;
  }
  if (Array.isArray(value)) {
    let out: Json[] = value;
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as unknown;
      const sorted = sortKeys(item);
      if (sorted !== item) {
        if (out === value) out = value.slice();
        out[i] = sorted;
      }
    }
    return out;
  }
  const record = value as Record<string, unknown>;
  // First pass without allocating: are the keys in order and every value
  // already canonical?  Most objects are, and are returned as they are.
  // (for…in walks an ordinary object's own keys in the order Object.keys
  // gives them; results are plain data objects with nothing inherited.)
  // `checked` values are known canonical and are not walked again below.
  let previous: string | null = null;
  let checked = 0;
  let pending: Json | undefined;
  let clean = true;
  for (const key in record) {
    const item = record[key];
    if ((previous !== null && previous > key) || item === undefined) {
      clean = false;
      break;
    }
    const sorted = sortKeys(item);
    if (sorted !== item) {
      pending = sorted;
      clean = false;
      break;
    }
    previous = key;
    checked++;
  }
  if (clean) return record as Json;
  const keys = Object.keys(record);
  const values = new Map<string, Json>();
  for (let i = 0; i < keys.length; i++) {
    const item = record[keys[i]];
    if (item === undefined) continue;
    values.set(keys[i], i < checked ? (item as Json) : i === checked && pending !== undefined ? pending : sortKeys(item));
  }
  keys.sort();
  const out: { [key: string]: Json } = {};
  for (const key of keys) if (values.has(key)) out[key] = values.get(key)!;
  return out;
}
