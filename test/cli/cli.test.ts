import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD, bulletin, temporaryFolder, treeDigest } from '../support/run-cli.ts';
import { subPathRobotsNote } from '../../src/cli/build-command.ts';

const work = temporaryFolder('bulletin-cli-');

const LINE = /^(\S+):(\d+):(\d+) {2}(error|warning|info) {2}(.+) {2}([a-z]+(?:-[a-z]+)*)$/u;

describe('bulletin check', () => {
  it('prints every diagnostic of seed 549 as file:line:column  severity  message  rule-id, and exits 0', async () => {
    const { code, stdout } = await bulletin('check', 'seeds/huoju-dongtai-549.md');
    const lines = stdout.trim().split('\n');
    const summary = lines.pop();
    expect(code).toBe(0);
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) expect(line).toMatch(LINE);
    expect(lines).toContain('seeds/huoju-dongtai-549.md:41:97  info  Replaced ` and ` between Chinese characters with `和`  repair-stray-and');
    expect(summary).toMatch(/^0 errors, 0 warnings, \d+ infos in 1 file$/u);
  });

  it('exits 1 on an error, naming file, line and column', async () => {
    const { code, stdout } = await bulletin('check', join(BAD, 'toc-entry-without-article/input.md'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/input\.md:9:1 {2}error {2}Unexpected table-of-contents entry `示例文章三` with no article.* {2}toc-entry-unmatched/u);
    expect(stdout.trim().split('\n').at(-1)).toBe('1 error, 0 warnings, 2 infos in 1 file');
  });

  it('exits 1 on warnings only with --strict', async () => {
    const file = join(BAD, 'body-without-toc/input.md');
    expect((await bulletin('check', file)).code).toBe(0);
    expect((await bulletin('check', '--strict', file)).code).toBe(1);
  });

  it('reports two files with the same cumulative number', async () => {
    const { code, stdout } = await bulletin('check', join(BAD, 'duplicate-cumulative/input'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/b\.md:1:1 {2}error .*总第550期.* {2}issue-duplicate/u);
  });

  it('prints JSON with --json', async () => {
    const { code, stdout } = await bulletin('check', '--json', join(BAD, 'invalid-utf8/input.md'));
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { errors: number; diagnostics: { line: number; column: number; ruleId: string }[] };
    expect(report.errors).toBe(1);
    expect(report.diagnostics[0]).toMatchObject({ line: 14, column: 3, ruleId: 'encoding-invalid' });
  });

  it('rejects an unknown command or option with usage and exit 2', async () => {
    expect((await bulletin('frobnicate')).code).toBe(2);
    expect((await bulletin('check', '--nope')).code).toBe(2);
  });
});

describe('bulletin build', () => {
  it('writes nothing and leaves an earlier output untouched when a seed has an error', async () => {
    const seeds = join(work, 'error', 'seeds');
    const out = join(work, 'error', 'out');
    mkdirSync(seeds, { recursive: true });
    copyFileSync(join(BAD, 'body-without-toc/input.md'), join(seeds, 'good.md'));
    expect((await bulletin('build', '--seeds', seeds, '--out', out)).code).toBe(0);
    const before = treeDigest(join(work, 'error'));
    rmSync(join(seeds, 'good.md'));
    copyFileSync(join(BAD, 'impossible-date/input.md'), join(seeds, 'bad.md'));
    const seedsBefore = treeDigest(seeds);
    const { code, stderr } = await bulletin('build', '--seeds', seeds, '--out', out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad\.md:5:1 {2}error {2}Unexpected date 2022年13月40日.* {2}issue-date-invalid/u);
    expect(stderr).toContain('nothing written');
    expect(treeDigest(seeds)).toEqual(seedsBefore);
    const after = treeDigest(join(work, 'error'));
    for (const key of Object.keys(after)) if (key.startsWith('seeds')) delete after[key];
    for (const key of Object.keys(before)) if (key.startsWith('seeds')) delete before[key];
    expect(after).toEqual(before);
  });

  it('says nothing about robots.txt when the site is at the root of its host', () => {
    expect(subPathRobotsNote('https://example.org/')).toBeNull();
    expect(subPathRobotsNote('http://localhost:8080/')).toBeNull();
  });

  it('builds a small archive with its open data export', async () => {
    const seeds = join(work, 'small', 'seeds');
    const out = join(work, 'small', 'site');
    mkdirSync(seeds, { recursive: true });
    copyFileSync(join(BAD, 'body-without-toc/input.md'), join(seeds, 'huoju-dongtai-550.md'));
    const { code, stdout } = await bulletin('build', '--seeds', seeds, '--out', out, '--base-url', 'https://example.org/archive/');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Built \d+ pages \(1 issues, 2 articles\)/mu);
    // Crawlers read robots.txt only at the host's root: the build says what to put there.
    expect(stdout).toContain('its robots.txt is served as https://example.org/archive/robots.txt, where crawlers do not look');
    expect(stdout).toContain('Add this line to https://example.org/robots.txt on that host:\n  Sitemap: https://example.org/archive/sitemap.xml');
    const archive = JSON.parse(readFileSync(join(out, 'data/archive.json'), 'utf8')) as unknown[];
    expect(archive).toEqual([{ cumulative: 550, year: 2023, number: 1, date: '2023-01-15', title: '2023年第1期(总第550期)', url: '/archive/issues/550/', json: '/archive/data/issues/550.json' }]);
    const issue = JSON.parse(readFileSync(join(out, 'data/issues/550.json'), 'utf8')) as { sections: { title: string; subtitle: null; articles: { id: string; url: string; source: string; parks: string[]; headings: string[]; text: string }[] }[] };
    expect(issue.sections[0]?.title).toBe('火炬在行动');
    expect(issue.sections[0]?.articles[0]).toMatchObject({ source: '科技部火炬中心', parks: ['佛山高新区'], headings: [], text: '佛山高新区举办活动，内容丰富。' });
    expect(issue.sections[0]?.articles[0]?.url).toMatch(/^\/archive\/issues\/550\/[a-z0-9-]+\/$/u);
  });
});
