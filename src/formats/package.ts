/**
 * Shared by the DOCX and ODT front ends: the rendition of a file that cannot
 * be read (a fatal diagnostic, no documents; the other files of a run go on).
 */
import type { Rendition } from '../types.js';

/** A rendition that carries only a fatal error. */
export function failure(format: 'docx' | 'odt', code: string, message: string): Rendition {
  return { text: '', format, tables: [], furniture: [], pageStarts: null, diagnostics: [{ severity: 'error', code, message, position: null }], fatal: true };
}
