/** Where a build may write, and where it must refuse before touching anything. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutput, OutputRefused } from '../../src/output/output-target.ts';
import { buildsOf, stampFiles, writeRecord } from '../../src/output/build-record.ts';

const work = mkdtempSync(join(tmpdir(), 'bulletin-output-target-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const project = join(work, 'project');
const seeds = join(project, 'seeds');
mkdirSync(seeds, { recursive: true });
writeFileSync(join(seeds, 'huoju-dongtai-549.md'), '# 火炬动态\n');
const rules = { seeds: [seeds], protectedRoots: [project] };

const refusal = (out: string) => {
  try {
    checkOutput(out, rules);
  } catch (error) {
    if (error instanceof OutputRefused) return error.message;
    throw error;
  }
  return null;
};

describe('checkOutput refuses', () => {
  it.each([
    ['the seeds folder', seeds, 'it is the seeds folder'],
    ['a folder inside the seeds', join(seeds, 'site'), 'it is inside the seeds folder'],
    ['the project folder', project, 'it is the project folder'],
    ['a parent of the project', work, 'it holds the project folder'],
    ['the root of the file system', '/', 'it is the root of the file system'],
    ['the home folder', homedir(), 'it is your home folder'],
    ['a seed file', join(seeds, 'huoju-dongtai-549.md'), 'it is inside the seeds folder'],
  ])('%s', (_, out, why) => {
    expect(refusal(out)).toContain(why);
  });

  it('a folder of the user\'s, naming what is in it and how to go on', () => {
    const documents = join(work, 'documents');
    mkdirSync(documents);
    writeFileSync(join(documents, 'thesis.docx'), 'chapter 1');
    expect(refusal(documents)).toMatch(/holds files that no build of this archive wrote \(thesis\.docx\).*Choose a new or empty folder/u);
  });

  it('an existing file', () => {
    const file = join(work, 'notes.txt');
    writeFileSync(file, 'notes');
    expect(refusal(file)).toContain('it is a file, not a folder');
  });

  it('a symbolic link that no build made', () => {
    const link = join(work, 'linked');
    symlinkSync(project, link);
    expect(refusal(link)).toContain('is a symbolic link to');
  });

  it('a published build that somebody added a file to', async () => {
    const out = join(work, 'published');
    const build = join(buildsOf(out), '20261201-120000000-1-1');
    mkdirSync(build, { recursive: true });
    writeFileSync(join(build, 'index.html'), '<!doctype html>');
    await writeRecord(build, { out, pid: process.pid, state: 'published', files: await stampFiles(build, new Map()) });
    symlinkSync(join('.bulletin-builds', 'published', '20261201-120000000-1-1'), out);
    expect(checkOutput(out, rules)).toEqual({ kind: 'published', build });
    writeFileSync(join(build, 'CNAME'), 'example.org');
    expect(refusal(out)).toMatch(/holds files the build did not write \(CNAME\)/u);
  });

  it('a place inside the folder where builds are kept', () => {
    expect(refusal(join(work, '.bulletin-builds', 'site', 'x'))).toContain('where builds are kept');
  });
});

describe('checkOutput accepts', () => {
  it('a place where nothing is yet, and an empty folder', () => {
    expect(checkOutput(join(work, 'new', 'site'), rules)).toEqual({ kind: 'absent' });
    const empty = join(work, 'empty');
    mkdirSync(empty);
    expect(checkOutput(empty, rules)).toEqual({ kind: 'empty-folder' });
  });
});

describe('a folder that only looks like a site', () => {
  it('is refused, saying no build recorded it and how to go on', () => {
    const copy = join(work, 'deploy-copy');
    for (const file of ['index.html', 'sitemap.xml', 'data/archive.json', 'pagefind/pagefind.js', 'notes/thesis.txt']) {
      mkdirSync(join(copy, file, '..'), { recursive: true });
      writeFileSync(join(copy, file), '');
    }
    expect(refusal(copy)).toMatch(/looks like a site .*no build of this tool recorded it.*move it away \(`mv .*deploy-copy .*deploy-copy\.old`\)/u);
  });
});
