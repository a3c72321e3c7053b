/**
 * `npm run bench:peer`: this project against the stack a maintainer would
 * assemble (bench/stock-stack.ts: stock Eleventy, one Markdown page per
 * article in both languages, then the stock Pagefind CLI), on the same
 * synthetic archives, on this machine, in one run, alternating A B B A so
 * that neither always runs on a warm or a cold machine.
 *
 * Per build: wall time, CPU time (user + system, the whole process tree, from
 * GNU time), peak memory of the process tree (the Node process and Pagefind,
 * sampled every 100 ms), output files and bytes; per site: what a first
 * search downloads (gzip) and how long a next query takes. Medians of the
 * rounds, and project ÷ stock. Writes its section of bench/RESULTS.md.
 *
 * BENCH_SIZES=100,549 (default) and BENCH_ROUNDS=3 (default) choose the runs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstSearchBytes } from './first-search-bytes.ts';
import { stockFirstSearch } from './stock-first-search.ts';
import { stockCommands, writeStockInput } from './stock-stack.ts';
import { writeSyntheticArchive } from './synthetic.ts';
import { sampleTreeMemory } from './tree-memory.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SIZES = (process.env.BENCH_SIZES ?? '100,549').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Run {
  wallMs: number;
  cpuMs: number;
  peakMb: number;
}

/** Runs commands one after another, each under GNU time, sampling each one's process tree. */
async function measure(commands: string[][]): Promise<Run> {
  const total: Run = { wallMs: 0, cpuMs: 0, peakMb: 0 };
  for (const [command, ...args] of commands) {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '@@time %U %S', command!, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    const memory = sampleTreeMemory(child.pid ?? 0);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    const { treeMb } = memory.stop();
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}\n${stderr.slice(-2000)}`);
    const times = /@@time ([\d.]+) ([\d.]+)/u.exec(stderr);
    if (!times) throw new Error(`GNU time printed no times for ${command} (is /usr/bin/time GNU time?)\n${stderr.slice(-2000)}`);
    const [user, system] = [Number(times[1]), Number(times[2])];
    total.wallMs += performance.now() - started;
    total.cpuMs += (user + system) * 1000;
    total.peakMb = Math.max(total.peakMb, treeMb);
  }
  return total;
}

function outputSize(dir: string): { files: number; bytes: number } {
  const files = Number(execFileSync('bash', ['-c', `find -L "${dir}" -type f | wc -l`], { encoding: 'utf8' }).trim());
  const bytes = Number(execFileSync('du', ['-sbL', dir], { encoding: 'utf8' }).split('\t')[0]);
  return { files, bytes };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const rows: string[] = [];
for (const size of SIZES) {
  const work = join(tmpdir(), `bulletin-peer-${size}`);
  rmSync(work, { recursive: true, force: true });
  const seeds = join(work, 'seeds');
  writeSyntheticArchive(seeds, size);
  const stockInput = join(work, 'stock-input');
  const stockPages = await writeStockInput(seeds, stockInput);
  const runs: { project: Run[]; stock: Run[] } = { project: [], stock: [] };
  const out = { project: join(work, 'project', 'site'), stock: join(work, 'stock', 'site') };
  const builds = {
    project: () => measure([[process.execPath, join(ROOT, 'bin', 'bulletin.js'), 'build', '--seeds', seeds, '--out', out.project, '--base-url', 'http://localhost:8080/']]),
    stock: () => measure(stockCommands(stockInput, out.stock)),
  };
  for (let round = 0; round < ROUNDS; round++) {
    // A B, then B A: each side goes first as often as the other.
    const order = round % 2 === 0 ? (['project', 'stock'] as const) : (['stock', 'project'] as const);
    for (const side of order) {
      rmSync(join(work, side), { recursive: true, force: true });
      mkdirSync(join(work, side), { recursive: true });
      const run = await builds[side]();
      runs[side].push(run);
      console.log(`${size} issues, round ${round + 1}, ${side}: ${(run.wallMs / 1000).toFixed(2)} s wall, ${(run.cpuMs / 1000).toFixed(2)} s CPU, ${Math.round(run.peakMb)} MB peak`);
    }
  }
  const sizes = { project: outputSize(out.project), stock: outputSize(out.stock) };
  const search = { project: await firstSearchBytes(out.project), stock: await stockFirstSearch(out.stock) };
  const m = (side: 'project' | 'stock', key: keyof Run) => median(runs[side].map((run) => run[key]));
  const ratio = (key: keyof Run) => (m('project', key) / m('stock', key)).toFixed(2);
  const issues = (JSON.parse(readFileSync(join(out.project, 'data', 'archive.json'), 'utf8')) as unknown[]).length;
  rows.push(
    [
      size,
      `${stockPages} article pages`,
      `${(m('project', 'wallMs') / 1000).toFixed(1)} s / ${(m('stock', 'wallMs') / 1000).toFixed(1)} s = **${ratio('wallMs')}×**`,
      `${(m('project', 'cpuMs') / 1000).toFixed(1)} s / ${(m('stock', 'cpuMs') / 1000).toFixed(1)} s = ${ratio('cpuMs')}×`,
      `${Math.round(m('project', 'peakMb'))} MB / ${Math.round(m('stock', 'peakMb'))} MB = **${ratio('peakMb')}×**`,
      `${sizes.project.files} / ${sizes.stock.files}`,
      `${(sizes.project.bytes / 1e6).toFixed(1)} MB / ${(sizes.stock.bytes / 1e6).toFixed(1)} MB`,
      `${(search.project.gzipBytes / 1024).toFixed(0)} KB / ${(search.stock.gzipBytes / 1024).toFixed(0)} KB`,
      `${Math.round(search.project.queryMs)} ms / ${Math.round(search.stock.queryMs)} ms`,
    ].join(' | '),
  );
  console.log(`${issues} issues in the project's export; ${rows.at(-1)}`);
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim()}`;
const section = [
  '<!-- peer:start -->',
  '## This project beside the stock stack (`npm run bench:peer`)',
  '',
  `Machine: ${machine}. Run: ${new Date().toISOString()}. Medians of ${ROUNDS} rounds per size, alternating which side builds first.`,
  '',
  '- Stock stack (`bench/stock-stack.ts`): Eleventy 3 CLI with its defaults, one Markdown page per article in Chinese and in English, one Nunjucks layout; then the Pagefind CLI with its defaults; a search page with Pagefind UI. The project builds every page kind, the open data, the citation files and its exact index.',
  '- Wall and CPU: the whole process tree (CPU from GNU time, user + system). Peak memory: the sum of the resident sets of the process tree (Node and Pagefind), sampled every 100 ms.',
  '- First search (长春净月高新区): everything the browser downloads, gzip; next query (江门高新区): from input to results shown (Pagefind UI waits for typing to pause before it searches).',
  '',
  '| issues | same articles | wall, project / stock | CPU | peak memory | files | output | first search (gzip) | next query |',
  '| ---: | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row} |`),
  '<!-- peer:end -->',
].join('\n');
const resultsFile = join(ROOT, 'bench', 'RESULTS.md');
const before = readFileSync(resultsFile, 'utf8');
const after = /<!-- peer:start -->[\s\S]*<!-- peer:end -->/u.test(before) ? before.replace(/<!-- peer:start -->[\s\S]*<!-- peer:end -->/u, section) : `${before.trimEnd()}\n\n${section}\n`;
writeFileSync(resultsFile, after);
console.log(section);
