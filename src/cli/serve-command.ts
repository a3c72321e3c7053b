import { watch } from 'node:fs';
import { createSiteUpdater } from '../build/update-site.ts';
import { serveDirectory } from '../serve/static-server.ts';
import { printDiagnostics } from './report.ts';

export interface ServeOptions {
  seeds: string;
  out: string;
  port: number;
}

const WATCHED = ['templates', 'public'];
const SETTLE_MS = 150;

/** `npm start`: build, serve on localhost, rebuild when a seed, template or asset changes. */
export async function runServe(options: ServeOptions): Promise<number> {
  const baseUrl = `http://localhost:${options.port}/`;
  const update = createSiteUpdater({ seeds: [options.seeds], out: options.out, baseUrl });
  const first = await update();
  printDiagnostics(first.diagnostics, (line) => console.error(line), { infos: false });
  if (!first.ok) {
    console.error('bulletin serve: the seeds have errors (above); nothing to serve');
    return 1;
  }
  const server = await serveDirectory(options.out, { port: options.port });
  console.log(`Built ${first.pagesWritten} pages in ${(first.ms / 1000).toFixed(2)} s. Serving ${options.out} on http://localhost:${server.port}/ (Ctrl+C to stop); watching ${[options.seeds, ...WATCHED].join(', ')}`);

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let templatesChanged = false;
  const rebuild = () => {
    const full = templatesChanged;
    templatesChanged = false;
    running = running.then(async () => {
      const result = await update({ full }).catch((error: Error) => {
        console.error(`Rebuild failed: ${error.message}; the previous site is still served`);
        return null;
      });
      if (!result) return;
      printDiagnostics(result.diagnostics, (line) => console.error(line), { infos: false });
      if (!result.ok) {
        console.error('Rebuild failed: the seeds have errors (above); the previous site is still served');
        return;
      }
      console.log(`Rebuilt ${result.pagesWritten} pages and ${result.filesWritten} files in ${(result.ms / 1000).toFixed(2)} s; search index updating…`);
      result.search.then(
        (ms) => console.log(`Search index updated in ${(ms / 1000).toFixed(2)} s`),
        (error: Error) => console.error(`Search index update failed: ${error.message}`),
      );
    });
  };
  for (const path of [options.seeds, ...WATCHED]) {
    watch(path, { recursive: true }, () => {
      // A template or asset change touches every page; a seed change only the pages whose data changed.
      if (path !== options.seeds) templatesChanged = true;
      clearTimeout(timer);
      timer = setTimeout(rebuild, SETTLE_MS);
    });
  }
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await server.close();
  return 0;
}
