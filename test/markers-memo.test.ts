/**
 * parseMarker reads a line's marker once: the section stage, the table
 * readers and the record readers ask about the same lines.
 */
import { describe, expect, it } from 'vitest';
import { forgetMarkers, parseMarker } from '../src/markers.js';

describe('parseMarker memo', () => {
  it('the same line gives the same marker object, with the same reading as a fresh parse', () => {
    const line = '（一）落實新住民照顧服務';
    const first = parseMarker(line);
    expect(first).toEqual({ marker: '(一)', style: 'cjk-paren', ordinal: 1, rest: '落實新住民照顧服務', length: 3 });
    expect(parseMarker(line)).toBe(first);
    forgetMarkers();
    const again = parseMarker(line);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('remembers no-marker answers too, and keeps different lines apart', () => {
    expect(parseMarker('1.5 公里')).toBeNull();
    expect(parseMarker('1.5 公里')).toBeNull();
    expect(parseMarker('  1. 辦理')?.length).toBe(5);
    expect(parseMarker('1. 辦理')?.length).toBe(3);
  });

  it('stays bounded over many distinct lines', () => {
    for (let i = 0; i < 10_000; i++) expect(parseMarker(`${i % 99 + 1}. 第${i}項`)?.ordinal).toBe((i % 99) + 1);
  });
});
