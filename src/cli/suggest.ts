/**
 * `plan-parse valdate plans/` takes `valdate` as a file name.  When such a
 * path does not exist and looks like a command (a bare word, close to one),
 * the "no such file" message says which command was probably meant.
 */
const COMMANDS = ['validate', 'kpis', 'items', 'schema', 'help'];

/** Edit distance (Levenshtein), for short words only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** ` (did you mean plan-parse validate?)` for a missing path that looks like a command, else ''. */
export function suggestCommand(path: string): string {
  const word = path.trim().toLowerCase();
  // A path with a folder or an extension is a file name, not a mistyped command.
  if (!/^[a-z-]{2,16}$/.test(word)) return '';
  if (word === 'help' || word === '-help') return ' (did you mean plan-parse --help?)';
  let best = '';
  let bestDistance = Infinity;
  for (const command of COMMANDS) {
    const d = distance(word, command);
    if (d < bestDistance) {
      best = command;
      bestDistance = d;
    }
  }
  const limit = best.length <= 5 ? 1 : 2;
  if (bestDistance > limit) return '';
  return best === 'help' ? ' (did you mean plan-parse --help?)' : ` (did you mean plan-parse ${best}?)`;
}
