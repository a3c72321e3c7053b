/**
 * `--out` as a user types it: the build never removes what it did not make,
 * and a reader of `--out` sees the old site or the new one at every moment,
 * whatever happens to the build.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecord, writeRecord } from '../../src/output/build-record.ts';
import { bulletin, ended, groupAlive, ROOT, startBulletin, treeDigest, waitFor } from '../support/run-cli.ts';

const work = mkdtempSync(join(tmpdir(), 'bulletin-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A user's folder: seeds beside notes and documents. */
const user = join(work, 'user');
const seeds = join(user, 'seeds');
mkdirSync(join(user, 'documents'), { recursive: true });
mkdirSync(seeds);
copyFileSync(join(ROOT, 'test/fixtures/bad-input/body-without-toc/input.md'), join(seeds, 'huoju-dongtai-550.md'));
writeFileSync(join(seeds, 'notes.txt'), 'drafts and notes');
writeFileSync(join(user, 'documents', 'thesis.md'), '# Chapter 1');
writeFileSync(join(user, 'todo.txt'), 'a file');

const builds = (out: string) => readdirSync(join(out, '..', '.bulletin-builds', 'site')).filter((name) => /^\d{8}-\d{9}-\d+-\d+$/u.test(name));
const records = (out: string) =>
  readdirSync(join(out, '..', '.bulletin-builds', 'site'))
    .filter((name) => name.endsWith('.build.json'))
    .map((name) => name.slice(0, -'.build.json'.length))
    .sort();
const siteIsWhole = (out: string) => ['index.html', 'sitemap.xml', 'pagefind/pagefind.js', 'data/archive.json'].every((file) => existsSync(join(out, file)));

describe('bulletin build refuses an --out that would remove what it did not make', () => {
  it.each([
    ['the seeds folder', seeds, 'it is the seeds folder'],
    ['a parent of the seeds folder', user, 'it holds the seeds'],
    ['a folder inside the seeds', join(seeds, 'site'), 'it is inside the seeds folder'],
    ['a folder of the user\'s', join(user, 'documents'), 'holds files that no build of this archive wrote (thesis.md)'],
    ['an existing file', join(user, 'todo.txt'), 'it is a file, not a folder'],
  ])('%s: exit 1, a clear error, nothing touched', async (_, out, why) => {
    const before = treeDigest(user);
    const run = await bulletin('build', '--seeds', seeds, '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(why);
    expect(run.stderr).toContain(`Refusing`);
    expect(treeDigest(user)).toEqual(before);
  });

  it.each([
    ['the project root', ROOT, 'it is the project folder'],
    ['a parent of the project', join(ROOT, '..'), 'it holds the project folder'],
    ['the root of the file system', '/', 'it is the root of the file system'],
    ['the home folder', homedir(), 'it is your home folder'],
  ])('%s: exit 1 before anything is written', async (_, out, why) => {
    const before = treeDigest(join(ROOT, 'seeds'));
    // Where a build would go, beside `out`: builds of other archives may be there already, and must stay as they are.
    const builds = join(out, '..', '.bulletin-builds');
    const buildsBefore = existsSync(builds) ? readdirSync(builds).sort() : null;
    const run = await bulletin('build', '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(why);
    expect(existsSync(builds) ? readdirSync(builds).sort() : null).toEqual(buildsBefore);
    expect(existsSync(join(ROOT, 'package.json'))).toBe(true);
    expect(treeDigest(join(ROOT, 'seeds'))).toEqual(before);
  });

  it('bulletin serve refuses the same places, before it serves anything', async () => {
    const run = await bulletin('serve', '--seeds', seeds, '--out', seeds, '--port', '0');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('it is the seeds folder');
  });
});

describe('publishing', () => {
  const out = join(work, 'published', 'site');

  it('replaces a previous build, keeps the one before it, and lists what each wrote', async () => {
    for (let round = 0; round < 3; round++) expect((await bulletin('build', '--seeds', seeds, '--out', out)).code).toBe(0);
    const kept = builds(out);
    expect(kept).toHaveLength(2);
    expect(readlinkSync(out)).toBe(join('.bulletin-builds', 'site', kept.at(-1) ?? ''));
    const record = readRecord(join(out, '..', '.bulletin-builds', 'site', kept.at(-1) ?? ''));
    expect(record).toMatchObject({ out: realpathSync(join(out, '..')) + '/site', state: 'published' });
    expect(Object.keys(record?.files ?? {})).toContain('index.html');
    expect(Object.keys(record?.files ?? {})).toContain('pagefind/pagefind.js');
  });

  it('refuses to replace a build somebody added files to, and says which', async () => {
    writeFileSync(join(out, 'CNAME'), 'example.org');
    const run = await bulletin('build', '--seeds', seeds, '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('holds files the build did not write (CNAME)');
    rmSync(join(out, 'CNAME'));
  });

  it('never takes over a folder that only looks like a site: the user\'s files in it stay, build after build', async () => {
    // A deploy copy with the user's own files in it: it has every file a site of this tool has, and no record of a build.
    const copy = join(work, 'deploy', 'site');
    cpSync(out, copy, { recursive: true, dereference: true });
    mkdirSync(join(copy, 'notes'));
    writeFileSync(join(copy, 'notes', 'thesis.txt'), 'chapter 1');
    writeFileSync(join(copy, 'CNAME'), 'example.org');
    const before = treeDigest(join(work, 'deploy'));
    for (let round = 0; round < 2; round++) {
      const run = await bulletin('build', '--seeds', seeds, '--out', copy);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('no build of this tool recorded it');
    }
    expect(treeDigest(join(work, 'deploy'))).toEqual(before);
    expect(readFileSync(join(copy, 'notes', 'thesis.txt'), 'utf8')).toBe('chapter 1');
  });

  it('two archives whose builds folder is one (a link): neither prunes the other\'s builds', async () => {
    const first = join(work, 'first');
    const second = join(work, 'second');
    mkdirSync(first);
    mkdirSync(second);
    expect((await bulletin('build', '--seeds', seeds, '--out', join(first, 'site'))).code).toBe(0);
    // The second archive keeps its builds on the first one's disk.
    symlinkSync(join(first, '.bulletin-builds'), join(second, '.bulletin-builds'));
    const firstSite = readlinkSync(join(first, 'site'));
    for (let round = 0; round < 3; round++) expect((await bulletin('build', '--seeds', seeds, '--out', join(second, 'site'))).code).toBe(0);
    expect(readlinkSync(join(first, 'site'))).toBe(firstSite);
    expect(siteIsWhole(join(first, 'site'))).toBe(true);
    expect(siteIsWhole(join(second, 'site'))).toBe(true);
    // Each keeps its current build and the one before; the first has one so far.
    expect(builds(join(first, 'site'))).toHaveLength(3);
    expect((await bulletin('build', '--seeds', seeds, '--out', join(first, 'site'))).code).toBe(0);
    expect(builds(join(first, 'site'))).toHaveLength(4);
    expect(siteIsWhole(join(second, 'site'))).toBe(true);
  });

  it('two builds at once: a reader never finds the site missing, and one of them is published', async () => {
    const stop = join(work, 'stop-concurrent');
    const reader = spawn(process.execPath, [join(ROOT, 'test/support/site-reader.mjs'), out, stop], { stdio: ['ignore', 'pipe', 'inherit'] });
    let report = '';
    reader.stdout.setEncoding('utf8').on('data', (chunk: string) => (report += chunk));
    const runs = await Promise.all([1, 2, 3].map(() => bulletin('build', '--seeds', seeds, '--out', out)));
    writeFileSync(stop, '');
    await ended(reader);
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0]);
    const { reads, missing, problems } = JSON.parse(report) as { reads: number; missing: number; problems: string[] };
    expect({ missing, problems }).toEqual({ missing: 0, problems: [] });
    expect(reads).toBeGreaterThan(1_000);
    expect(siteIsWhole(out)).toBe(true);
    expect(builds(out)).toHaveLength(2);
  }, 120_000);

  it('a build killed at any moment leaves the old site or the new one, and the next build cleans up', async () => {
    const stop = join(work, 'stop-killed');
    const reader = spawn(process.execPath, [join(ROOT, 'test/support/site-reader.mjs'), out, stop], { stdio: ['ignore', 'pipe', 'inherit'] });
    let report = '';
    reader.stdout.setEncoding('utf8').on('data', (chunk: string) => (report += chunk));
    for (const delay of [100, 300, 500, 700, 850, 1_000, 1_150, 1_300, 1_500, 1_800]) {
      const child = startBulletin(['build', '--seeds', seeds, '--out', out]);
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await ended(child);
      expect(siteIsWhole(out)).toBe(true);
    }
    writeFileSync(stop, '');
    await ended(reader);
    expect(JSON.parse(report)).toMatchObject({ missing: 0 });
    expect((await bulletin('build', '--seeds', seeds, '--out', out)).code).toBe(0);
    expect(builds(out)).toHaveLength(2);
    expect(readdirSync(join(out, '..', '.bulletin-builds', 'site')).filter((name) => name.startsWith('.'))).toEqual([]);
    // Every record left names a build that is there, and every build has its record.
    expect(records(out)).toEqual(builds(out).sort());
  }, 120_000);

  it('removes the record of a build killed before its folder was made, once its process is gone', async () => {
    const folder = join(out, '..', '.bulletin-builds', 'site');
    const gone = spawn(process.execPath, ['-e', '']);
    await ended(gone);
    const killed = join(folder, '20200101-000000000-' + String(gone.pid) + '-1');
    await writeRecord(killed, { out: realpathSync(join(out, '..')) + '/site', pid: gone.pid ?? 0, state: 'writing', files: {} });
    expect(records(out)).toContain('20200101-000000000-' + String(gone.pid) + '-1');
    expect((await bulletin('build', '--seeds', seeds, '--out', out)).code).toBe(0);
    expect(records(out)).toEqual(builds(out).sort());
  });
});

describe('an interrupted build', () => {
  const out = join(work, 'interrupted', 'site');

  it.each(['SIGTERM', 'SIGINT'] as const)('%s while rendering: the build folder is removed, the process ends by the signal, the old site stays', async (signal) => {
    if (!existsSync(out)) expect((await bulletin('build', '--out', out)).code).toBe(0);
    const before = readlinkSync(out);
    const folder = join(out, '..', '.bulletin-builds', 'site');
    const known = new Set(readdirSync(folder));
    // In a process group of its own, signalled as a terminal's Ctrl+C signals the whole group.
    const child = startBulletin(['build', '--out', out], { group: true });
    await waitFor('the build to start rendering', () => readdirSync(folder).some((name) => !known.has(name) && existsSync(join(folder, name, 'issues'))));
    process.kill(-(child.pid ?? 0), signal);
    expect(await ended(child)).toEqual({ code: null, signal });
    expect(readlinkSync(out)).toBe(before);
    const left = readdirSync(folder).filter((name) => !known.has(name));
    expect(left, left.map((name) => readdirSync(join(folder, name), { recursive: true }).join(' ')).join('\n')).toEqual([]);
    await waitFor('every process of the group to end', () => !groupAlive(child.pid ?? 0), 5_000);
  }, 60_000);
});

/**
 * Runs a bash script in a mount namespace of its own, where it may mount a
 * tmpfs: as root, or as a user through a user namespace. Nothing it mounts
 * is seen outside it.
 */
function inMountNamespace(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const args = process.getuid?.() === 0 ? ['-m'] : ['-r', '-m'];
  return new Promise((resolve) => {
    const child = spawn('unshare', [...args, 'bash', '-c', script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

const BUILD = `"${process.execPath}" bin/bulletin.js build --seeds "$SEEDS"`;

describe('a disk that cannot take the build', () => {
  it('full: the build fails within seconds naming the cause, keeps the old site and leaves no build folder behind', async () => {
    const disk = join(work, 'disk');
    mkdirSync(disk);
    // Seeds of its own: one sentence changes between the builds, so the second has pages to write, not only links.
    const changing = join(work, 'full-seeds');
    cpSync(seeds, changing, { recursive: true });
    const { code, output } = await inMountNamespace(
      `mount -t tmpfs -o size=1600k tmpfs "$DISK" || exit 90
       ${BUILD} --out "$DISK/site" >/dev/null 2>&1 || { echo "first build failed"; exit 91; }
       before=$(sha256sum < "$DISK/site/index.html")
       head -c 2000000 /dev/zero > "$DISK/filler" 2>/dev/null
       sed -i 's/。/，。/' "$SEEDS"/*.md
       start=$(date +%s%N)
       ${BUILD} --out "$DISK/site" 2>&1; echo "exit=$?"
       echo "ms=$(( ($(date +%s%N) - start) / 1000000 ))"
       [ "$before" = "$(sha256sum < "$DISK/site/index.html")" ] && echo "old site kept"
       echo "builds: $(ls -A "$DISK/.bulletin-builds/site" | tr '\\n' ' ')"`,
      { DISK: disk, SEEDS: changing },
    );
    expect(code, output).toBe(0);
    // Our own line names the cause, whichever of Eleventy and Pagefind met the full disk first.
    expect(output).toMatch(/^bulletin build: .*(no space left on the device \(ENOSPC\)|No space left on device)/mu);
    expect(output).toContain('exit=1');
    expect(Number(/ms=(\d+)/u.exec(output)?.[1])).toBeLessThan(15_000);
    expect(output).toContain('old site kept');
    // Only the published build, its record, and the parse cache.
    expect(/builds: (.*)/u.exec(output)?.[1]?.trim().split(' ').map((name) => name.replace(/^\d{8}-\d{9}-\d+-\d+/u, '<build>'))).toEqual(['<build>', '<build>.build.json', 'cache']);
  }, 60_000);

  it('read-only: the build fails at once, saying so, and writes nothing', async () => {
    const disk = join(work, 'read-only');
    mkdirSync(disk);
    const { code, output } = await inMountNamespace(
      `mount -t tmpfs -o ro,size=1m tmpfs "$DISK" || exit 90
       start=$(date +%s%N)
       ${BUILD} --out "$DISK/site" 2>&1; echo "exit=$?"
       echo "ms=$(( ($(date +%s%N) - start) / 1000000 ))"
       echo "entries: $(ls -A "$DISK" | wc -l)"`,
      { DISK: disk, SEEDS: seeds },
    );
    expect(code, output).toBe(0);
    expect(output).toContain('exit=1');
    expect(output).toMatch(/Cannot create the build folder .*: the file system is read-only \(EROFS\)/u);
    expect(Number(/ms=(\d+)/u.exec(output)?.[1])).toBeLessThan(5_000);
    expect(output).toContain('entries: 0');
  }, 60_000);
});
