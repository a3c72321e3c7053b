import { spawn, type ChildProcess } from 'node:child_process';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';
import { checkOutput } from '../output/output-target.ts';
import { outputRules } from '../pipeline/run-pipeline.ts';
import { checkPortFree, serveSite } from '../serve/site-server.ts';
import { onInterrupt } from './interrupt.ts';

export interface ServeOptions {
  seeds: string;
  out: string;
  port: number;
  /** The address to listen on: loopback unless asked otherwise. */
  host: string;
  /** The path the site is served under (`/archive/`), from the site's address. */
  basePath: string;
}

/**
 * Everything a page depends on besides the seeds: templates, stylesheets,
 * the code (page modules, dictionaries, the gazetteer, the parser) and the
 * installed packages. Each rebuild is a new `bulletin build` process, so
 * whatever changed here is used by the next rebuild, without a restart.
 */
const SITE_SOURCES = ['templates', 'public', 'src', 'package-lock.json'].map((path) => join(PROJECT_ROOT, path));
/** Changes closer together than this are one rebuild (an editor saving several files). */
const SETTLE_MS = 150;
const CLI = join(PROJECT_ROOT, 'bin', 'bulletin.js');

/**
 * `npm start`: build, serve on localhost, rebuild when anything the site is
 * made from changes, and reload open pages. Every rebuild runs the same
 * pipeline as `bulletin build`, in a process of its own, and publishes a
 * new build in one step: a published build is never written into.
 */
export async function runServe(options: ServeOptions): Promise<number> {
  // Said before the first build, which can take a while.
  checkOutput(options.out, outputRules([options.seeds]));
  await checkPortFree(options.port, options.host);
  const baseUrl = `http://localhost:${options.port}${options.basePath}`;
  let building: ChildProcess | null = null;
  let closeServer = async () => {};
  const stopListening = onInterrupt(async () => {
    await Promise.all([closeServer(), building ? stopBuild(building) : undefined]);
  });
  const build = async (): Promise<number | null> => {
    building = spawn(process.execPath, [CLI, 'build', '--seeds', options.seeds, '--out', options.out, '--base-url', baseUrl], { stdio: 'inherit' });
    const code = await ended(building);
    building = null;
    return code;
  };
  // Watching from before the first build, and ready before anything is said: a save made meanwhile, or the moment
  // "Serving" is printed, is seen. Folders, not files: an editor that saves by renaming a new file over the old one keeps being seen.
  const { watch } = await import('chokidar');
  const watcher = watch([options.seeds, ...SITE_SOURCES], { ignoreInitial: true });
  let changed = false;
  let onChange = () => void (changed = true);
  watcher.on('all', () => onChange());
  closeServer = () => watcher.close();
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  if ((await build()) !== 0) {
    await watcher.close();
    stopListening();
    console.error('bulletin serve: the first build failed (above); nothing to serve');
    return 1;
  }
  const server = await serveSite(options.out, { port: options.port, host: options.host, pathPrefix: options.basePath, liveReload: true });

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const rebuild = () => {
    running = running.then(async () => {
      const started = performance.now();
      const code = await build();
      if (code !== 0) return console.error('Rebuild failed (above); the previous site is still served');
      console.log(`Rebuilt in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      server.reload();
    });
  };
  onChange = () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, SETTLE_MS);
  };
  closeServer = async () => {
    clearTimeout(timer);
    await Promise.all([watcher.close(), server.close()]);
  };
  console.log(`Serving ${options.out} on ${server.url} (${server.reach}; Ctrl+C to stop); rebuilding when ${[options.seeds, ...SITE_SOURCES.map((path) => relative(process.cwd(), path))].join(', ')} change`);
  // Saved while the first build ran: built again at once.
  if (changed) onChange();
  // Serves until a signal ends the process.
  return new Promise<number>(() => undefined);
}

/** How long a build may take to end by a signal its whole process group got (Ctrl+C) before it is sent one itself. */
const GROUP_SIGNAL_MS = 1_000;

/** Ends a running build: it removes its unfinished folder and exits. */
async function stopBuild(child: ChildProcess): Promise<void> {
  const timer = setTimeout(() => child.kill('SIGTERM'), GROUP_SIGNAL_MS);
  await ended(child);
  clearTimeout(timer);
}

function ended(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
