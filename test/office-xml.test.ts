/** The streaming XML scanner of the DOCX/ODT front ends (src/formats/xml.ts). */
import { describe, expect, it } from 'vitest';
import { parseXml } from '../src/formats/xml.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function events(xml: string): { events: string[]; problem: string | null } {
  const events: string[] = [];
  const problem = parseXml(Buffer.from(xml), { [W]: 'w' }, {
    open: (name, attributes) => void events.push(`<${name}${attributes.get('w:val') !== undefined ? ` val=${attributes.get('w:val')}` : ''}>`),
    close: (name) => void events.push(`</${name}>`),
    text: (text) => void events.push(text),
  });
  return { events, problem };
}

describe('XML scanner', () => {
  it('names elements and attributes by namespace, whatever prefix the file declares; > inside a value', () => {
    const { events: seen, problem } = events(`<?xml version="1.0"?><ns0:document xmlns:ns0="${W}"><ns0:p><ns0:pStyle ns0:val='Head>ing1'/><ns0:t>a &amp; b &#x4E00;</ns0:t></ns0:p></ns0:document>`);
    expect(problem).toBeNull();
    expect(seen).toEqual(['<w:document>', '<w:p>', '<w:pStyle val=Head>ing1>', '</w:pStyle>', '<w:t>', 'a & b 一', '</w:t>', '</w:p>', '</w:document>']);
  });

  it('reads the default namespace (unprefixed attributes have none), comments and CDATA', () => {
    const { events: seen, problem } = events(`<document xmlns="${W}"><!-- note --><t val="a>b"><![CDATA[<x>]]></t></document>`);
    expect(problem).toBeNull();
    expect(seen).toEqual(['<w:document>', '<w:t>', '<x>', '</w:t>', '</w:document>']);
  });

  it('refuses a DTD, undefined entities, mismatched and unclosed tags', () => {
    expect(events('<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>').problem).toMatch(/DTD/);
    expect(events('<x>&e;</x>').problem).toMatch(/entity/);
    expect(events('<x><y></x>').problem).toMatch(/closes/);
    expect(events('<x><y>').problem).toMatch(/ends before/);
    expect(events('<x/><y/>').problem).toMatch(/second root/);
  });
});
