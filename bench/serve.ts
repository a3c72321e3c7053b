/**
 * `npm run bench:serve`: `npm start` as a maintainer meets it on a large
 * archive. Serves the synthetic archive (BENCH_SIZE, default 549 issues),
 * then, three times, changes one sentence of one issue and measures the time
 * from the save to the changed page served (each rebuild publishes its pages
 * and its search index in one step, so the change is searchable from that
 * moment too). Writes its section of bench/RESULTS.md.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticArchive } from './synthetic.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SIZE = Number(process.env.BENCH_SIZE ?? 549);
const ROUNDS = 3;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const work = join(tmpdir(), 'bulletin-bench-serve');
rmSync(work, { recursive: true, force: true });
const seeds = join(work, 'seeds');
writeSyntheticArchive(seeds, SIZE);
const port = await freePort();
const server = spawn(process.execPath, [join(ROOT, 'bin', 'bulletin.js'), 'serve', '--seeds', seeds, '--out', join(work, 'site'), '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
let said = '';
server.stdout.setEncoding('utf8').on('data', (chunk: string) => (said += chunk));
server.stderr.setEncoding('utf8').on('data', (chunk: string) => (said += chunk));
const until = async (check: () => boolean | Promise<boolean>) => {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20));
};
await until(() => said.includes('Serving'));

const file = join(seeds, readdirSync(seeds).sort().at(-1) ?? '');
const issue = JSON.parse(readFileSync(join(work, 'site', 'data', 'archive.json'), 'utf8'))[0] as { url: string };
const times: number[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const token = `修订第${round}次`;
  const started = performance.now();
  writeFileSync(file, readFileSync(file, 'utf8').replace('。', `，${token}。`));
  await until(async () => (await fetch(`http://localhost:${port}${issue.url}print/`).then((response) => response.text())).includes(token));
  times.push(performance.now() - started);
  console.log(`round ${round}: served in ${(times.at(-1)! / 1000).toFixed(2)} s`);
}
process.kill(-(server.pid ?? 0), 'SIGINT');

const median = [...times].sort((a, b) => a - b)[1] ?? 0;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim()}`;
const section = [
  '<!-- serve:start -->',
  '## `npm start` on a large archive (`npm run bench:serve`)',
  '',
  `Machine: ${machine}. Run: ${new Date().toISOString()}. ${SIZE} synthetic issues; one sentence of the newest issue changed, ${ROUNDS} times.`,
  '',
  `From the save to the changed page served: ${times.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')} (median **${(median / 1000).toFixed(2)} s**). Each rebuild publishes its pages and its search index together, so the change is searchable from the same moment.`,
  '<!-- serve:end -->',
].join('\n');
const resultsFile = join(ROOT, 'bench', 'RESULTS.md');
const before = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
writeFileSync(resultsFile, /<!-- serve:start -->[\s\S]*<!-- serve:end -->/u.test(before) ? before.replace(/<!-- serve:start -->[\s\S]*<!-- serve:end -->/u, section) : `${before.trimEnd()}\n\n${section}\n`);
console.log(section);
rmSync(work, { recursive: true, force: true });
