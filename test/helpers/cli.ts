import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { root } from './seeds.js';

export const bin = path.join(root, 'bin/plan-parse.js');
export const built = existsSync(path.join(root, 'dist/cli/main.js'));

// No colours unless a test asks (vitest itself sets FORCE_COLOR); no job summary unless a test sets one.
export const baseEnv: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
delete baseEnv.FORCE_COLOR;
delete baseEnv.GITHUB_STEP_SUMMARY;

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI to completion. */
export function cli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined>; timeout?: number } = {}): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...baseEnv, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeout ?? 60_000,
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Start the built CLI; `done` settles when it exits. */
export function start(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd ?? root, env: { ...baseEnv, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done, stderr: () => stderr };
}
