/**
 * SARIF 2.1.0 (for code-scanning dashboards such as GitHub's
 * upload-sarif): one run, the quality rules and parser codes met as
 * `tool.driver.rules`, one result per error or warning with its file and
 * region.  Results are written as files arrive; the tool part, which needs
 * every code seen, comes last (key order does not matter in JSON).
 */
import { RULES } from '../../quality/index.js';
import type { Diagnostic } from '../../types.js';
import type { Reporter, ReporterOptions } from './types.js';

const LEVEL: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'note' };

/** A path as a relative URI reference (`plans/a b.txt` → `plans/a%20b.txt`). */
function uri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

export function sarifReporter(options: Pick<ReporterOptions, 'version'>): Reporter {
  let first = true;
  let started = false;
  const head = '{"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json","runs":[{"results":[';
  const seen = new Map<string, Diagnostic['severity']>();
  return {
    stream: 'stdout',
    machine: true,
    file: (result) => {
      let text = '';
      for (const d of result.diagnostics) {
        if (d.severity === 'info') continue;
        if (!seen.has(d.code)) seen.set(d.code, d.severity);
        const location: Record<string, unknown> = { artifactLocation: { uri: uri(result.path) } };
        if (d.position) {
          const { start, end } = d.position;
          const region: Record<string, number> = { startLine: start.line, startColumn: start.column };
          if (end.line > start.line || (end.line === start.line && end.column > start.column)) {
            region.endLine = end.line;
            region.endColumn = end.column;
          }
          location.region = region;
        }
        const entry = { ruleId: d.code, level: LEVEL[d.severity], message: { text: d.message }, locations: [{ physicalLocation: location }] };
        text += `${first ? '' : ',\n'}${JSON.stringify(entry)}`;
        first = false;
      }
      if (!text || started) return text;
      started = true;
      return `${head}\n${text}`;
    },
    end: () => {
      const rules = RULES.map((rule) => ({ id: rule.id, shortDescription: { text: rule.description }, defaultConfiguration: { level: LEVEL[rule.severity] } }));
      for (const [code, severity] of seen) {
        if (!RULES.some((rule) => rule.id === code)) rules.push({ id: code, shortDescription: { text: `plan-parse diagnostic ${code}` }, defaultConfiguration: { level: LEVEL[severity] } });
      }
      const tool = { driver: { name: 'plan-parse', version: options.version, informationUri: 'https://www.npmjs.com/package/plan-parse', rules } };
      return `${started ? '\n' : head}],"tool":${JSON.stringify(tool)}}]}\n`;
    },
  };
}
