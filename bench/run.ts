/**
 * `npm run bench`: whole builds of synthetic archives of 1, 10, 100 and 549
 * issues, each in a fresh process, beside bare Eleventy rendering as many
 * trivial pages. Prints a Markdown table and writes it to bench/RESULTS.md.
 * BENCH_SIZES=1,10 limits the sizes.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpus, totalmem, tmpdir } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstSearchBytes } from './first-search-bytes.ts';
import { sampleTreeMemory } from './tree-memory.ts';
import { writeSyntheticArchive } from './synthetic.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SIZES = (process.env.BENCH_SIZES ?? '1,10,100,549').split(',').map(Number);

/** Runs a script in a fresh process; returns the JSON of its last line, with the peak memory of its process tree. */
async function runScript(script: string, ...args: string[]): Promise<Record<string, number>> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
  const memory = sampleTreeMemory(child.pid ?? 0);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const { treeMb, largestMb } = memory.stop();
  if (code !== 0) throw new Error(`${script} exited with code ${code}`);
  return { ...(JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Record<string, number>), treeMb, largestMb };
}

const seconds = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(2)} s`;
const rows: string[] = [];
for (const size of SIZES) {
  const work = join(tmpdir(), `bulletin-bench-${size}`);
  const seeds = join(work, 'seeds');
  const out = join(work, 'site');
  writeSyntheticArchive(seeds, size);
  const build = await runScript('bench/build-once.ts', seeds, out);
  const rebuild = await runScript('bench/rebuild-once.ts', seeds, join(work, 'rebuild'));
  const bare = await runScript('bench/bare-eleventy.ts', join(work, 'bare'), String(build.pages));
  const search = await firstSearchBytes(out);
  rows.push(
    `| ${size} | ${build.articles} | ${build.pages} | ${seconds(build.parseMs)} | ${seconds(build.eleventyMs)} | ${seconds(build.pagefindMs)} | ${seconds(build.wallMs)} | ${Math.round(build.peakRssMb ?? 0)} MB | ${Math.round(build.treeMb ?? 0)} MB | ${((build.bytes ?? 0) / 1e6).toFixed(1)} MB | ${(search.gzipBytes / 1024).toFixed(1)} KiB | ${Math.round(search.queryMs)} ms | ${seconds(rebuild.rebuildMs)} | ${seconds(bare.wallMs)} | ${((build.wallMs ?? 0) / (bare.wallMs ?? 1)).toFixed(2)}× |`,
  );
  console.log(rows.at(-1));
}

const header = [
  '| issues | articles | pages | parse | Eleventy | Pagefind | total wall | peak RSS, build process | peak memory, with Pagefind | output | first search (gzip) | next query, once loaded | rebuild after one seed changes | bare Eleventy, same page count | ratio |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim()}`;
const notes = [
  'Each build runs in a fresh process (`bench/build-once.ts`), as `bulletin build` does.',
  '"Peak RSS, build process" is the Node process alone; "peak memory, with Pagefind" adds its service process, sampled every 100 ms (`bench/tree-memory.ts`).',
  '"First search" is everything a browser downloads for a first query (长春净月高新区) on the search page: page, CSS, scripts, WebAssembly, Pagefind metadata, index chunks and the fragments of the first page of results, gzip-compressed (`bench/first-search-bytes.ts`); "next query" is the time from submitting a second query (江门高新区) to its results shown.',
  '"Rebuild" is `npm start` after one sentence of one issue changes, pages and data only: the search index follows in the background (`bench/rebuild-once.ts`, median of 3).',
];
const report = `# Benchmark results\n\nMachine: ${machine}. Run: ${new Date().toISOString()}.\n\n${notes.map((note) => `- ${note}`).join('\n')}\n\n${[...header, ...rows].join('\n')}\n`;
// The peer comparison (bench/peer.ts) keeps its own section.
const resultsFile = join(ROOT, 'bench/RESULTS.md');
const peer = /<!-- peer:start -->[\s\S]*<!-- peer:end -->/u.exec(existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '')?.[0];
writeFileSync(resultsFile, peer ? `${report}\n${peer}\n` : report);
console.log(`\n${report}`);
