/**
 * A small glob matcher for `--include` / `--exclude` (Node 20's
 * `path.matchesGlob` is experimental and prints a warning).
 *
 *   *        any run of characters except `/`
 *   ?        one character except `/`
 *   [abc] [a-z] [!a-z] [^a-z]   one character of a class
 *   **       (a whole segment) any number of folders, including none
 *   {a,b}    alternatives (expanded first; at most 256 expansions)
 *   \x       a literal x
 *
 * A pattern without `/` matches a file's name at any depth (like
 * .gitignore); a pattern with `/` matches the path relative to the folder
 * given on the command line.  A trailing `/` means "everything under".
 *
 * Matching is greedy with one backtrack point per level (the classic
 * wildcard algorithm), so it takes O(pattern × path) at worst and never
 * explodes on patterns like `*a*a*a*a*b`.
 */

type Token =
  | { t: 'lit'; c: string }
  | { t: 'any' }
  | { t: 'star' }
  | { t: 'class'; negate: boolean; items: Array<[string, string]> };

type Segment = { t: 'globstar' } | { t: 'seg'; tokens: Token[] };

export type Matcher = (relativePath: string) => boolean;

const MAX_EXPANSIONS = 256;

/** Compile one glob into a predicate over `/`-separated relative paths. */
export function compileGlob(pattern: string): Matcher {
  let source = pattern;
  if (source.startsWith('./')) source = source.slice(2);
  if (source.endsWith('/')) source += '**';
  const alternatives = expandBraces(source).map(compileAlternative);
  return (path) => {
    const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
    return alternatives.some((alt) => alt(segments));
  };
}

/** A predicate true when any of the globs matches (false for an empty list). */
export function anyGlob(patterns: string[]): Matcher {
  const matchers = patterns.map(compileGlob);
  return (path) => matchers.some((match) => match(path));
}

function compileAlternative(pattern: string): (segments: string[]) => boolean {
  const anchored = pattern.includes('/');
  const parts = pattern.split('/').filter((part) => part !== '');
  const segments: Segment[] = [];
  for (const part of parts) {
    if (part === '**') {
      if (segments[segments.length - 1]?.t !== 'globstar') segments.push({ t: 'globstar' });
    } else segments.push({ t: 'seg', tokens: tokenize(part) });
  }
  if (!anchored) {
    // `*.txt` means "a file called *.txt anywhere".
    segments.unshift({ t: 'globstar' });
  }
  return (path) => matchSegments(segments, path);
}

function matchSegments(pattern: Segment[], path: string[]): boolean {
  return wildcardMatch(pattern, path, (segment) => segment.t === 'globstar', (segment, part) => segment.t === 'seg' && matchSegment(segment.tokens, part));
}

function matchSegment(tokens: Token[], text: string): boolean {
  return wildcardMatch(tokens, Array.from(text), (token) => token.t === 'star', (token, char) => token.t !== 'star' && matchChar(token, char));
}

/**
 * Match a pattern with "any run" wildcards against a sequence, the classic
 * greedy way with one backtrack point (linear for one wildcard, O(n·m) at
 * worst): `**` over path segments, `*` over the characters of one segment.
 */
function wildcardMatch<P, S>(pattern: readonly P[], subject: readonly S[], isAny: (p: P) => boolean, matchOne: (p: P, s: S) => boolean): boolean {
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < subject.length) {
    const current = pattern[p];
    if (current !== undefined && !isAny(current) && matchOne(current, subject[s])) {
      p++;
      s++;
    } else if (current !== undefined && isAny(current)) {
      starP = p++;
      starS = s;
    } else if (starP >= 0) {
      p = starP + 1;
      s = ++starS;
    } else return false;
  }
  while (p < pattern.length && isAny(pattern[p])) p++;
  return p === pattern.length;
}

function matchChar(token: Exclude<Token, { t: 'star' }>, char: string): boolean {
  switch (token.t) {
    case 'lit':
      return token.c === char;
    case 'any':
      return true;
    case 'class': {
      const inside = token.items.some(([from, to]) => char >= from && char <= to);
      return inside !== token.negate;
    }
  }
}

function tokenize(part: string): Token[] {
  const chars = Array.from(part);
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\' && i + 1 < chars.length) tokens.push({ t: 'lit', c: chars[++i] });
    else if (c === '*') {
      if (tokens[tokens.length - 1]?.t !== 'star') tokens.push({ t: 'star' });
    } else if (c === '?') tokens.push({ t: 'any' });
    else if (c === '[') {
      const parsed = parseClass(chars, i);
      if (parsed) {
        tokens.push(parsed.token);
        i = parsed.end;
      } else tokens.push({ t: 'lit', c });
    } else tokens.push({ t: 'lit', c });
  }
  return tokens;
}

function parseClass(chars: string[], start: number): { token: Token; end: number } | null {
  let i = start + 1;
  let negate = false;
  if (chars[i] === '!' || chars[i] === '^') {
    negate = true;
    i++;
  }
  const items: Array<[string, string]> = [];
  let first = true;
  for (; i < chars.length; i++) {
    let c = chars[i];
    if (c === ']' && !first) return { token: { t: 'class', negate, items }, end: i };
    first = false;
    if (c === '\\' && i + 1 < chars.length) c = chars[++i];
    if (chars[i + 1] === '-' && i + 2 < chars.length && chars[i + 2] !== ']') {
      let to = chars[i + 2];
      i += 2;
      if (to === '\\' && i + 1 < chars.length) to = chars[++i];
      items.push([c, to]);
    } else items.push([c, c]);
  }
  return null; // unterminated: a literal `[`
}

/** Expand `{a,b}` alternatives (nested allowed); a lone `{` is literal. */
export function expandBraces(pattern: string): string[] {
  const results: string[] = [];
  const queue = [pattern];
  while (queue.length) {
    const current = queue.shift()!;
    const group = findBraceGroup(current);
    if (!group) {
      results.push(current);
      continue;
    }
    const before = current.slice(0, group.open);
    const after = current.slice(group.close + 1);
    for (const option of group.options) {
      if (results.length + queue.length >= MAX_EXPANSIONS) break;
      queue.push(before + option + after);
    }
  }
  return results;
}

function findBraceGroup(text: string): { open: number; close: number; options: string[] } | null {
  for (let open = 0; open < text.length; open++) {
    if (text[open] === '\\') {
      open++;
      continue;
    }
    if (text[open] !== '{') continue;
    let depth = 0;
    const options: string[] = [];
    let from = open + 1;
    for (let i = open; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          options.push(text.slice(from, i));
          if (options.length > 1) return { open, close: i, options };
          break; // `{x}` without a comma is literal
        }
      } else if (c === ',' && depth === 1) {
        options.push(text.slice(from, i));
        from = i + 1;
      }
    }
  }
  return null;
}
