import { watch } from 'node:fs';
import { buildSite } from '../build/build-site.ts';
import { serveDirectory } from '../serve/static-server.ts';
import { runBuild } from './build-command.ts';

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
  const first = await runBuild({ seeds: options.seeds, out: options.out, baseUrl, verbose: false });
  if (first !== 0) return first;
  const server = await serveDirectory(options.out, { port: options.port });
  console.log(`Serving ${options.out} on http://localhost:${server.port}/ (Ctrl+C to stop); watching ${[options.seeds, ...WATCHED].join(', ')}`);

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const rebuild = () => {
    running = running.then(async () => {
      const started = performance.now();
      const result = await buildSite({ seeds: [options.seeds], out: options.out, baseUrl }).catch((error: Error) => {
        console.error(`Rebuild failed: ${error.message}`);
        return null;
      });
      if (result && !result.ok) console.error('Rebuild failed: see `npx bulletin check`; the previous site is still served');
      if (result?.ok) console.log(`Rebuilt in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    });
  };
  for (const path of [options.seeds, ...WATCHED]) {
    watch(path, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(rebuild, SETTLE_MS);
    });
  }
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await server.close();
  return 0;
}
