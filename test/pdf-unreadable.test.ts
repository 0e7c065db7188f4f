/**
 * PDFs whose fonts have a missing or broken ToUnicode map: glyphs are drawn
 * but the text extracts as garbage or as nothing.  The fixtures are corpus
 * PDF 51 (headless Chromium, Noto Sans CJK subsets) with its ToUnicode maps
 * edited by `scripts/make-broken-tounicode.py` (see fixtures/corpus/README.md).
 */
import { describe, expect, it } from 'vitest';
import { countGlyphs, isDocumentText, measureText, unreadableText } from '../src/formats/pdf/unreadable.js';
import { parseAsync } from '../src/parse.js';
import { validateResult } from '../src/validate.js';
import { fixturePdf } from './helpers/pdf.js';

describe('unreadable PDF text', () => {
  it('a map into the private-use area: an error naming the page, no records', async () => {
    const result = await parseAsync(fixturePdf('bad/51-tounicode-private-use.pdf'));
    expect(result.documents).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['pdf-unreadable-text']);
    expect(result.diagnostics[0].message).toMatch(/^page 1: its text cannot be decoded .*ToUnicode/);
    expect(validateResult(result)).toEqual([]);
  });

  it('a map that gives spaces: glyphs drawn without text is that error, not "no text layer"', async () => {
    const result = await parseAsync(fixturePdf('bad/51-tounicode-spaces.pdf'));
    expect(result.documents).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['pdf-unreadable-text']);
    expect(result.diagnostics[0].message).toMatch(/^page 1: its glyphs are drawn but carry no text/);
  });

  it('one page without ToUnicode among readable ones: a warning at that page, its garbage left out', async () => {
    const result = await parseAsync(fixturePdf('bad/51-page2-without-tounicode.pdf'));
    const warnings = result.diagnostics.filter((d) => d.code === 'pdf-unreadable-text');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].severity).toBe('warning');
    expect(warnings[0].message).toMatch(/^page 2: /);
    expect(warnings[0].position?.start.page).toBe(2);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Page 1 (the cover) is read; page 2's glyph ids read as code points are not.
    expect(result.documents[0].agency).toBe('嘉義市政府教育處');
    expect(result.documents[0].kpis).toEqual([]);
    expect(validateResult(result)).toEqual([]);
  });

  it('the readable corpus PDF gives no such diagnostic', async () => {
    const result = await parseAsync(fixturePdf('files/51_chiayi-education-108-111-kpi.pdf'));
    expect(result.diagnostics.filter((d) => d.code === 'pdf-unreadable-text')).toEqual([]);
    expect(result.documents[0].kpis).toHaveLength(8);
  });

  it('tells the scripts these documents are written in from glyph ids read as code points', () => {
    //   > | ʐࠌΒӝΰӥ࠽ࢽďఢ ࡘΣβ ԃӝं
    //       ^
    const garbage = measureText(['ʐࠌΒӝΰӥ࠽ࢽďఢ ࡘΣβ ԃӝं', 'ʐࠌΒӝΰӥ࠽ࢽďఢ'], 30, 0);
    expect(unreadableText(garbage)).toBe('garbage');
    const text = measureText(['1.提升資訊安全    85%   90%', '（單位：千元）μg/m³ 第1季～第4季'], 40, 2);
    expect(unreadableText(text)).toBeNull();
    expect(['嘉', '（', '％', '①', '→', 'é', '𠀀'].every((c) => isDocumentText(c.codePointAt(0)!))).toBe(true);
    expect(['\uE000', '\uFFFD', 'ʐ', 'ࠌ', '\u0001'].some((c) => isDocumentText(c.codePointAt(0)!))).toBe(false);
  });

  it('counts painted glyphs and the blank ones from an operator list', () => {
    const OPS = { showText: 44, showSpacedText: 45, nextLineShowText: 46, nextLineSetSpacingShowText: 47 };
    const glyph = (unicode: string) => ({ unicode, isSpace: unicode === ' ' });
    const counted = countGlyphs({ fnArray: [44, 45, 1], argsArray: [[[glyph('嘉'), glyph(' ')]], [[glyph(''), -120, glyph('義')]], [[glyph('x')]]] }, OPS);
    expect(counted).toEqual({ glyphs: 4, blankGlyphs: 2 });
    // Space-padded pages (the real budget books reach 57% blank glyphs) are not unreadable.
    expect(unreadableText({ characters: 150, notText: 0, glyphs: 500, blankGlyphs: 290 })).toBeNull();
    expect(unreadableText({ characters: 0, notText: 0, glyphs: 917, blankGlyphs: 917 })).toBe('missing');
  });
});
