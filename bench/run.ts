/**
 * `npm run bench`: whole builds of synthetic archives of 1, 10, 100 and 549
 * issues, each in a fresh process, beside bare Eleventy rendering as many
 * trivial pages. Prints a Markdown table and writes it to bench/RESULTS.md.
 * BENCH_SIZES=1,10 limits the sizes.
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, tmpdir } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstSearchBytes } from './first-search-bytes.ts';
import { writeSyntheticArchive } from './synthetic.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SIZES = (process.env.BENCH_SIZES ?? '1,10,100,549').split(',').map(Number);

function runScript(script: string, ...args: string[]): Record<string, number> {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
}

const seconds = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(2)} s`;
const rows: string[] = [];
for (const size of SIZES) {
  const work = join(tmpdir(), `bulletin-bench-${size}`);
  const seeds = join(work, 'seeds');
  const out = join(work, 'site');
  writeSyntheticArchive(seeds, size);
  const build = runScript('bench/build-once.ts', seeds, out);
  const bare = runScript('bench/bare-eleventy.ts', join(work, 'bare'), String(build.pages));
  const search = await firstSearchBytes(out);
  rows.push(
    `| ${size} | ${build.articles} | ${build.pages} | ${seconds(build.parseMs)} | ${seconds(build.eleventyMs)} | ${seconds(build.pagefindMs)} | ${seconds(build.wallMs)} | ${Math.round(build.peakRssMb ?? 0)} MB | ${((build.bytes ?? 0) / 1e6).toFixed(1)} MB | ${(search.gzipBytes / 1024).toFixed(0)} KB | ${seconds(bare.wallMs)} | ${((build.wallMs ?? 0) / (bare.wallMs ?? 1)).toFixed(2)}× |`,
  );
  console.log(rows.at(-1));
}

const header = [
  '| issues | articles | pages | parse | Eleventy | Pagefind | total wall | peak RSS | output | first search (gzip) | bare Eleventy, same page count | ratio |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim()}`;
const report = `# Benchmark results\n\nMachine: ${machine}. Run: ${new Date().toISOString()}.\n\nEach build runs in a fresh process (\`bench/build-once.ts\`); "first search" is everything a browser downloads for a first query on the search page (page, scripts, WebAssembly, index chunks), gzip-compressed (\`bench/first-search-bytes.ts\`).\n\n${[...header, ...rows].join('\n')}\n`;
writeFileSync(join(ROOT, 'bench/RESULTS.md'), report);
console.log(`\n${report}`);
