/**
 * Serving a built site with Eleventy's own dev server: directories as
 * `index.html`, the site's `404.html`, a path prefix for a site built for a
 * sub-path, and live reload for `npm start`. Files are looked up at each
 * request, so a published build that is switched under `--out` is served
 * from the next request on. Only files that really lie inside the site are
 * served, and only on loopback unless a host is given.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type EleventyDevServer from '@11ty/eleventy-dev-server';
import { resolvesInside } from './inside-site.ts';
import { describeReach } from './reach.ts';

export interface SiteServerOptions {
  /** Port to listen on; 0 picks a free one. */
  port?: number;
  /** Address to listen on; default `localhost` (this machine only). `0.0.0.0` or `::` is every interface. */
  host?: string;
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
  /** The socket's address: `127.0.0.1`, `::1`, `0.0.0.0`, `::`. */
  address: string;
  /** Who can reach the site, in words, with the network addresses when it is shared. */
  reach: string;
  /** Tells open pages to reload. */
  reload(): void;
  close(): Promise<void>;
}

export const DEFAULT_HOST = 'localhost';

/** Throws a clear error when `port` cannot be listened on at `host` (in use, or not an address of this machine), before anything slow is done. */
export async function checkPortFree(port: number, host = DEFAULT_HOST): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') return reject(new Error(`Port ${port} is already in use (is another \`npm start\` running?). Stop that server, or choose another port: npm start -- --port ${port + 1}`));
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return reject(new Error(`--host ${host} is not an address of this machine (${error.code}); use localhost, or 0.0.0.0 for every interface`));
      reject(new Error(`Port ${port} on ${host} cannot be used (${error.code ?? error.message})`));
    });
    probe.listen({ port, host }, () => probe.close(() => resolve()));
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
  const { port = 0, host = DEFAULT_HOST, pathPrefix = '/', liveReload = false, onResponse } = options;
  // Loaded when a site is served: not every command needs it.
  const { default: DevServer } = await import('@11ty/eleventy-dev-server');
  const server: EleventyDevServer = new DevServer('bulletin', dir, {
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
        // It also follows links: a file (or the 404 page) that resolves outside the site is not served.
        const match = server.mapUrlToFilePath(req.url ?? '/');
        const file = match.filepath ?? (match.statusCode === 404 ? join(dir, '404.html') : undefined);
        if (file && existsSync(file) && !resolvesInside(dir, file)) {
          res.statusCode = 404;
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          return res.end('Not Found\n');
        }
        next();
      },
    ],
  });
  await checkPortFree(port, host);
  const address = await listen(server.server, port, host);
  await server.ready();
  const origin = `http://${originHost(address.address, host)}:${address.port}`;
  return {
    url: `${origin}${pathPrefix}`,
    origin,
    port: address.port,
    address: address.address,
    reach: describeReach(address, pathPrefix),
    reload: () => server.reload(),
    close: () => server.close(),
  };
}

/**
 * Listens on `host` itself: the dev server's own `serve(port)` listens with
 * `{ port }` alone (server.js `_serverListen`), that is on every interface.
 * Its `server` getter makes the HTTP server with its request handler, and the
 * live-reload socket attaches when it starts listening.
 */
function listen(http: Server, port: number, host: string): Promise<AddressInfo> {
  // Its own error handler throws on a port in use, out of an event handler; a race with checkPortFree is reported here instead.
  http.removeAllListeners('error');
  return new Promise((resolve, reject) => {
    http.on('error', reject);
    http.listen({ port, host }, () => {
      http.off('error', reject);
      http.on('error', (error) => console.error(`Site server: ${error.message}`));
      resolve(http.address() as AddressInfo);
    });
  });
}

/** The host to show in URLs: `localhost` for loopback and every-interface sockets, else the address (bracketed when IPv6). */
function originHost(address: string, host: string): string {
  if (host === DEFAULT_HOST || /^(127\.|::1$|0\.0\.0\.0$|::$)/u.test(address)) return 'localhost';
  return address.includes(':') ? `[${address}]` : address;
}
