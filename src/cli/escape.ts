/**
 * File names and document text reach the terminal and CI logs inside our
 * messages.  A hostile upload can name a file `x\n::error file=a::…` (GitHub
 * Actions acts on workflow commands in any log line, stderr included) or put
 * `ESC [8m` in a title (the terminal then hides what follows).  Every human
 * message shows such text through `safeText` / `safePath`: control
 * characters become visible escapes, so one message stays one line and
 * carries no terminal or workflow command.
 */

// C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows.
//   > | 標題\x1b[8m隱藏
//         ^
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text from a document or a diagnostic message, safe to print inside a message line. */
export function safeText(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, escapeChar) : text;
}

/**
 * A file name, safe to print at the start of a line: controls escaped, and a
 * name that starts with `::` (a workflow command) written as `./::…`, which
 * names the same file.
 */
export function safePath(path: string): string {
  const text = safeText(path);
  return /^\s*::/.test(text) ? `./${text.trimStart()}` : text;
}

/** `a.txt: file is 12 MiB…` shown under or after `a.txt` already: without the repeated name. */
export function withoutPath(message: string, path: string): string {
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}
