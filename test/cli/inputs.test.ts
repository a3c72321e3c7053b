import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD, bulletin, ROOT, temporaryFolder } from '../support/run-cli.ts';

/** `file:line:column  severity  message  rule-id` for one rule at one place. */
const lineFor = (place: string, severity: string, ruleId: string) => new RegExp(`^${place.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')} {2}${severity} {2}Unexpected .+ {2}${ruleId}$`, 'mu');

describe('bulletin check on inputs that used to break or lose text', () => {
  it.each([
    ['nesting-quotes/input.md', 1, '15:33', 'error', 'nesting-too-deep'],
    ['nesting-list/input.md', 1, '47:65', 'error', 'nesting-too-deep'],
    ['invalid-utf8-surrogate/input.md', 1, '18:8', 'error', 'encoding-invalid'],
    ['front-matter-forbidden-tag/input.md', 1, '2:8', 'error', 'front-matter-invalid'],
    ['front-matter-rolling-date/input.md', 1, '3:1', 'error', 'front-matter-invalid'],
    ['footnotes/input.md', 0, '28:1', 'warning', 'footnote-unused'],
    ['noncharacters/input.md', 0, '18:8', 'warning', 'noncharacter'],
    ['bidi-and-invisible/input.md', 0, '8:3', 'warning', 'bidi-control'],
    ['seed-not-a-file/input', 0, '', 'warning', 'seed-not-a-file'],
    ['prototype-titles/input', 0, '', 'warning', 'translation-unmatched'],
  ] as const)('%s: exit %i, %s %s %s', async (fixture, exit, place, severity, ruleId) => {
    const { code, stdout, stderr } = await bulletin('check', join(BAD, fixture));
    expect(code).toBe(exit);
    const file = relative(ROOT, join(BAD, fixture));
    const where = place ? `${file}:${place}` : { 'seed-not-a-file/input': `${file}/x.md:1:1`, 'prototype-titles/input': `${file}/huoju-dongtai-550.en.md:6:3` }[fixture as string];
    expect(stdout).toMatch(lineFor(where ?? '', severity, ruleId));
    expect(stderr).toBe('');
  });

  it('names a missing path as seed-missing and exits 1, with no raw ENOENT', async () => {
    const { code, stdout, stderr } = await bulletin('check', '/nonexistent/seeds');
    expect(code).toBe(1);
    expect(stdout).toMatch(/:1:1 {2}error {2}Missing seed `\/nonexistent\/seeds` \(ENOENT\), expected an issue file or a folder of them {2}seed-missing$/mu);
    expect(stdout.trim().split('\n').at(-1)).toBe('1 error, 0 warnings, 0 infos in 0 files');
    expect(stderr).toBe('');
  });

  it('refuses a link out of the seeds folder without reading what it points to', async () => {
    const work = temporaryFolder('bulletin-check-link-');
    mkdirSync(join(work, 'seeds'));
    writeFileSync(join(work, 'private.md'), 'PRIVATE-NOT-TO-BE-QUOTED\n');
    symlinkSync(join(work, 'private.md'), join(work, 'seeds', 'huoju-dongtai-550.md'));
    const { code, stdout } = await bulletin('check', '--json', join(work, 'seeds'));
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { files: number; diagnostics: { file: string; line: number; column: number; ruleId: string; message: string }[] };
    expect(report.files).toBe(0);
    expect(report.diagnostics).toEqual([expect.objectContaining({ line: 1, column: 1, ruleId: 'seed-outside-folder' })]);
    expect(report.diagnostics[0]?.message).toContain(join(work, 'private.md'));
    expect(stdout).not.toContain('PRIVATE-NOT-TO-BE-QUOTED');
  });
});

/** sha256 of every file under a folder, links included as links. */
function fingerprint(folder: string): Record<string, string> {
  const sums: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true }) as string[]) {
    const path = join(folder, name);
    if (statSync(path, { throwIfNoEntry: false })?.isFile()) sums[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return sums;
}

describe('bulletin build on bad seeds', () => {
  it('writes nothing for a missing seeds folder, and says why', async () => {
    const work = temporaryFolder('bulletin-build-missing-');
    const { code, stderr } = await bulletin('build', '--seeds', join(work, 'nonexistent'), '--out', join(work, 'site'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/nonexistent:1:1 {2}error {2}Missing seed .* {2}seed-missing$/mu);
    expect(stderr).toContain('nothing written');
    expect(readdirSync(work)).toEqual([]);
  });

  it('leaves the seeds folder byte for byte as it was, and writes no output', async () => {
    const work = temporaryFolder('bulletin-build-bad-');
    const seeds = join(work, 'seeds');
    cpSync(join(BAD, 'seed-not-a-file/input'), seeds, { recursive: true });
    cpSync(join(BAD, 'nesting-quotes/input.md'), join(seeds, 'huoju-dongtai-551.md'));
    cpSync(join(BAD, 'invalid-utf8-surrogate/input.md'), join(seeds, 'huoju-dongtai-552.md'));
    writeFileSync(join(work, 'outside.md'), '# 火炬动态\n');
    symlinkSync(join(work, 'outside.md'), join(seeds, 'huoju-dongtai-553.md'));
    const before = fingerprint(seeds);
    const { code, stderr } = await bulletin('build', '--seeds', seeds, '--out', join(work, 'site'));
    expect(code).toBe(1);
    for (const [file, place, ruleId] of [['551', '15:33', 'nesting-too-deep'], ['552', '18:8', 'encoding-invalid'], ['553', '1:1', 'seed-outside-folder']]) {
      expect(stderr).toMatch(new RegExp(`huoju-dongtai-${file}\\.md:${place} {2}error {2}.+ {2}${ruleId}$`, 'mu'));
    }
    expect(stderr).toMatch(/x\.md:1:1 {2}warning {2}.+ {2}seed-not-a-file$/mu);
    expect(fingerprint(seeds)).toEqual(before);
    expect(Object.keys(before).length).toBe(5);
    expect(existsSync(join(work, 'site'))).toBe(false);
    expect(readdirSync(work).sort()).toEqual(['outside.md', 'seeds']);
  });

  it('builds titles named like Object.prototype members', async () => {
    const work = temporaryFolder('bulletin-build-proto-');
    const { code } = await bulletin('build', '--seeds', join(BAD, 'prototype-titles/input'), '--out', join(work, 'site'));
    expect(code).toBe(0);
    const titles = readdirSync(join(work, 'site/en/issues/550'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'print')
      .map((entry) => /<h1 class="article__title"[^>]*>([^<]*)/u.exec(readFileSync(join(work, 'site/en/issues/550', entry.name, 'index.html'), 'utf8'))?.[1]);
    expect(titles.sort()).toEqual(['The proto article', 'The valueOf article', 'constructor的文章', 'toString']);
  });
});

describe('bulletin check on names of zones', () => {
  it('is silent on kinds of zones (省级高新区, 十强高新区), and places a real unknown name on its own column', async () => {
    const { code, stdout } = await bulletin('check', join(ROOT, 'test/fixtures/zone-seeds'));
    expect(code).toBe(0);
    const warnings = stdout.split('\n').filter((line) => line.includes('  warning  '));
    expect(warnings).toEqual([expect.stringMatching(/huoju-dongtai-551\.md:105:26 {2}warning {2}Unexpected park `浙江青田高新区`.* {2}park-unknown$/u)]);
  });
});
