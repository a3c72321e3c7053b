/**
 * Issue 549's whole site, file by file, against the build recorded in
 * __snapshots__/issue-549-site.txt: a change that is not meant to change the
 * output (a refactoring, a speed-up) must leave every file byte for byte as
 * it was. When a change is meant to, run
 *   npx vitest run test/generate/output-unchanged.test.ts -u
 * and commit the new listing: its diff names every file that changed.
 * The build date is fixed with SOURCE_DATE_EPOCH so that the listing does not
 * change with the day.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, temporaryFolder } from '../support/run-cli.ts';

const EPOCH = '1669766400'; // 2022-11-30, the issue's own date

function build(out: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, 'build', '--out', out], { cwd: ROOT, env: { ...process.env, ...env } }, (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }));
  });
}

/** `digest  path` for every file under `dir`, sorted by path. */
function listing(dir: string): string {
  const lines: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else lines.push(`${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)}  ${relative(dir, path)}`);
    }
  };
  walk(dir);
  return `${lines.sort((a, b) => (a.slice(18) < b.slice(18) ? -1 : 1)).join('\n')}\n`;
}

describe('the site of issue 549', () => {
  it('is byte for byte the recorded build', async () => {
    const out = join(temporaryFolder('bulletin-unchanged-'), 'site');
    const run = await build(out, { SOURCE_DATE_EPOCH: EPOCH });
    expect(run.code, run.stderr).toBe(0);
    const site = listing(realpathSync(out));
    expect(site).toContain('  issues/549/fo-shan-gao-xin-qu-da-zao-zhi/citation.bib');
    await expect(site).toMatchFileSnapshot('./__snapshots__/issue-549-site.txt');
  }, 120_000);

  it('refuses a SOURCE_DATE_EPOCH that is not a number of seconds, before building', async () => {
    const out = join(temporaryFolder('bulletin-unchanged-'), 'site');
    const run = await build(out, { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, up to the end of 9999, got `yesterday`');
    expect(() => readdirSync(out)).toThrow();
  });
});
