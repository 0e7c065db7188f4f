/**
 * Streaming XML for the parts of DOCX and ODT packages (saxes: no DTD, no
 * external entities, no tree in memory).  Element and attribute names reach
 * the handlers with a canonical prefix chosen by namespace URI (`w:p`,
 * `text:h`), whatever prefix the file declares, so a reader can compare
 * names as strings.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

/** Attributes of an element by canonical name (`w:val`, `text:style-name`). */
export type Attributes = Map<string, string>;

export interface XmlHandlers {
  open(name: string, attributes: Attributes): void;
  close(name: string): void;
  text(text: string): void;
}

/** Stops the parser from a handler (a limit reached); the message becomes the error. */
export class XmlStop extends Error {}

/**
 * Parse `bytes` (UTF-8, or UTF-16 with a BOM), calling the handlers in
 * document order.  `prefixes` maps namespace URIs to canonical prefixes;
 * names in other namespaces get the prefix `?`.  Returns null when the part
 * is well-formed, else what is wrong with it (the handlers have then seen a
 * prefix of the part, which the caller discards).
 */
export function parseXml(bytes: Uint8Array, prefixes: Readonly<Record<string, string>>, handlers: XmlHandlers): string | null {
  const text = decodePart(bytes);
  const parser = new SaxesParser({ xmlns: true, position: true });
  let problem: string | null = null;
  const nameOf = (uri: string, local: string): string => `${prefixes[uri] ?? (uri === '' ? '' : '?')}${uri === '' ? '' : ':'}${local}`;
  parser.on('doctype', () => {
    // Office parts never carry a DTD; one here could only declare entities.
    throw new XmlStop('the part declares a DTD, which document parts never do');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attributes: Attributes = new Map();
    for (const key in tag.attributes) {
      const attribute = tag.attributes[key];
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      attributes.set(attribute.uri === '' ? attribute.local : nameOf(attribute.uri, attribute.local), attribute.value);
    }
    handlers.open(nameOf(tag.uri, tag.local), attributes);
  });
  parser.on('closetag', (tag) => handlers.close(nameOf((tag as SaxesTagNS).uri, tag.local ?? tag.name)));
  parser.on('text', (chunk) => handlers.text(chunk));
  parser.on('cdata', (chunk) => handlers.text(chunk));
  parser.on('error', (error) => {
    throw new XmlStop(error.message);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (!(error instanceof XmlStop)) throw error;
    problem = error.message;
  }
  return problem;
}

function decodePart(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}
