/**
 * A tagged PDF (a structure tree with Document / H / P / Table / TR / TH / TD)
 * reads like the same document untagged.  The fixture is LibreOffice's export
 * of corpus ODT 52 with tagging on (see fixtures/corpus/README.md); the corpus
 * PDF 52-lo is LibreOffice's untagged export of the same ODT.  The structure
 * tree is not read: pdf.js's getStructTree gives roles and marked-content ids
 * but not the RowSpan / ColSpan attributes, so merged cells cannot be placed
 * from the tags (README, PDF files).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAsync } from '../src/parse.js';
import { corpusDir, fixturePdf, renditionOf } from './helpers/pdf.js';

const TAGGED = path.join(corpusDir, 'tagged/52_chiayi-public-works-108-111-kpi-lo-tagged.pdf');
const UNTAGGED = path.join(corpusDir, 'files/52_chiayi-public-works-108-111-kpi-lo.pdf');

describe('tagged PDF', () => {
  it('has the text and the tables of the untagged export', async () => {
    const [tagged, untagged] = await Promise.all([renditionOf(TAGGED), renditionOf(UNTAGGED)]);
    expect(tagged.diagnostics).toEqual([]);
    // Spacing aside (tagging splits runs at marked-content boundaries: `100%  100%` vs `100% 100%`).
    const spaced = (text: string) => text.replace(/[ \t]+/g, ' ').replace(/ $/gm, '');
    expect(spaced(tagged.text)).toBe(spaced(untagged.text));
    expect(tagged.tables).toEqual(untagged.tables);
    expect(tagged.tables.map((table) => table.layout)).toContain('pdf-aligned');
  });

  it('gives the KPI rows of the document', async () => {
    const result = await parseAsync(fixturePdf('tagged/52_chiayi-public-works-108-111-kpi-lo-tagged.pdf'));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.documents).toHaveLength(1);
    expect(result.documents[0].kpis).toHaveLength(12);
  });
});
