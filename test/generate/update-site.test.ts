import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteUpdater } from '../../src/generate/update-site.ts';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

describe('the rebuild behind npm start', () => {
  // Eleventy imports .eleventy.ts with Node's own loader, outside Vitest's: tsx must be registered, as bin/bulletin.js does.
  beforeAll(() => {
    register();
  });

  const work = mkdtempSync(join(tmpdir(), 'bulletin-update-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds everything first, then only the pages whose data changed, and swaps in a new search index', async () => {
    const seeds = join(work, 'seeds');
    const out = join(work, 'site');
    cpSync(SEEDS, seeds, { recursive: true });
    const update = createSiteUpdater({ seeds: [seeds], out, baseUrl: 'http://localhost:8080/' });

    const first = await update();
    if (!first.ok) throw new Error('first build failed');
    await first.search;
    expect(first.pagesWritten).toBeGreaterThan(60);

    const unchanged = await update();
    if (!unchanged.ok) throw new Error('second build failed');
    expect(unchanged.pagesWritten).toBe(0);
    expect(unchanged.filesWritten).toBe(0);
    await unchanged.search;

    const seed = join(seeds, 'huoju-dongtai-549.md');
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('论坛上,来自内地与澳门的相关机构', '论坛上,来自内地与澳门的有关机构'));
    const edited = await update();
    if (!edited.ok) throw new Error('third build failed');
    // The article in both languages and the whole-issue print view in both languages.
    expect(edited.pagesWritten).toBe(4);
    expect(edited.filesWritten).toBe(1);
    const page = readFileSync(join(out, 'issues/549/nei-di-yu-ao-men-shen-ru-kai/index.html'), 'utf8');
    expect(page).toContain('来自内地与澳门的有关机构');
    await edited.search;
    const entry = JSON.parse(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages['zh-cn']?.page_count).toBe(11);

    const broken = await (async () => {
      writeFileSync(seed, '');
      return update();
    })();
    expect(broken.ok).toBe(false);
    expect(readFileSync(join(out, 'issues/549/nei-di-yu-ao-men-shen-ru-kai/index.html'), 'utf8')).toContain('来自内地与澳门的有关机构');
  }, 120_000);
});
