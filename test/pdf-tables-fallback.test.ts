/**
 * A fault inside the PDF table readers costs the tables, not the file: the
 * rendition falls back to text alone and says so (`pdf-tables-unread`).
 * The borderless reader is made to throw here, as a bug in it would.
 */
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readPdf } from '../src/formats/pdf.js';
import { parseAsync } from '../src/parse.js';
import { fixturePdf } from './helpers/pdf.js';

vi.mock('../src/formats/pdf/borderless.js', () => ({
  borderlessTables: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'index')");
  },
}));

const NAME = 'files/51_chiayi-education-108-111-kpi.pdf';

describe('a fault in the PDF table readers', () => {
  it('leaves the text and a warning', async () => {
    const rendition = await readPdf(new Uint8Array(fixturePdf(NAME)));
    expect(rendition.fatal).toBe(false);
    expect(rendition.tables).toEqual([]);
    expect(rendition.text).toContain('關鍵績效指標');
    expect(rendition.diagnostics.map((d) => d.code)).toContain('pdf-tables-unread');
  });

  it('still gives the document and its KPIs, read from the text rendition', async () => {
    const result = await parseAsync(fixturePdf(NAME), { path: path.basename(NAME) });
    expect(result.documents).toHaveLength(1);
    expect(result.documents[0].kpis.length).toBeGreaterThan(0);
    expect(result.diagnostics.some((d) => d.code === 'pdf-tables-unread')).toBe(true);
  });
});
