/**
 * `npm run bench:peer`: this project against the stack a maintainer would
 * assemble (bench/stock-stack.ts: stock Eleventy, one Markdown page per
 * article in both languages, then the stock Pagefind CLI), on the same
 * synthetic archives, on this machine, in one run, alternating A B B A so
 * that neither always runs on a warm or a cold machine.
 *
 * Three jobs per archive size, each done by both sides:
 * - cold: a build with no cache and no earlier build;
 * - publish a new issue: the archive of N issues was built (the project's
 *   cache and previous build warm); issue N+1 is added and the site built;
 * - edit a title: one article's title in an issue from the middle of the
 *   archive changes, and the site is built.
 * The stock stack remembers nothing between runs: for every job it builds
 * the whole archive as it then is.
 *
 * Per build: wall time, CPU time (user + system, the whole process tree, from
 * GNU time), peak memory of the process tree (the Node process and Pagefind,
 * sampled every 100 ms); per cold site: output files and bytes, what a first
 * search downloads (gzip) and how long a next query takes. Medians of the
 * rounds, and project ÷ stock. Writes its section of bench/RESULTS.md.
 *
 * BENCH_SIZES=100,549 (default) and BENCH_ROUNDS=3 (default) choose the runs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstSearchBytes } from './first-search-bytes.ts';
import { stockFirstSearch } from './stock-first-search.ts';
import { stockCommands, writeStockInput } from './stock-stack.ts';
import { syntheticIssue, writeSyntheticArchive } from './synthetic.ts';
import { parseSeed } from '../src/parse/parse-issue.ts';
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

type Side = 'project' | 'stock';
type Job = 'cold' | 'new issue' | 'title';
const JOBS: readonly Job[] = ['cold', 'new issue', 'title'];

/** The archive of `size` issues, and its two variants: one issue more, and one title edited. */
function archives(work: string, size: number) {
  const seeds = join(work, 'seeds');
  writeSyntheticArchive(seeds, size);
  const next = join(work, 'seeds-next');
  cpSync(seeds, next, { recursive: true });
  const newIssue = join(next, 'huoju-dongtai-550.md');
  writeFileSync(newIssue, syntheticIssue(550));
  const edited = join(work, 'seeds-edited');
  cpSync(seeds, edited, { recursive: true });
  const middle = `huoju-dongtai-${String(550 - Math.ceil(size / 2)).padStart(4, '0')}.md`;
  const text = readFileSync(join(seeds, middle), 'utf8');
  const parsed = parseSeed(text, middle);
  const title = parsed.kind === 'issue' ? parsed.issue.sections[0]?.articles[0]?.title : undefined;
  if (!title) throw new Error(`no article title in ${middle}`);
  writeFileSync(join(edited, middle), text.replaceAll(title, `${title}（修订）`));
  return { seeds, next, edited, newIssue, middle };
}

const rows: string[] = [];
const searchRows: string[] = [];
for (const size of SIZES) {
  const work = join(tmpdir(), `bulletin-peer-${size}`);
  rmSync(work, { recursive: true, force: true });
  const { seeds, next, edited, middle } = archives(work, size);
  const stockInputs = { cold: join(work, 'stock-cold'), 'new issue': join(work, 'stock-next'), title: join(work, 'stock-edited') };
  const stockPages = await writeStockInput(seeds, stockInputs.cold);
  await writeStockInput(next, stockInputs['new issue']);
  await writeStockInput(edited, stockInputs.title);
  // The project builds from one folder of seeds whose files change, as a maintainer's does.
  const live = join(work, 'live-seeds');
  const projectOut = join(work, 'project', 'site');
  const stockOut = join(work, 'stock', 'site');
  const project = () => measure([[process.execPath, join(ROOT, 'bin', 'bulletin.js'), 'build', '--seeds', live, '--out', projectOut, '--base-url', 'http://localhost:8080/']]);
  const stock = (job: Job) => {
    rmSync(join(work, 'stock'), { recursive: true, force: true });
    mkdirSync(join(work, 'stock'), { recursive: true });
    return measure(stockCommands(stockInputs[job], stockOut));
  };
  const runs = Object.fromEntries(JOBS.map((job) => [job, { project: [] as Run[], stock: [] as Run[] }])) as Record<Job, Record<Side, Run[]>>;
  /** The project's side of a job: the state before it (not measured), then the job. */
  const projectJob = async (job: Job): Promise<Run> => {
    rmSync(live, { recursive: true, force: true });
    cpSync(seeds, live, { recursive: true });
    if (job === 'cold') {
      rmSync(join(work, 'project'), { recursive: true, force: true });
      mkdirSync(join(work, 'project'), { recursive: true });
      return project();
    }
    await project();
    if (job === 'new issue') copyFileSync(join(next, 'huoju-dongtai-550.md'), join(live, 'huoju-dongtai-550.md'));
    else copyFileSync(join(edited, middle), join(live, middle));
    return project();
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const job of JOBS) {
      // A B, then B A: each side goes first as often as the other.
      const order: Side[] = round % 2 === 0 ? ['project', 'stock'] : ['stock', 'project'];
      for (const side of order) {
        const run = side === 'project' ? await projectJob(job) : await stock(job);
        runs[job][side].push(run);
        console.log(`${size} issues, ${job}, round ${round + 1}, ${side}: ${(run.wallMs / 1000).toFixed(2)} s wall, ${(run.cpuMs / 1000).toFixed(2)} s CPU, ${Math.round(run.peakMb)} MB peak`);
      }
    }
  }
  for (const job of JOBS) {
    const m = (side: Side, key: keyof Run) => median(runs[job][side].map((run) => run[key]));
    const ratio = (key: keyof Run) => (m('project', key) / m('stock', key)).toFixed(2);
    rows.push(
      [
        size,
        job,
        `${(m('project', 'wallMs') / 1000).toFixed(1)} s / ${(m('stock', 'wallMs') / 1000).toFixed(1)} s = **${ratio('wallMs')}×**`,
        `${(m('project', 'cpuMs') / 1000).toFixed(1)} s / ${(m('stock', 'cpuMs') / 1000).toFixed(1)} s = ${ratio('cpuMs')}×`,
        `${Math.round(m('project', 'peakMb'))} MB / ${Math.round(m('stock', 'peakMb'))} MB = **${ratio('peakMb')}×**`,
      ].join(' | '),
    );
    console.log(rows.at(-1));
  }
  // The sites as the cold jobs leave them: the project's from the seeds (built again), the stock stack's.
  rmSync(live, { recursive: true, force: true });
  cpSync(seeds, live, { recursive: true });
  await project();
  await stock('cold');
  const sizes = { project: outputSize(projectOut), stock: outputSize(stockOut) };
  const search = { project: await firstSearchBytes(projectOut), stock: await stockFirstSearch(stockOut) };
  searchRows.push(
    [
      size,
      `${stockPages} article pages`,
      `${sizes.project.files} / ${sizes.stock.files}`,
      `${(sizes.project.bytes / 1e6).toFixed(1)} MB / ${(sizes.stock.bytes / 1e6).toFixed(1)} MB`,
      `${(search.project.gzipBytes / 1024).toFixed(0)} KB / ${(search.stock.gzipBytes / 1024).toFixed(0)} KB`,
      `${Math.round(search.project.queryMs)} ms / ${Math.round(search.stock.queryMs)} ms`,
    ].join(' | '),
  );
  console.log(searchRows.at(-1));
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim()}`;
const section = [
  '<!-- peer:start -->',
  '## This project beside the stock stack (`npm run bench:peer`)',
  '',
  `Machine: ${machine}. Run: ${new Date().toISOString()}. Medians of ${ROUNDS} rounds per job and size, alternating which side builds first.`,
  '',
  '- Stock stack (`bench/stock-stack.ts`): Eleventy 3 CLI with its defaults, one Markdown page per article in Chinese and in English, one Nunjucks layout; then the Pagefind CLI with its defaults; a search page with Pagefind UI. It remembers nothing between runs: every job is a whole build. The project builds every page kind, the open data, the citation files and its exact index, and remembers (its parse cache, its previous build, its index parts).',
  '- Jobs: **cold** (no cache, no earlier build); **new issue** (the archive was built; issue 550 is added; the site is built again); **title** (the archive was built; the first article title of the issue in the middle of the archive changes; the site is built again).',
  '- Wall and CPU: the whole process tree (CPU from GNU time, user + system). Peak memory: the sum of the resident sets of the process tree (Node and Pagefind), sampled every 100 ms.',
  '',
  '| issues | job | wall, project / stock | CPU | peak memory |',
  '| ---: | --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row} |`),
  '',
  'The sites the cold jobs make. First search (长春净月高新区): everything the browser downloads, gzip; next query (江门高新区): from input to results shown (Pagefind UI waits for typing to pause before it searches).',
  '',
  '| issues | same articles | files | output | first search (gzip) | next query |',
  '| ---: | --- | --- | --- | --- | --- |',
  ...searchRows.map((row) => `| ${row} |`),
  '<!-- peer:end -->',
].join('\n');
const resultsFile = join(ROOT, 'bench', 'RESULTS.md');
const before = readFileSync(resultsFile, 'utf8');
const after = /<!-- peer:start -->[\s\S]*<!-- peer:end -->/u.test(before) ? before.replace(/<!-- peer:start -->[\s\S]*<!-- peer:end -->/u, section) : `${before.trimEnd()}\n\n${section}\n`;
writeFileSync(resultsFile, after);
console.log(section);
