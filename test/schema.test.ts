/**
 * The JSON Schema is the published contract; the TypeScript types must agree
 * with it.  Both ways: real output (typed by the TypeScript types) validates
 * against the schema, and every output type's keys (checked complete by the
 * compiler through `Record<keyof T, true>`) are exactly the schema's properties.
 */
import { describe, expect, it } from 'vitest';
import type { Budget, Diagnostic, Kpi, KpiIndicator, KpiStrategy, ParseResult, Period, PlanDocument, Point, Position, ReportItem, Section, Source, Table, Target, WorkItem } from '../src/types.js';
import { schema, validateResult } from '../src/validate.js';
import { parsedSeed, seedNames } from './helpers/seeds.js';

type Keys<T> = Record<keyof T, true>;
const typeKeys: Record<string, string[]> = {};
const optionalKeys: Record<string, string[]> = {};
/** `optional`: the keys TypeScript marks `?`, which the schema must not require. */
const keys = <T>(name: string, value: Keys<T>, optional: (keyof T & string)[] = []) => {
  typeKeys[name] = Object.keys(value);
  optionalKeys[name] = optional;
};
keys<ParseResult>('', { schemaVersion: true, source: true, documents: true, diagnostics: true });
keys<Source>('source', { path: true, bytes: true, sha256: true, encoding: true, script: true, converted: true, format: true });
keys<Point>('point', { line: true, column: true, offset: true, page: true }, ['page']);
keys<Position>('position', { start: true, end: true });
keys<Diagnostic>('diagnostic', { severity: true, code: true, message: true, position: true });
keys<Period>('period', { from: true, to: true, gregorian: true });
keys<PlanDocument>('document', { kind: true, title: true, agency: true, period: true, revision: true, position: true, sections: true, tables: true, kpis: true, workItems: true, reportItems: true });
keys<Section>('section', { marker: true, style: true, ordinal: true, level: true, title: true, body: true, position: true, children: true });
keys<Table>('table', { kind: true, layout: true, header: true, rows: true, section: true, position: true });
keys<Target>('target', { year: true, gregorianYear: true, raw: true, type: true, value: true, unit: true, comparator: true }, ['comparator']);
keys<Kpi>('kpi', { strategy: true, indicator: true, measure: true, assessment: true, common: true, targets: true, position: true });
keys<KpiStrategy>('kpi.strategy', { marker: true, ordinal: true, text: true, perspective: true, weight: true });
keys<KpiIndicator>('kpi.indicator', { marker: true, ordinal: true, text: true, weight: true });
keys<Budget>('budget', { raw: true, value: true, unit: true, note: true });
keys<WorkItem>('workItem', { path: true, item: true, content: true, budget: true, position: true });
keys<ReportItem>('reportItem', { path: true, status: true, completion: true, note: true, position: true });

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  required?: string[];
  $defs?: Record<string, JsonSchema>;
}

function schemaAt(name: string): JsonSchema {
  const root = schema() as JsonSchema;
  if (name === '') return root;
  const [def, property] = name.split('.');
  const node = root.$defs![def];
  return property ? node.properties![property] : node;
}

describe('schema and types agree', () => {
  for (const [name, expected] of Object.entries(typeKeys)) {
    it(`${name || 'result'}: TypeScript keys are the schema's properties, required unless optional`, () => {
      const node = schemaAt(name);
      expect(Object.keys(node.properties ?? {}).sort()).toEqual([...expected].sort());
      expect([...(node.required ?? [])].sort()).toEqual(expected.filter((key) => !optionalKeys[name].includes(key)).sort());
    });
  }

  for (const name of seedNames) {
    it(`real output for ${name} validates`, () => {
      expect(validateResult(parsedSeed(name))).toEqual([]);
    });
  }

  it('rejects output that breaks the contract', () => {
    const broken = structuredClone(parsedSeed(seedNames[0])) as unknown as { documents: Array<Record<string, unknown>> };
    broken.documents[0].kind = 'plan';
    delete broken.documents[0].sections;
    const problems = validateResult(broken as unknown as ParseResult);
    expect(problems.map((p) => p.code)).toContain('schema-invalid');
    expect(problems.length).toBeGreaterThanOrEqual(2);
  });
});
