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
  const keys = Object.keys(record);
  let inOrder = true;
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1] > keys[i]) {
      inOrder = false;
      break;
    }
  }
  if (!inOrder) keys.sort();
  let changed = !inOrder;
  const values: Json[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const item = record[keys[i]];
    if (item === undefined) changed = true;
    const sorted = sortKeys(item);
    values[i] = sorted;
    if (sorted !== item) changed = true;
  }
  if (!changed) return record as Json;
  const out: { [key: string]: Json } = {};
  for (let i = 0; i < keys.length; i++) if (record[keys[i]] !== undefined) out[keys[i]] = values[i];
  return out;
}
