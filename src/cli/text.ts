/**
 * `plan-parse text FILE`: print the text every later stage reads — a PDF's
 * (or another front end's) text rendition, or a text file as decoded.  With
 * `--roles`, each line is prefixed with what the parser made of it
 * (`page-number`, `running-header`, …) and its page.
 */
import { readFileSync } from 'node:fs';
import { decode } from '../decode/index.js';
import { frontEndFor, renditionSource } from '../formats/index.js';
import { normalize } from '../normalize/index.js';

export async function printText(path: string, options: { roles?: boolean }): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (error) {
    process.stderr.write(`plan-parse: cannot read ${path}: ${(error as Error).message}\n`);
    return 2;
  }
  const frontEnd = frontEndFor(bytes);
  if (frontEnd) {
    const rendition = await frontEnd.read(bytes, { path });
    for (const d of rendition.diagnostics) process.stderr.write(`${path}: ${d.severity} ${d.code}: ${d.message}\n`);
    if (rendition.fatal) return 1;
    if (!options.roles) {
      process.stdout.write(rendition.text.endsWith('\n') ? rendition.text : `${rendition.text}\n`);
      return 0;
    }
    writeRoles(renditionSource(rendition).lines);
    return 0;
  }
  const decoded = decode(bytes, {});
  for (const d of decoded.diagnostics) process.stderr.write(`${path}: ${d.severity} ${d.code}: ${d.message}\n`);
  if (decoded.fatal) return 1;
  if (options.roles) writeRoles(normalize(decoded.text).lines);
  else process.stdout.write(decoded.text);
  return 0;
}

function writeRoles(lines: readonly { text: string; role: string; page?: number }[]): void {
  const out: string[] = [];
  for (const line of lines) out.push(`${(line.page ?? '').toString().padStart(4)} ${line.role.padEnd(14)} │${line.text}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
