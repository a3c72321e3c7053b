/**
 * Serving a built site with Eleventy's own dev server: directories as
 * `index.html`, the site's `404.html`, a path prefix for a site built for a
 * sub-path, and live reload for `npm start`. Files are looked up at each
 * request, so a published build that is switched under `--out` is served
 * from the next request on.
 */
import { createServer } from 'node:net';

export interface SiteServerOptions {
  /** Port to listen on; 0 picks a free one. */
  port?: number;
  /** URL path the site is mounted under, e.g. `/archive/`; default `/`. */
  pathPrefix?: string;
  /** Reload open pages when `reload()` is called (`npm start`); off for tests. */
  liveReload?: boolean;
  /** Called with each request's path and status, after it is answered. */
  onResponse?: (path: string, status: number) => void;
}

export interface SiteServer {
  /** Where the site is served, prefix included: `http://localhost:8080/archive/`. */
  url: string;
  origin: string;
  port: number;
  /** Tells open pages to reload. */
  reload(): void;
  close(): Promise<void>;
}

/** Throws a clear error when something already listens on `port`, before anything slow is done. */
export async function checkPortFree(port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'is already in use (is another `npm start` running?)' : `cannot be used (${error.code ?? error.message})`;
      reject(new Error(`Port ${port} ${why}. Stop that server, or choose another port: npm start -- --port ${port + 1}`));
    });
    probe.listen({ port }, () => probe.close(() => resolve()));
  });
}

function pathOf(url: string | undefined): string {
  return (url ?? '/').split(/[?#]/u, 1)[0] ?? '/';
}

function isUnsafePath(url: string | undefined): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathOf(url));
  } catch {
    return true;
  }
  return decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..');
}

export async function serveSite(dir: string, options: SiteServerOptions = {}): Promise<SiteServer> {
  const { port = 0, pathPrefix = '/', liveReload = false, onResponse } = options;
  const { default: EleventyDevServer } = await import('@11ty/eleventy-dev-server');
  const server = new EleventyDevServer('bulletin', dir, {
    pathPrefix,
    liveReload,
    domDiff: false,
    portReassignmentRetryCount: 0,
    logger: { info: () => undefined, log: () => undefined, error: () => undefined },
    messageOnStart: () => false,
    middleware: [
      (req, res, next) => {
        if (onResponse) res.once('finish', () => onResponse(pathOf(req.url), res.statusCode));
        // The dev server throws, unhandled, on a path that leaves its folder or does not decode: answered here first.
        if (isUnsafePath(req.url)) {
          res.statusCode = 400;
          return res.end('Bad Request\n');
        }
        next();
      },
    ],
  });
  await checkPortFree(port);
  server.serve(port);
  const listening = await server.getPort();
  await server.ready();
  const origin = `http://localhost:${listening}`;
  return {
    url: `${origin}${pathPrefix}`,
    origin,
    port: listening,
    reload: () => server.reload(),
    close: () => server.close(),
  };
}
