#!/usr/bin/env node
import { existsSync } from 'node:fs';

// A fresh clone has no dist/ until it is built (npm start and npm test build first).
if (!existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
  process.stderr.write('plan-parse: not built yet: run `npm run build` first (npm start and npm test do it for you)\n');
  process.exit(2);
}
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
