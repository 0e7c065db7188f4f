/**
 * Machine-readable report (stdout): one JSON document, written as results
 * arrive —
 *   {"files":[{"diagnostics":[…],"errors":0,"path":"…","status":"ok","warnings":1},
 *   …],"summary":{"errors":0,"files":5,…}}
 * Keys in canonical order; every diagnostic, `info` included.
 */
import { canonicalJson } from '../../serialize.js';
import type { Reporter } from './types.js';

export function jsonReporter(): Reporter {
  let first = true;
  return {
    stream: 'stdout',
    file: (result) => {
      const entry = canonicalJson({
        path: result.path,
        status: result.status,
        bytes: result.bytes,
        errors: result.errors,
        warnings: result.warnings,
        diagnostics: result.diagnostics,
      }).trimEnd();
      const text = `${first ? '{"files":[\n' : ',\n'}${entry}`;
      first = false;
      return text;
    },
    end: (totals) => {
      const summary = canonicalJson({
        files: totals.files,
        ok: totals.ok,
        withWarnings: totals.warnings,
        withErrors: totals.errors,
        errors: totals.errorCount,
        warnings: totals.warningCount,
        bytes: totals.bytes,
      }).trimEnd();
      return `${first ? '{"files":[' : '\n'}],"summary":${summary}}\n`;
    },
  };
}
