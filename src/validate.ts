/**
 * Validate stage: check a result against the published JSON Schema
 * (`schemas/plan-document.schema.json`, JSON Schema 2020-12) with ajv.  The
 * build compiles the schema to standalone code (`dist/schema-validator.cjs`,
 * see scripts/build-validator.mjs); running from source compiles it on first
 * use.  Parsing alone never pays for either.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import type { Diagnostic, ParseResult } from './types.js';

export const SCHEMA_URL = new URL('../schemas/plan-document.schema.json', import.meta.url);

let schemaCache: object | undefined;
let validator: ValidateFunction | undefined;

/** The JSON Schema every result follows. */
export function schema(): object {
  return (schemaCache ??= JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object);
}

function compiled(): ValidateFunction {
  if (!validator) {
    // ajv is CommonJS; loading it with require keeps this function synchronous.
    const require = createRequire(import.meta.url);
    const prebuilt = new URL('./schema-validator.cjs', import.meta.url);
    if (existsSync(prebuilt)) return (validator = require(fileURLToPath(prebuilt)) as ValidateFunction);
    const Ajv2020 = require('ajv/dist/2020').default as new (options: object) => { compile(schema: object): ValidateFunction };
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    validator = ajv.compile(schema());
  }
  return validator;
}

/** Schema violations of a result, as error diagnostics (empty when valid). */
export function validateResult(result: ParseResult): Diagnostic[] {
  const validate = compiled();
  if (validate(result)) return [];
  return (validate.errors ?? []).slice(0, 20).map((error) => ({
    severity: 'error' as const,
    code: 'schema-invalid',
    message: `result does not match its schema at ${error.instancePath || '/'}: ${error.message ?? 'invalid'}`,
    position: null,
  }));
}
