/**
 * Machine-readable report: one JSON document, written as results arrive —
 *   {"files":[{"bytes":…,"diagnostics":[…],"errors":0,"passed":true,"path":"…","status":"warnings","warnings":1},
 *   …],"summary":{"errors":0,"files":5,…}}
 * Every input has an entry, those that could not be read included; `status`
 * is the file's real state (ok, warnings, failed, io-error, crashed,
 * skipped) and `passed` says whether it fails the run (warnings do under
 * --strict).  Keys in canonical order; every diagnostic, `info` included.
 */
import { canonicalJson } from '../../serialize.js';
import { fileStatus, type Reporter, type ReporterOptions } from './types.js';

export function jsonReporter(options: Pick<ReporterOptions, 'strict'> = { strict: false }): Reporter {
  let first = true;
  return {
    stream: 'stdout',
    machine: true,
    file: (result) => {
      const status = fileStatus(result, options.strict);
      const entry = canonicalJson({
        path: result.path,
        status,
        passed: status === 'ok' || status === 'warnings' || status === 'skipped',
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
        skipped: totals.skipped,
        errors: totals.errorCount,
        warnings: totals.warningCount,
        bytes: totals.bytes,
        rules: totals.byCode,
      }).trimEnd();
      return `${first ? '{"files":[' : '\n'}],"summary":${summary}}\n`;
    },
  };
}
