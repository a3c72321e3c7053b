import { join } from 'node:path';
import { watch } from 'chokidar';
import { PROJECT_ROOT } from '../project-root.ts';
import { createSiteUpdater } from '../generate/update-site.ts';
import { checkPortFree, serveSite } from '../serve/site-server.ts';
import { onInterrupt } from './interrupt.ts';
import { printDiagnostics } from './report.ts';

export interface ServeOptions {
  seeds: string;
  out: string;
  port: number;
  /** The address to listen on: loopback unless asked otherwise. */
  host: string;
  /** The path the site is served under (`/archive/`), from the site's address. */
  basePath: string;
}

/** What else `npm start` watches: a change there rebuilds the whole site. */
const SITE_SOURCES = ['templates', 'public', 'src/browser'].map((folder) => join(PROJECT_ROOT, folder));
/** Changes closer together than this are one rebuild (an editor saving several files). */
const SETTLE_MS = 150;

/** `npm start`: build, serve on localhost, rebuild when a seed, template or asset changes, and reload open pages. */
export async function runServe(options: ServeOptions): Promise<number> {
  // Said before the first build, which can take a while.
  await checkPortFree(options.port, options.host);
  const interrupted = new AbortController();
  let closeServer = async () => {};
  const stopListening = onInterrupt(async (signal) => {
    interrupted.abort(new Error(`Stopped by ${signal}`));
    await closeServer();
  });
  const baseUrl = `http://localhost:${options.port}${options.basePath}`;
  const update = createSiteUpdater({ seeds: [options.seeds], out: options.out, baseUrl, signal: interrupted.signal });
  const first = await update();
  printDiagnostics(first.diagnostics, (line) => console.error(line), { infos: false });
  if (!first.ok) {
    stopListening();
    console.error('bulletin serve: the seeds have errors (above); nothing to serve');
    return 1;
  }
  const server = await serveSite(options.out, { port: options.port, host: options.host, pathPrefix: options.basePath, liveReload: true });
  console.log(`Built ${first.pagesWritten} pages in ${(first.ms / 1000).toFixed(2)} s. Serving ${options.out} on ${server.url} (${server.reach}; Ctrl+C to stop); watching ${[options.seeds, ...SITE_SOURCES].join(', ')}`);

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let wholeSite = false;
  const rebuild = () => {
    const full = wholeSite;
    wholeSite = false;
    running = running.then(async () => {
      const result = await update({ full }).catch((error: Error) => {
        console.error(`Rebuild failed: ${error.message}; the previous site is still served`);
        return null;
      });
      if (!result) return;
      printDiagnostics(result.diagnostics, (line) => console.error(line), { infos: false });
      if (!result.ok) return console.error('Rebuild failed: the seeds have errors (above); the previous site is still served');
      console.log(`Rebuilt ${result.pagesWritten} pages and ${result.filesWritten} files in ${(result.ms / 1000).toFixed(2)} s; search index updating…`);
      server.reload();
      result.search.then(
        (ms) => console.log(`Search index updated in ${(ms / 1000).toFixed(2)} s`),
        (error: Error) => console.error(`Search index update failed: ${error.message}`),
      );
    });
  };
  // Watching folders, not files: an editor that saves by writing a new file and renaming it over the old one keeps being seen.
  const watcher = watch([options.seeds, ...SITE_SOURCES], { ignoreInitial: true });
  watcher.on('all', (_event, path) => {
    // A template, script or stylesheet touches every page; a seed only the pages whose data changed.
    if (!path.startsWith(options.seeds)) wholeSite = true;
    clearTimeout(timer);
    timer = setTimeout(rebuild, SETTLE_MS);
  });
  closeServer = async () => {
    clearTimeout(timer);
    await Promise.all([watcher.close(), server.close()]);
  };
  // Serves until a signal ends the process.
  return new Promise<number>(() => undefined);
}
