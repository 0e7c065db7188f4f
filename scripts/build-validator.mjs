#!/usr/bin/env node
// Compile the JSON Schema into standalone validation code (dist/schema-validator.cjs)
// at build time: compiling it with ajv at run time costs ~100 ms of every cold start.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const standaloneCode = require('ajv/dist/standalone').default;

const schema = JSON.parse(readFileSync(new URL('../schemas/plan-document.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, code: { source: true } });
const validate = ajv.compile(schema);
mkdirSync(new URL('../dist/', import.meta.url), { recursive: true });
writeFileSync(new URL('../dist/schema-validator.cjs', import.meta.url), standaloneCode(ajv, validate));
