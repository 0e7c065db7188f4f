import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `root` (none when it does not exist yet), relative, sorted. */
export function walk(root: string, prefix = ''): string[] {
  if (!existsSync(join(root, prefix))) return [];
  const out: string[] = [];
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(root, rel));
    else out.push(rel);
  }
  return out.sort();
}
