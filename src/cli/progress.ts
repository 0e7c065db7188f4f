/**
 * Progress bar on stderr: files done / total, MB/s, ETA.  Shown only when
 * stderr is a terminal, the run has more than a few files and `--quiet` is
 * off; redrawn at most ten times a second.  Every other stderr message goes
 * through `print` so the bar is cleared first and redrawn after.
 */
import { color, formatSeconds } from './term.js';

const MIN_FILES = 4;
const INTERVAL_MS = 100;
const BAR_WIDTH = 24;

export class Progress {
  private files = 0;
  private bytes = 0;
  private shown = false;
  private lastDraw = 0;
  private readonly started = performance.now();
  readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly totalBytes: number | null,
    options: { tty: boolean; quiet: boolean; columns?: number | null },
  ) {
    this.enabled = options.tty && !options.quiet && total >= MIN_FILES;
    this.columns = options.columns ?? null;
  }

  /** Terminal width: the bar line must stay shorter, or each redraw wraps and leaves stale lines. */
  private readonly columns: number | null;

  /** One more file finished. */
  tick(bytes: number): void {
    this.files++;
    this.bytes += bytes;
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.lastDraw < INTERVAL_MS && this.files < this.total) return;
    this.lastDraw = now;
    this.draw();
  }

  /** Write a message line to stderr without tearing the bar. */
  print(text: string): void {
    if (this.shown) this.clear();
    process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
    if (this.enabled && this.files < this.total && this.files > 0) this.draw();
  }

  /** Remove the bar (at the end of the run). */
  finish(): void {
    if (this.shown) this.clear();
  }

  private clear(): void {
    process.stderr.write('\r\x1b[2K');
    this.shown = false;
  }

  private draw(): void {
    const elapsed = (performance.now() - this.started) / 1000;
    const share = this.totalBytes ? Math.min(this.bytes / this.totalBytes, 1) : this.files / this.total;
    const rate = elapsed > 0 ? this.bytes / 1e6 / elapsed : 0;
    const eta = share > 0 && share < 1 ? formatSeconds((elapsed / share) * (1 - share)) : '–';
    const line = progressLine(share, this.files, this.total, rate, eta, (process.stderr.columns || this.columns) ?? 80);
    process.stderr.write(`\r\x1b[2K${line}`);
    this.shown = true;
  }
}

/**
 * The bar line, fitted to `columns` (one column spare: writing the last
 * column wraps on some terminals): the text parts are dropped from the right
 * as the terminal narrows, then the bar shrinks.
 */
export function progressLine(share: number, files: number, total: number, rate: number, eta: string, columns: number): string {
  const room = Math.max(1, columns - 1);
  const parts = [`${files}/${total} files`, `${rate.toFixed(1)} MB/s`, `ETA ${eta}`];
  let text = ` ${parts.join('  ')}`;
  while (parts.length && BAR_MIN + text.length > room) {
    parts.pop();
    text = parts.length ? ` ${parts.join('  ')}` : '';
  }
  const width = Math.max(0, Math.min(BAR_WIDTH, room - text.length));
  const filled = Math.round(share * width);
  const bar = color.cyan('█'.repeat(filled)) + color.dim('░'.repeat(width - filled));
  return `${bar}${text}`;
}

const BAR_MIN = 6;
