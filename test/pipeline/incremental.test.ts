/**
 * The pipeline's caches never change what is built: an archive built
 * through a sequence of edits, reusing the parse cache, the previous build's
 * files and its search index parts, is byte for byte the site a cold build
 * of the same seeds makes, after every edit, including edits to the tool
 * itself (a dictionary string, a template). And a cache that is corrupt,
 * truncated, from another archive, or a previous build somebody edited, is
 * never trusted.
 *
 * Runs a copy of the project (its src/, templates/ and so on, with the real
 * node_modules linked), so that the dictionary and template edits touch
 * nothing the other tests read.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticIssue } from '../../bench/synthetic.ts';
import { readRecord } from '../../src/output/build-record.ts';
import { parseSeed } from '../../src/parse/parse-issue.ts';
import { ISSUES_PER_PART } from '../../src/pipeline/search-parts.ts';
import { ROOT, temporaryFolder, treeDigest } from '../support/run-cli.ts';

/** The first issue of the search index's second part. */
const NEXT_PART = ISSUES_PER_PART + 1;

const work = temporaryFolder('bulletin-incremental-');
const project = join(work, 'project');
for (const path of ['src', 'templates', 'public', 'scripts', 'bin', 'package.json', 'package-lock.json']) cpSync(join(ROOT, path), join(project, path), { recursive: true });
symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
const seeds = join(work, 'seeds');
mkdirSync(seeds);

interface Built {
  output: string;
  site: Record<string, string>;
}

/** Builds with the project copy's CLI, from a working directory beside it. */
function build(out: string): Promise<Built> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
    execFile(process.execPath, [join(project, 'bin/bulletin.js'), 'build', '--seeds', seeds, '--out', out, '--base-url', 'https://example.org/archive/'], { cwd: work, env, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`build failed: ${stderr}`, { cause: error }));
      const build = realpathSync(out);
      const site = treeDigest(build);
      // The build's record lists exactly its files: a file it does not list would be taken for somebody else's.
      const record = readRecord(build);
      expect(Object.keys(record?.files ?? {}).sort()).toEqual(Object.keys(site).filter((path) => site[path] !== 'folder').sort());
      resolve({ output: stdout, site });
    });
  });
}

let cold = 0;
/** The same seeds built incrementally (into the one site) and cold (a new site, no cache): both, and how much the incremental build made anew. */
async function bothWays(): Promise<{ rendered: number; reused: number; partsWritten: number; parts: number }> {
  const incremental = await build(join(work, 'incremental', 'site'));
  const fresh = await build(join(work, `cold-${++cold}`, 'site'));
  expect(incremental.site).toEqual(fresh.site);
  rmSync(join(work, `cold-${cold}`), { recursive: true, force: true });
  const counts = /\((\d+) files rendered, (\d+) unchanged\).*\((\d+) of (\d+) index parts written\)/u.exec(incremental.output);
  if (!counts) throw new Error(`no counts in: ${incremental.output}`);
  const [rendered, reused, partsWritten, parts] = counts.slice(1).map(Number) as [number, number, number, number];
  return { rendered, reused, partsWritten, parts };
}

const seedOf = (cumulative: number) => join(seeds, `huoju-dongtai-${cumulative}.md`);
const titlesOf = (cumulative: number) => {
  const parsed = parseSeed(readFileSync(seedOf(cumulative)), 'seed.md');
  if (parsed.kind !== 'issue') throw new Error('not an issue');
  return { section: parsed.issue.sections[0]?.title ?? '', article: parsed.issue.sections[0]?.articles[0]?.title ?? '' };
};
const edit = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  writeFileSync(file, next);
};

describe('an archive built through a sequence of edits', () => {
  it('is, after each edit, byte for byte the site a cold build of the same seeds makes, and remakes only what changed', async () => {
    // Issues 1 and 2 are one part of the search index, NEXT_PART another.
    for (const cumulative of [1, 2, NEXT_PART]) writeFileSync(seedOf(cumulative), syntheticIssue(cumulative));
    const first = await bothWays();
    expect(first).toMatchObject({ reused: 0, partsWritten: 2, parts: 2 });

    // Nothing changed: nothing is made again.
    expect(await bothWays()).toMatchObject({ rendered: 0, partsWritten: 0 });

    // A new issue: its part of the index only.
    writeFileSync(seedOf(NEXT_PART + 1), syntheticIssue(NEXT_PART + 1));
    // (In so small an archive most pages change with it: every zone's chart shows the issues of the year.)
    const added = await bothWays();
    expect(added.partsWritten).toBe(1);
    expect(added.reused).toBeGreaterThan(0);

    // An article's title in the first issue.
    const { article } = titlesOf(1);
    edit(seedOf(1), new RegExp(article.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'), 'gu'), `${article}（修订）`);
    const retitled = await bothWays();
    expect(retitled.partsWritten).toBe(1);
    expect(retitled.reused).toBeGreaterThan(retitled.rendered);

    // An English translation of issue 2.
    const second = titlesOf(2);
    writeFileSync(join(seeds, 'huoju-dongtai-2.en.md'), `---\ntranslation_of: 2\nlang: en\nsections:\n  ${JSON.stringify(second.section)}: { title: Torch in Action }\narticles:\n  ${JSON.stringify(second.article)}: { title: A translated title }\n---\n`);
    expect((await bothWays()).partsWritten).toBe(1);

    // A dictionary string: every English page, no part of the index.
    edit(join(project, 'src/i18n/en.json'), /"site\.name": "[^"]*"/u, '"site.name": "Torch Dynamics (edited)"');
    const redictionaried = await bothWays();
    expect(redictionaried.partsWritten).toBe(0);
    expect(redictionaried.rendered).toBeGreaterThan(0);

    // A template: every page that uses it.
    edit(join(project, 'templates/_includes/site-footer.njk'), /<footer/u, '<!-- edited -->\n<footer');
    expect((await bothWays()).rendered).toBeGreaterThan(0);

    // An issue deleted, and a seed renamed.
    rmSync(seedOf(2));
    rmSync(join(seeds, 'huoju-dongtai-2.en.md'));
    expect((await bothWays()).partsWritten).toBe(1);
    renameSync(seedOf(NEXT_PART), join(seeds, 'issue-of-the-next-part.md'));
    expect((await bothWays()).partsWritten).toBe(0);
  }, 300_000);
});

describe('a cache that cannot be trusted', () => {
  const cacheOf = (site: string) => join(work, site, '.bulletin-builds', 'site', 'cache', 'seeds');
  const entries = (site: string) => readdirSync(cacheOf(site)).map((name) => join(cacheOf(site), name));

  it('is read again from the seeds when an entry is corrupt, truncated, or another archive\'s, and the site is the cold one', async () => {
    const out = join(work, 'untrusted', 'site');
    const reference = (await build(out)).site;
    const [first, second] = entries('untrusted');
    if (!first || !second) throw new Error('expected two cache entries at least');
    const bytes = readFileSync(first);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    writeFileSync(first, bytes);
    truncateSync(second, 100);
    // Another archive's entries, under this archive's keys: each holds its own key, and is refused.
    const other = entries('incremental');
    for (const [index, entry] of entries('untrusted').entries()) {
      const foreign = other[index % other.length];
      if (foreign && index > 1) cpSync(foreign, entry);
    }
    const rebuilt = await build(out);
    expect(rebuilt.site).toEqual(reference);
    // Every entry was parsed again and written back whole.
    expect(readFileSync(first).equals(bytes)).toBe(false);
  }, 120_000);

  it('makes a page again when its file in the previous build was edited in place', async () => {
    const out = join(work, 'edited', 'site');
    const reference = await build(out);
    const page = join(realpathSync(out), 'index.html');
    writeFileSync(page, `${readFileSync(page, 'utf8')}<!-- edited in place -->`);
    const rebuilt = await build(out);
    expect(rebuilt.site).toEqual(reference.site);
    expect(rebuilt.output).toMatch(/\(1 files rendered/u);
  }, 120_000);
});
