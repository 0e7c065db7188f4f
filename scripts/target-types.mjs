#!/usr/bin/env node
// How many KPI targets of an output folder are typed (number, percent, date,
// range, blank) and how many are still free `text`: printed by `npm run eval`
// so the share of typed targets is visible and only goes up.
//
//   node scripts/target-types.mjs OUT_DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2];
if (!root) {
  console.error('usage: target-types.mjs OUT_DIR');
  process.exit(2);
}
const counts = {};
let total = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.json')) {
      const result = JSON.parse(readFileSync(path, 'utf8'));
      for (const document of result.documents ?? []) {
        for (const kpi of document.kpis ?? []) {
          for (const target of kpi.targets ?? []) {
            counts[target.type] = (counts[target.type] ?? 0) + 1;
            total++;
          }
        }
      }
    }
  }
};
walk(root);
const text = counts.text ?? 0;
const typed = total - text;
const parts = Object.entries(counts)
  .sort((a, b) => b[1] - a[1])
  .map(([type, n]) => `${type}=${n}`)
  .join(' ');
console.log(`TARGETS total=${total} typed=${typed} text=${text} typedShare=${total ? (typed / total).toFixed(3) : '1.000'} (${parts})`);
