/**
 * Accuracy floors on the seed documents, scored against the hand-written gold
 * by fixtures/score.mjs (the same scorer `npm run eval` runs).  These are a
 * ratchet: raise them when the parser improves, never lower them to pass.
 */
import { describe, expect, it } from 'vitest';
import { scoreSeeds } from './helpers/seeds.js';

describe('accuracy on the seeds', () => {
  const score = scoreSeeds();

  it('finds every document', () => {
    expect(score.totals.docs).toBeGreaterThanOrEqual(1);
  });

  it('gets the document metadata (kind, agency, period)', () => {
    expect(score.totals.meta).toBeGreaterThanOrEqual(1);
  });

  it('gets the level-1 and level-2 outline', () => {
    expect(score.totals.outline).toBeGreaterThanOrEqual(1);
  });
});
