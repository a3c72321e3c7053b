/**
 * Parse benchmark: prints the time to parse issue 549 (cold and warm) and a
 * 50-issue synthetic archive. Run with `npm run bench:parse`.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchive } from '../src/archive/load-archive.ts';
import { parseSeed } from '../src/parse/parse-issue.ts';
import { writeSyntheticArchive } from './synthetic.ts';

const SEED = fileURLToPath(new URL('../seeds/huoju-dongtai-549.md', import.meta.url));
const WARM_RUNS = 50;

const bytes = readFileSync(SEED);
let started = performance.now();
parseSeed(bytes, 'huoju-dongtai-549.md');
const coldMs = performance.now() - started;

const samples: number[] = [];
for (let run = 0; run < WARM_RUNS; run++) {
  started = performance.now();
  parseSeed(bytes, 'huoju-dongtai-549.md');
  samples.push(performance.now() - started);
}
samples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)] ?? 0;
const p90 = samples[Math.floor(samples.length * 0.9)] ?? 0;

const dir = join(tmpdir(), 'bulletin-bench-parse-50');
writeSyntheticArchive(dir, 50);
started = performance.now();
const archive = await loadArchive([dir]);
const archiveMs = performance.now() - started;
const articles = archive.issues.reduce((sum, issue) => sum + issue.sections.reduce((n, section) => n + section.articles.length, 0), 0);
const errors = archive.diagnostics.filter((d) => d.severity === 'error').length;

console.log('| what | time |');
console.log('| --- | ---: |');
console.log(`| issue 549, first parse (cold, includes loading the gazetteer and pinyin tables) | ${coldMs.toFixed(1)} ms |`);
console.log(`| issue 549, warm, median of ${WARM_RUNS} | ${median.toFixed(1)} ms |`);
console.log(`| issue 549, warm, 90th percentile | ${p90.toFixed(1)} ms |`);
console.log(`| 50-issue synthetic archive (${archive.issues.length} issues, ${articles} articles, ${errors} errors) | ${archiveMs.toFixed(0)} ms |`);
