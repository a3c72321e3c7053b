/**
 * `npm run bench`: the project at scale, through its CLI as a maintainer
 * runs it (`bulletin build`, compiled). For each size of synthetic archive:
 * a cold build (no cache, no earlier build), then the same archive with one
 * sentence of one issue changed, built again (publishing an edit), with the
 * stages the build reports, wall time, peak memory of the process tree (Node
 * and Pagefind), output size, and what a first search downloads.
 * Prints a Markdown table and writes it to bench/RESULTS.md.
 *
 * BENCH_SIZES=1,10,100,549,1000,2000 (default) chooses the sizes.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpus, totalmem, tmpdir } from 'node:os';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstSearchBytes } from './first-search-bytes.ts';
import { sampleTreeMemory } from './tree-memory.ts';
import { writeSyntheticArchive } from './synthetic.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SIZES = (process.env.BENCH_SIZES ?? '1,10,100,549,1000,2000').split(',').map(Number);

interface Build {
  wallMs: number;
  treeMb: number;
  /** The stages as the build reports them, in seconds. */
  stages: Record<string, number>;
  pages: number;
  rendered: number;
  partsWritten: number;
  parts: number;
}

/** `bulletin build` in a fresh process, its process tree sampled for memory. */
async function build(seeds: string, out: string): Promise<Build> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'bulletin.js'), 'build', '--seeds', seeds, '--out', out, '--base-url', 'http://localhost:8080/'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const memory = sampleTreeMemory(child.pid ?? 0);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const wallMs = performance.now() - started;
  const { treeMb } = memory.stop();
  if (code !== 0) throw new Error(`build exited with ${code}\n${output.slice(-2000)}`);
  const line = /Built (\d+) pages .*: (.*)/u.exec(output);
  if (!line) throw new Error(`no summary line in\n${output.slice(-2000)}`);
  const stages = Object.fromEntries([...(line[2] ?? '').matchAll(/(\w+) ([\d.]+) s/gu)].map((m) => [m[1] ?? '', Number(m[2])]));
  const counts = /\((\d+) files rendered.*\((\d+) of (\d+) index parts written\)/u.exec(line[2] ?? '');
  return { wallMs, treeMb, stages, pages: Number(line[1]), rendered: Number(counts?.[1]), partsWritten: Number(counts?.[2]), parts: Number(counts?.[3]) };
}

/** One sentence of the middle issue changed: a new full stop before its first. */
function editOneIssue(seeds: string): void {
  const files = readdirSync(seeds).sort();
  const file = join(seeds, files[Math.floor(files.length / 2)] ?? '');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace('。', '，有所修订。'));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rows: string[] = [];
for (const size of SIZES) {
  const work = join(tmpdir(), `bulletin-bench-${size}`);
  rmSync(work, { recursive: true, force: true });
  const seeds = join(work, 'seeds');
  const out = join(work, 'site');
  writeSyntheticArchive(seeds, size);
  const cold = await build(seeds, out);
  const bytes = Number(execFileSync('du', ['-sbL', out], { encoding: 'utf8' }).split('\t')[0]);
  const search = await firstSearchBytes(out);
  editOneIssue(seeds);
  const edited = await build(seeds, out);
  const stage = (b: Build, name: string) => `${(b.stages[name] ?? 0).toFixed(2)} s`;
  rows.push(
    `| ${size} | ${cold.pages} | ${stage(cold, 'parse')} | ${stage(cold, 'pages')} | ${stage(cold, 'render')} | ${stage(cold, 'search')} | **${seconds(cold.wallMs)}** | **${Math.round(cold.treeMb)} MB** | ${(bytes / 1e6).toFixed(1)} MB | ${(search.gzipBytes / 1024).toFixed(1)} KiB | ${Math.round(search.queryMs)} ms | **${seconds(edited.wallMs)}** (${edited.rendered} files rendered, ${edited.partsWritten} of ${edited.parts} parts) | ${Math.round(edited.treeMb)} MB |`,
  );
  console.log(rows.at(-1));
  rmSync(work, { recursive: true, force: true });
}

const header = [
  '| issues | pages | parse | view models | render | search index | cold build, wall | peak memory | output | first search (gzip) | next query | one issue edited, wall | its peak memory |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
];
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim()}`;
const notes = [
  'Each build is `bulletin build` in a fresh process (the compiled CLI), as a maintainer runs it; its stages as it reports them (render and search index run side by side).',
  '"Peak memory" is the sum of the resident sets of the process tree (Node and its Pagefind services), sampled every 100 ms (`bench/tree-memory.ts`).',
  '"First search" is everything a browser downloads for a first query (长春净月高新区) on the search page: page, CSS, scripts, WebAssembly, Pagefind metadata, index chunks and the fragments of the first page of results, gzip-compressed (`bench/first-search-bytes.ts`); "next query" is the time from submitting a second query (江门高新区) to its results shown.',
  '"One issue edited" changes one sentence of the issue in the middle of the archive and builds again, with the cache and the previous build of the cold build.',
];
const report = `# Benchmark results\n\nMachine: ${machine}. Run: ${new Date().toISOString()}.\n\n${notes.map((note) => `- ${note}`).join('\n')}\n\n${[...header, ...rows].join('\n')}\n`;
// The peer comparison (bench/peer.ts) and the dev server (bench/serve.ts) keep their own sections.
const resultsFile = join(ROOT, 'bench/RESULTS.md');
const kept = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
const sections = [/<!-- peer:start -->[\s\S]*<!-- peer:end -->/u, /<!-- serve:start -->[\s\S]*<!-- serve:end -->/u].map((pattern) => pattern.exec(kept)?.[0]).filter((section) => section !== undefined);
writeFileSync(resultsFile, [report, ...sections].join('\n') + '\n');
console.log(`\n${report}`);
