/**
 * Eleventy's own CLI, typed in this project as any Eleventy user would
 * (`npx @11ty/eleventy`, `--serve`), stops at once with a message that says
 * what to run, and writes nothing: not into the published build that `_site`
 * links to, not anywhere in the project. Run in a copy of the project's
 * layout (its config files, README and seeds, which Eleventy's defaults would
 * render), with a published `_site` link as `bulletin build` leaves it.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, freePort, killGroup, temporaryFolder, treeDigest } from '../support/run-cli.ts';

const project = temporaryFolder('bulletin-eleventy-cli-');
/** Past this, the command is taken to hang (serving, or watching) and is stopped: the test then fails. */
const HANG_MS = 60_000;

beforeAll(() => {
  for (const file of ['package.json', 'eleventy.config.js', 'README.md', 'seeds']) cpSync(join(ROOT, file), join(project, file), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  const build = join(project, '.bulletin-builds', '_site', '20260101-000000000-1-1');
  mkdirSync(join(build, 'issues'), { recursive: true });
  writeFileSync(join(build, 'index.html'), '<!doctype html><title>火炬动态</title><p>published</p>\n');
  writeFileSync(join(build, 'issues', 'index.html'), '<!doctype html><title>往期</title>\n');
  symlinkSync('.bulletin-builds/_site/20260101-000000000-1-1', join(project, '_site'));
});

/** Runs `npx @11ty/eleventy ...args` in the copy, in a process group of its own; stops the group if it is still running after HANG_MS. */
function eleventy(args: string[]): Promise<{ code: number | null; output: string; hung: boolean; groupLeft: boolean }> {
  return new Promise((resolve) => {
    // --no: the local Eleventy or nothing; never a download.
    const child = spawn('npx', ['--no', '@11ty/eleventy', ...args], { cwd: project, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    }, HANG_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, hung, groupLeft: killGroup(child.pid ?? 0) });
    });
  });
}

describe("Eleventy's own CLI in this project", () => {
  it.each([[[] as string[]], [['--serve']]])('npx @11ty/eleventy %j stops at once, says to run npm run build or npm start, and writes nothing', async (args) => {
    const before = treeDigest(project);
    const port = args.includes('--serve') ? [`--port=${await freePort()}`] : [];
    const run = await eleventy([...args, ...port]);
    expect(run.hung).toBe(false);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('This project is built with `npm run build` (npx bulletin build) and served with `npm start` (npx bulletin serve)');
    expect(run.output).toContain('so it stopped before writing anything');
    expect(run.groupLeft).toBe(false);
    expect(treeDigest(project)).toEqual(before);
  }, HANG_MS + 30_000);
});
