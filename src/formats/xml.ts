/**
 * Streaming XML for the parts of DOCX and ODT packages: a scanner over the
 * part's text that calls handlers for each start tag, end tag and run of
 * text, in document order, with no tree in memory.  No DTD is processed (a
 * part that declares one is refused) and no entity is expanded beyond the
 * five predefined ones and character references, so no external entity or
 * entity expansion bomb reaches the reader.
 *
 * Why not a general XML library: saxes reads these parts at about 8 M
 * characters a second, which makes a DOCX (compressed 5–10×) read at about
 * 1 MB/s; these parts need only well-formed XML 1.0 without a DTD, which a
 * scanner built on `indexOf` reads many times faster.
 *
 * Element and attribute names reach the handlers with a canonical prefix
 * chosen by namespace URI (`w:p`, `text:h`), whatever prefix the file
 * declares, so a reader compares names as strings.
 */

/** Attributes of an element by canonical name (`w:val`, `text:style-name`); read on demand. */
export interface Attributes {
  get(name: string): string | undefined;
}

export interface XmlHandlers {
  /** A start tag; returning true skips the element's content (no events for it; `close` still follows). */
  open(name: string, attributes: Attributes): boolean | void;
  close(name: string): void;
  text(text: string): void;
  /** Whether text here is wanted; when it says no, the text is not decoded (most of a part is markup and layout). */
  wantsText?(): boolean;
}

interface Scope {
  /** Element depth at which the declarations were made. */
  depth: number;
  /** Declared prefix ('' for the default namespace) → canonical prefix. */
  prefixes: Map<string, string>;
  /** Raw element name → canonical name, for this scope. */
  names: Map<string, string>;
  /** Canonical attribute name → the name in the file, for this scope. */
  raw: Map<string, string>;
  /** Every declared prefix is its canonical one (the usual case): names need no mapping. */
  identity: boolean;
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/**
 * Parse `bytes` (UTF-8, or UTF-16 with a BOM), calling the handlers in
 * document order.  `prefixes` maps namespace URIs to canonical prefixes;
 * names in other namespaces get the prefix `?`.  Returns null when the part
 * is well-formed, else what is wrong with it (the handlers have then seen a
 * prefix of the part, which the caller discards).
 *
 * The part is scanned as Latin-1, one character per byte (markup is ASCII,
 * and a one-byte string is scanned fastest); only the text and attribute
 * values handed on are decoded as UTF-8, from their bytes.
 */
export function parseXml(bytes: Uint8Array, prefixes: Readonly<Record<string, string>>, handlers: XmlHandlers): string | null {
  const buffer = utf8Bytes(bytes);
  const text = buffer.toString('latin1', 0, buffer.length);
  const n = text.length;
  // Raw and canonical names of the open elements.
  const open: string[] = [];
  const openCanonical: string[] = [];
  const canonicalPrefixes = canonicalPrefixSet(prefixes);
  const rootPrefixes = new Map([['xml', prefixes[XML_NAMESPACE] ?? 'xml']]);
  const scopes: Scope[] = [{ depth: -1, prefixes: rootPrefixes, names: new Map(), raw: new Map(), identity: isIdentity(rootPrefixes, canonicalPrefixes) }];
  const attributes = new LazyAttributes(buffer, text);
  const names = new NameTable(text);
  const skipper = new Skipper(text);
  const wantsText = handlers.wantsText ? () => handlers.wantsText!() : () => true;
  let rootSeen = false;
  let nextGt = -2;
  let nextDouble = -2;
  let nextSingle = -2;
  let nextXmlns = -2;
  let i = text.charCodeAt(0) === 0xef && text.charCodeAt(1) === 0xbb && text.charCodeAt(2) === 0xbf ? 3 : 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (end > i) {
      if (open.length > 0) {
        if (wantsText()) {
          const chunk = decodeEntities(utf8(buffer, text, i, end));
          if (chunk === null) return `an undefined entity near character ${i}`;
          handlers.text(chunk);
        }
      } else if (text.slice(i, end).trim() !== '') return 'text outside the root element';
    }
    if (lt === -1) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      const gt = text.indexOf('>', lt);
      if (gt === -1) return 'the part ends inside an end tag';
      const expected = open.pop();
      if (expected === undefined || !isEndTag(text, lt + 2, gt, expected)) {
        const name = text.slice(lt + 2, gt).trim();
        return expected === undefined ? `an end tag </${name}> without its start` : `</${name}> closes <${expected}>`;
      }
      const scope = scopes[scopes.length - 1];
      handlers.close(openCanonical.pop()!);
      if (scope.depth === open.length) scopes.pop();
      i = gt + 1;
      continue;
    }
    if (next === 0x3f /* ? */) {
      const close = text.indexOf('?>', lt + 2);
      if (close === -1) return 'the part ends inside a processing instruction';
      i = close + 2;
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const close = text.indexOf('-->', lt + 4);
        if (close === -1) return 'the part ends inside a comment';
        i = close + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const close = text.indexOf(']]>', lt + 9);
        if (close === -1) return 'the part ends inside a CDATA section';
        if (open.length > 0 && wantsText()) handlers.text(utf8(buffer, text, lt + 9, close));
        i = close + 3;
      } else if (text.startsWith('<!DOCTYPE', lt)) {
        // Office parts never carry a DTD; one here could only declare entities.
        return 'the part declares a DTD, which document parts never do';
      } else return `a malformed declaration at character ${lt}`;
      continue;
    }
    // A start tag: its end is the first `>` outside quoted attribute values.
    // The next `>`, `"` and `'` are cached (they only move forward), so the
    // scan stays linear with a few indexOf calls per tag.
    let gt = -1;
    for (let at = lt + 1; gt === -1; ) {
      if (nextGt !== -1 && nextGt < at) nextGt = text.indexOf('>', at);
      if (nextDouble !== -1 && nextDouble < at) nextDouble = text.indexOf('"', at);
      if (nextSingle !== -1 && nextSingle < at) nextSingle = text.indexOf("'", at);
      if (nextGt === -1) return 'the part ends inside a start tag';
      const quote = nextDouble === -1 ? nextSingle : nextSingle === -1 ? nextDouble : Math.min(nextDouble, nextSingle);
      if (quote === -1 || quote > nextGt) gt = nextGt;
      else {
        const close = text.indexOf(text[quote], quote + 1);
        if (close === -1) return 'the part ends inside an attribute value';
        at = close + 1;
      }
    }
    const selfClosing = text.charCodeAt(gt - 1) === 0x2f;
    const tagEnd = selfClosing ? gt - 1 : gt;
    const name = names.read(lt + 1, tagEnd);
    if (name === '') return `a malformed start tag at character ${lt}`;
    const nameEnd = lt + 1 + name.length;
    if (open.length === 0 && rootSeen) return 'a second root element';
    rootSeen = true;
    attributes.reset(nameEnd, tagEnd);
    if (nextXmlns !== -1 && nextXmlns < nameEnd) nextXmlns = text.indexOf('xmlns', nameEnd);
    if (nextXmlns !== -1 && nextXmlns < tagEnd) {
      const declared = knownDeclarations(attributes.raw(), prefixes, (start, stop) => utf8(buffer, text, nameEnd + start, nameEnd + stop));
      if (declared.size) {
        const parent = scopes[scopes.length - 1];
        const merged = new Map(parent.prefixes);
        for (const [prefix, canonical] of declared) merged.set(prefix, canonical);
        scopes.push({ depth: open.length, prefixes: merged, names: new Map(), raw: new Map(), identity: isIdentity(merged, canonicalPrefixes) });
      }
    }
    const scope = scopes[scopes.length - 1];
    attributes.scope = scope;
    const canonical = canonicalName(name, scope);
    const skip = handlers.open(canonical, attributes) === true;
    if (selfClosing) {
      handlers.close(canonical);
      if (scope.depth === open.length) scopes.pop();
      i = gt + 1;
    } else if (skip) {
      const after = skipper.end(name, gt + 1);
      if (after === -1) return `the part ends before </${name}>`;
      handlers.close(canonical);
      if (scope.depth === open.length) scopes.pop();
      i = after;
    } else {
      open.push(name);
      openCanonical.push(canonical);
      i = gt + 1;
    }
  }
  if (open.length > 0) return `the part ends before </${open[open.length - 1]}>`;
  return null;
}

/** The part as UTF-8 bytes: UTF-16 (with its BOM) is transcoded, once. */
function utf8Bytes(bytes: Uint8Array): Buffer {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    return Buffer.from(new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes), 'utf8');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Characters [start, end) of the Latin-1 view decoded as UTF-8 (ASCII is already right). */
function utf8(buffer: Buffer, latin1: string, start: number, end: number): string {
  for (let at = start; at < end; at++) if (latin1.charCodeAt(at) >= 0x80) return buffer.toString('utf8', start, end);
  return latin1.slice(start, end);
}

/** Whether `text` at [from, gt) is `expected` and white space: the end tag of the open element. */
function isEndTag(text: string, from: number, gt: number, expected: string): boolean {
  if (!sameAt(text, from, expected)) return false;
  for (let at = from + expected.length; at < gt; at++) if (!isSpace(text.charCodeAt(at))) return false;
  return true;
}

/** Whether `text` holds `name` at `from` (names are short: a loop beats a call to startsWith). */
function sameAt(text: string, from: number, name: string): boolean {
  if (from + name.length > text.length) return false;
  for (let k = 0; k < name.length; k++) if (text.charCodeAt(from + k) !== name.charCodeAt(k)) return false;
  return true;
}

/**
 * Finds where a skipped element ends without reading its content as XML:
 * tag by tag, comparing each with the element's name only, counting the
 * elements of the same name inside it (a `w:rPr` inside `w:rPrChange`
 * inside `w:rPr`).
 */
class Skipper {
  constructor(private readonly text: string) {}

  /** The index after the end tag closing the element `name` whose content starts at `from`, or -1. */
  end(name: string, from: number): number {
    const text = this.text;
    let depth = 1;
    for (let lt = text.indexOf('<', from); lt !== -1; lt = text.indexOf('<', lt + 1)) {
      const closing = text.charCodeAt(lt + 1) === 0x2f;
      const at = closing ? lt + 2 : lt + 1;
      if (!sameAt(text, at, name) || !isNameEnd(text.charCodeAt(at + name.length))) continue;
      const gt = text.indexOf('>', at);
      if (gt === -1) return -1;
      if (closing) {
        if (--depth === 0) return gt + 1;
      } else if (text.charCodeAt(gt - 1) !== 0x2f) depth++;
      lt = gt;
    }
    return -1;
  }
}

function isNameEnd(code: number): boolean {
  return code === 0x3e /* > */ || code === 0x2f /* / */ || isSpace(code);
}

const NAME_SLOTS = 1024;

/**
 * Element names, read once: a name is hashed while its end is found, and the
 * same name later yields the same string from a small table, with no slice
 * per tag (a part has tens of distinct names and tens of thousands of tags).
 */
class NameTable {
  // (Left holey: filling 1024 slots cost more than scanning a small part.)
  private readonly slots: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS);

  constructor(private readonly text: string) {}

  /** The name starting at `from` (it ends at white space or `end`). */
  read(from: number, end: number): string {
    const text = this.text;
    let hash = 0;
    let at = from;
    for (; at < end; at++) {
      const code = text.charCodeAt(at);
      if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) break;
      hash = (Math.imul(hash, 31) + code) | 0;
    }
    const slot = hash & (NAME_SLOTS - 1);
    const known = this.slots[slot];
    if (known !== undefined && known.length === at - from && sameAt(text, from, known)) return known;
    const name = text.slice(from, at);
    this.slots[slot] = name;
    return name;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** An element name with the canonical prefix of its namespace (`wp:p` declared for WordprocessingML → `w:p`). */
function canonicalName(name: string, scope: Scope): string {
  if (scope.identity) return name;
  const cached = scope.names.get(name);
  if (cached !== undefined) return cached;
  const colon = name.indexOf(':');
  let result: string;
  if (colon === -1) {
    const defaultPrefix = scope.prefixes.get('');
    result = defaultPrefix ? `${defaultPrefix}:${name}` : name;
  } else result = `${scope.prefixes.get(name.slice(0, colon)) ?? '?'}:${name.slice(colon + 1)}`;
  scope.names.set(name, result);
  return result;
}

/**
 * Whether names can be passed on as written: each prefix declared for a
 * known namespace is that namespace's canonical prefix, no prefix of an
 * unknown namespace looks like a canonical one, and there is no default
 * namespace (unprefixed names would need one).
 */
function isIdentity(declared: Map<string, string>, canonical: Set<string>): boolean {
  for (const [prefix, mapped] of declared) {
    if (prefix === '' ? mapped !== '' : mapped === '?' ? canonical.has(prefix) : mapped !== prefix) return false;
  }
  return true;
}

/** The canonical prefixes of a front end's namespace map, made once per map (a package has several parts). */
const canonicalSets = new WeakMap<Readonly<Record<string, string>>, Set<string>>();

function canonicalPrefixSet(prefixes: Readonly<Record<string, string>>): Set<string> {
  let set = canonicalSets.get(prefixes);
  if (!set) canonicalSets.set(prefixes, (set = new Set(Object.values(prefixes))));
  return set;
}

/** The last root tags' declarations, by their text: a producer writes the same ~50 declarations on every part of every file. */
const recentDeclarations: { raw: string; prefixes: Readonly<Record<string, string>>; declared: ReadonlyMap<string, string> }[] = [];
const RECENT_DECLARATIONS = 8;
/** Tags longer than this are not remembered (a real root tag is a few KB). */
const MAX_REMEMBERED_TAG = 16 << 10;

/**
 * `declarations`, remembered for the last few distinct tags (the map is only
 * read by the caller, so one map can serve every part that declares the same).
 */
function knownDeclarations(raw: string, prefixes: Readonly<Record<string, string>>, decode: (start: number, end: number) => string): ReadonlyMap<string, string> {
  for (const entry of recentDeclarations) if (entry.prefixes === prefixes && entry.raw === raw) return entry.declared;
  const declared = declarations(raw, prefixes, decode);
  if (raw.length <= MAX_REMEMBERED_TAG) {
    // A copy of the tag's text, not a slice that would keep the whole part alive.
    recentDeclarations.unshift({ raw: Buffer.from(raw, 'latin1').toString('latin1'), prefixes, declared });
    if (recentDeclarations.length > RECENT_DECLARATIONS) recentDeclarations.pop();
  }
  return declared;
}

/**
 * Namespace declarations of a start tag, by declared prefix (`''` for the
 * default namespace), each mapped to its canonical prefix:
 *
 *   > | <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
 *                   ^^^^^^^ w → w
 */
function declarations(raw: string, prefixes: Readonly<Record<string, string>>, decode: (start: number, end: number) => string): Map<string, string> {
  const declared = new Map<string, string>();
  for (let at = raw.indexOf('xmlns'); at !== -1; at = raw.indexOf('xmlns', at + 5)) {
    if (!isSpace(raw.charCodeAt(at - 1))) continue;
    let end = at + 5;
    if (raw.charCodeAt(end) === 0x3a /* : */) while (end < raw.length && !isSpace(raw.charCodeAt(end)) && raw.charCodeAt(end) !== 0x3d) end++;
    const uri = attributeValue(raw, end, decode);
    if (uri === undefined) continue;
    declared.set(end === at + 5 ? '' : raw.slice(at + 6, end), prefixes[uri] ?? (uri === '' ? '' : '?'));
  }
  return declared;
}

/** The value of the attribute whose name ends at `after`: `="…"` or `='…'`, spaces allowed around `=`. */
function attributeValue(raw: string, after: number, decode: (start: number, end: number) => string): string | undefined {
  let eq = after;
  while (isSpace(raw.charCodeAt(eq))) eq++;
  if (raw.charCodeAt(eq) !== 0x3d /* = */) return undefined;
  let open = eq + 1;
  while (isSpace(raw.charCodeAt(open))) open++;
  const quote = raw.charCodeAt(open);
  if (quote !== 0x22 && quote !== 0x27) return undefined;
  const close = raw.indexOf(quote === 0x22 ? '"' : "'", open + 1);
  if (close === -1) return undefined;
  return decodeEntities(decode(open + 1, close)) ?? '';
}

/**
 * The attributes of the current start tag, found on demand: the name asked
 * for is looked up in the tag's text under the prefix the file declared for
 * its namespace (most tags are asked for one attribute or none, so the tag's
 * text is cut out only when asked).
 */
class LazyAttributes implements Attributes {
  scope: Scope | null = null;
  private start = 0;
  private end = 0;
  private text: string | null = null;
  private readonly decode = (start: number, end: number): string => utf8(this.buffer, this.latin1, this.start + start, this.start + end);

  constructor(
    private readonly buffer: Buffer,
    private readonly latin1: string,
  ) {}

  reset(start: number, end: number): void {
    this.start = start;
    this.end = end;
    this.text = null;
  }

  /** The tag's text after its name. */
  raw(): string {
    return (this.text ??= this.latin1.slice(this.start, this.end));
  }

  get(name: string): string | undefined {
    if (this.end - this.start < name.length + 3) return undefined;
    const raw = this.raw();
    const rawName = this.scope ? rawAttributeName(name, this.scope) : name;
    for (let at = raw.indexOf(rawName); at !== -1; at = raw.indexOf(rawName, at + 1)) {
      if (!isSpace(raw.charCodeAt(at - 1))) continue;
      const value = attributeValue(raw, at + rawName.length, this.decode);
      if (value !== undefined) return value;
    }
    return undefined;
  }
}

/** The name an attribute has in the file: its canonical prefix replaced by the one declared for that namespace. */
function rawAttributeName(name: string, scope: Scope): string {
  const colon = name.indexOf(':');
  if (colon === -1) return name;
  let raw = scope.raw.get(name);
  if (raw === undefined) {
    const canonical = name.slice(0, colon);
    let declared: string | undefined;
    for (const [prefix, value] of scope.prefixes) if (value === canonical && prefix !== '') declared = declared ?? prefix;
    raw = `${declared ?? canonical}:${name.slice(colon + 1)}`;
    scope.raw.set(name, raw);
  }
  return raw;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with the predefined entities and character references replaced; null for an undefined entity. */
function decodeEntities(text: string): string | null {
  if (!text.includes('&')) return text;
  let out = '';
  let at = 0;
  for (let amp = text.indexOf('&'); amp !== -1; amp = text.indexOf('&', at)) {
    const semi = text.indexOf(';', amp);
    if (semi === -1 || semi - amp > 12) return null;
    const entity = text.slice(amp + 1, semi);
    let value: string | undefined;
    if (entity.startsWith('#x') || entity.startsWith('#X')) value = codePoint(Number.parseInt(entity.slice(2), 16));
    else if (entity.startsWith('#')) value = codePoint(Number.parseInt(entity.slice(1), 10));
    else value = PREDEFINED[entity];
    if (value === undefined) return null;
    out += text.slice(at, amp) + value;
    at = semi + 1;
  }
  return out + text.slice(at);
}

function codePoint(n: number): string | undefined {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : undefined;
}
