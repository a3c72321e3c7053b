/** Running `bulletin` as a user does, in a child process, and telling whether a folder changed. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'bin/bulletin.js');
export const BAD = join(ROOT, 'test/fixtures/bad-input');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `bulletin ...args` from the project root, to the end. */
export function bulletin(...args: string[]): Promise<CliRun> {
  return runBulletin(args);
}

/** Runs `bulletin ...args` to the end, from `cwd` (default the project root) with `env` added to the environment. */
export function runBulletin(args: readonly string[], { cwd = ROOT, env = {} }: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }, (_error, stdout, stderr) => {
      resolve({ code: child.exitCode, signal: child.signalCode, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** A fresh folder under the system's temporary folder, removed when the test file ends. */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  made.push(folder);
  return folder;
}
const made: string[] = [];
afterAll(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Starts `bulletin ...args` (from `cwd`, default the project root) and leaves it running (in a process group of its own when `group`). */
export function startBulletin(args: readonly string[], { group = false, cwd = ROOT } = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: group });
}

/** Resolves with how a child ended. */
export function ended(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Every entry under `dir` with a digest of its content (a link by its target), to compare before and after. */
export function treeDigest(dir: string): Record<string, string> {
  const digest: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const entry = lstatSync(path);
      const key = relative(dir, path);
      if (entry.isSymbolicLink()) digest[key] = `-> ${readlinkSync(path)}`;
      else if (entry.isDirectory()) {
        digest[key] = 'folder';
        walk(path);
      } else digest[key] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return digest;
}

/** Polls until `check` holds, or fails after `ms`. */
export async function waitFor(what: string, check: () => boolean, ms = 60_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A free port, found by listening on port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Waits until no process is left in the process group `child` leads. */
export function groupEnded(child: ChildProcess, ms = 5_000): Promise<void> {
  return waitFor('every process of the group to end', () => !groupAlive(child.pid ?? 0), ms);
}

/** Whether any process of the process group `group` is left. */
export function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills whatever is left of the process group `group`; says whether anything was. */
export function killGroup(group: number): boolean {
  if (!groupAlive(group)) return false;
  process.kill(-group, 'SIGKILL');
  return true;
}
