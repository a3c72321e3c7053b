import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { temporaryFolder } from '../support/run-cli.ts';

const dir = temporaryFolder('bulletin-index-thread-');

it('lets the process end once its parts are written, when a part was stopped before its service answered', async () => {
  const script = join(import.meta.dirname, 'stopped-part.script.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, join(dir, 'bundle')], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  // A hang, not a speed: the process had nothing left to do after its write, yet the thread held it open for ever.
  const ended = await new Promise<number | null | 'hung'>((resolve) => {
    const hung = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('hung');
    }, 45_000);
    child.once('exit', (code) => {
      clearTimeout(hung);
      resolve(code);
    });
  });
  expect(stdout).toContain('written 1');
  expect(ended).toBe(0);
  expect(await readdir(join(dir, 'bundle'))).toContain('pagefind-entry.json');
}, 60_000);
