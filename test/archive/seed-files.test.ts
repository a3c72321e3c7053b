import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';

const SEED = fileURLToPath(new URL('../fixtures/bad-input/unknown-park/input.md', import.meta.url));
const SECRET = 'SECRET-CONTENT-NEVER-QUOTED';

describe('what a seeds folder may hold besides issue files', () => {
  let work: string;
  let seeds: string;
  const found = async (...paths: string[]) => {
    const archive = await loadArchive(paths, work);
    return { archive, lines: archive.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`) };
  };

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'bulletin-seed-files-'));
    seeds = join(work, 'seeds');
    mkdirSync(join(seeds, 'folder.md'), { recursive: true });
    mkdirSync(join(work, 'elsewhere'));
    copyFileSync(SEED, join(seeds, 'a.md'));
    writeFileSync(join(work, 'elsewhere', 'secret.md'), `# ${SECRET}\n`);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('skips a directory named x.md with a warning naming it', async () => {
    const { archive, lines } = await found(seeds);
    expect(lines).toEqual(['seeds/folder.md:1:1 warning seed-not-a-file', 'seeds/a.md:18:5 warning park-unknown']);
    expect(archive.files).toEqual([join(seeds, 'a.md')]);
    expect(archive.issues).toHaveLength(1);
  });

  it('refuses, without reading it, a link that leads out of the folder it is listed in', async () => {
    const link = join(seeds, 'b.md');
    symlinkSync(join(work, 'elsewhere', 'secret.md'), link);
    try {
      const { archive, lines } = await found(seeds);
      expect(lines).toContain('seeds/b.md:1:1 error seed-outside-folder');
      const refusal = archive.diagnostics.find((d) => d.ruleId === 'seed-outside-folder');
      expect(refusal?.message).toContain(link);
      expect(refusal?.message).toContain(join(work, 'elsewhere', 'secret.md'));
      expect(JSON.stringify(archive)).not.toContain(SECRET);
      expect(archive.files).not.toContain(link);
    } finally {
      rmSync(link);
    }
  });

  it('refuses a relative link that climbs out, and reads one that stays inside', async () => {
    symlinkSync('../elsewhere/secret.md', join(seeds, 'c.md'));
    symlinkSync('a.md', join(seeds, 'd.md'));
    try {
      const { archive, lines } = await found(seeds);
      expect(lines).toContain('seeds/c.md:1:1 error seed-outside-folder');
      expect(archive.files).toContain(join(seeds, 'd.md'));
      expect(JSON.stringify(archive.diagnostics)).not.toContain(SECRET);
    } finally {
      rmSync(join(seeds, 'c.md'));
      rmSync(join(seeds, 'd.md'));
    }
  });

  it('reports a dangling link and a missing path as seed-missing', async () => {
    symlinkSync(join(work, 'nowhere.md'), join(seeds, 'e.md'));
    try {
      const { lines } = await found(seeds, join(work, 'nonexistent'));
      expect(lines).toEqual(['seeds/e.md:1:1 error seed-missing', 'seeds/folder.md:1:1 warning seed-not-a-file', 'nonexistent:1:1 error seed-missing', 'seeds/a.md:18:5 warning park-unknown']);
    } finally {
      rmSync(join(seeds, 'e.md'));
    }
  });

  it('skips a named pipe without opening it (reading one would wait forever)', async () => {
    const fifo = join(seeds, 'f.md');
    execFileSync('mkfifo', [fifo]);
    try {
      const { lines } = await found(seeds, fifo);
      expect(lines.filter((line) => line.includes('f.md'))).toEqual(['seeds/f.md:1:1 warning seed-not-a-file', 'seeds/f.md:1:1 warning seed-not-a-file']);
    } finally {
      rmSync(fifo);
    }
  });
});
