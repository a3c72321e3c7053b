/**
 * `npm start`'s rebuild, in a fresh process: builds a copy of the seeds once,
 * then changes one sentence of one issue three times and times each rebuild
 * (pages and data; the search index follows in the background). Prints the
 * median as JSON on the last line.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSiteUpdater } from '../src/generate/update-site.ts';
import { tuneHeap } from '../src/cli/tune-heap.ts';

tuneHeap();
const [seeds, work] = process.argv.slice(2);
if (!seeds || !work) throw new Error('usage: rebuild-once.ts SEEDS WORK');
const copy = join(work, 'seeds');
rmSync(work, { recursive: true, force: true });
cpSync(seeds, copy, { recursive: true });
const update = createSiteUpdater({ seeds: [copy], baseUrl: 'http://localhost:8080/', out: join(work, 'site') });
const first = await update();
if (!first.ok) throw new Error('first build failed');
await first.search;

const files = readdirSync(copy).filter((name) => name.endsWith('.md')).sort();
const target = join(copy, files[Math.floor(files.length / 2)] ?? '');
const samples: number[] = [];
let pages = 0;
for (let round = 0; round < 3; round++) {
  writeFileSync(target, readFileSync(target, 'utf8').replace('高新区', `高新区${round}`));
  const started = performance.now();
  const result = await update();
  samples.push(performance.now() - started);
  if (!result.ok) throw new Error('rebuild failed');
  pages = result.pagesWritten;
  await result.search;
}
samples.sort((a, b) => a - b);
console.log(JSON.stringify({ rebuildMs: samples[1], rebuildMinMs: samples[0], rebuildMaxMs: samples[2], rebuildPages: pages }));
