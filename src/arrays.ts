/**
 * Array helpers that take any number of items.  `target.push(...items)` and
 * `Math.max(...items)` pass every item as a call argument, and past ~120,000
 * arguments V8 throws `Maximum call stack size exceeded` (a limit that also
 * differs between the main thread and workers, so results would depend on
 * `--jobs`).
 */

/** Append `items` to `target` one by one; returns `target`. */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
  return target;
}

/** The largest of `values`, or -Infinity for none (as `Math.max()`). */
export function maxOf(values: readonly number[]): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > max || Number.isNaN(values[i])) max = values[i];
  return max;
}

/** The smallest of `values`, or Infinity for none (as `Math.min()`). */
export function minOf(values: readonly number[]): number {
  let min = Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] < min || Number.isNaN(values[i])) min = values[i];
  return min;
}
