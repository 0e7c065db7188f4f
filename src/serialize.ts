/**
 * Serialize stage: canonical JSON (RFC 8785 key order: keys sorted by UTF-16
 * code units; shortest number form; no insignificant whitespace), so the same
 * input always yields byte-identical output.  `pretty` indents with two spaces
 * and keeps the same order.
 */
export function canonicalJson(value: unknown, pretty = false): string {
  return `${write(value, pretty ? '\n' : '', pretty)}\n`;
}

function write(value: unknown, indent: string, pretty: boolean): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot serialize ${value} as JSON`);
      return Object.is(value, -0) ? '0' : String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      const inner = pretty ? `${indent}  ` : '';
      const sep = pretty ? ',' : ',';
      if (Array.isArray(value)) {
        if (value.length === 0) return '[]';
        const items = value.map((item) => `${inner}${write(item, inner, pretty)}`);
        return pretty ? `[${items.join(sep)}${indent}]` : `[${items.join(sep)}]`;
      }
      const keys = Object.keys(value as Record<string, unknown>)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort(compareUtf16);
      if (keys.length === 0) return '{}';
      const colon = pretty ? ': ' : ':';
      const members = keys.map((key) => `${inner}${JSON.stringify(key)}${colon}${write((value as Record<string, unknown>)[key], inner, pretty)}`);
      return pretty ? `{${members.join(sep)}${indent}}` : `{${members.join(sep)}}`;
    }
    default:
      throw new TypeError(`cannot serialize a ${typeof value} as JSON`);
  }
}

function compareUtf16(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
