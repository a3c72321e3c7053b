/**
 * A small static file server for `bulletin serve` and for the site and browser tests.
 *
 * - listens on 127.0.0.1, on the given port or an ephemeral one;
 * - serves `index.html` for directories and redirects `/dir` → `/dir/`;
 * - answers unknown paths with `<root>/404.html` (status 404) when it exists;
 * - refuses path traversal (including via symlinks) with 403;
 * - can mount the site under a path prefix (e.g. `/archive/`), so a site built
 *   for a sub-path base URL is served where it expects to live. Requests
 *   outside the prefix get 404.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export interface ServeOptions {
  /** Port to listen on; default 0, an ephemeral port. */
  port?: number;
  /** URL path prefix the directory is mounted under; default `/`. */
  prefix?: string;
}

export interface StaticServer {
  /** Base URL of the mounted directory, including the prefix, always ending in `/` (e.g. `http://127.0.0.1:40123/archive/`). */
  url: string;
  /** Origin only (e.g. `http://127.0.0.1:40123`). */
  origin: string;
  port: number;
  close(): Promise<void>;
}

const TEXT = (type: string): string => `${type}; charset=utf-8`;

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': TEXT('text/html'),
  '.htm': TEXT('text/html'),
  '.css': TEXT('text/css'),
  '.js': TEXT('text/javascript'),
  '.mjs': TEXT('text/javascript'),
  '.json': TEXT('application/json'),
  '.webmanifest': TEXT('application/manifest+json'),
  '.map': TEXT('application/json'),
  '.wasm': 'application/wasm',
  '.xml': TEXT('application/xml'),
  '.rss': TEXT('application/rss+xml'),
  '.atom': TEXT('application/atom+xml'),
  '.xsl': TEXT('application/xslt+xml'),
  '.txt': TEXT('text/plain'),
  '.md': TEXT('text/markdown'),
  '.csv': TEXT('text/csv'),
  '.svg': TEXT('image/svg+xml'),
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  // Pagefind index files.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function normalizePrefix(prefix: string): string {
  let p = prefix.trim();
  if (!p.startsWith('/')) p = `/${p}`;
  if (!p.endsWith('/')) p = `${p}/`;
  return p;
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function statOrNull(file: string) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

export async function serveDirectory(root: string, { prefix = '/', port: requestedPort = 0 }: ServeOptions = {}): Promise<StaticServer> {
  // Resolved for every request: a published site is a symbolic link that each build switches.
  const currentRoot = () => realpath(path.resolve(root));
  const rootStat = await stat(await currentRoot());
  if (!rootStat.isDirectory()) throw new Error(`serveDirectory: ${root} is not a directory`);
  const mount = normalizePrefix(prefix);

  function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: Buffer | string, headers: Record<string, string> = {}): void {
    const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': String(buf.length),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : buf);
  }

  async function notFound(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const page = path.join(await currentRoot(), '404.html');
    const s = await statOrNull(page);
    if (s?.isFile()) {
      send(req, res, 404, CONTENT_TYPES['.html']!, await readFile(page));
    } else {
      send(req, res, 404, TEXT('text/plain'), 'Not Found\n');
    }
  }

  function redirect(req: IncomingMessage, res: ServerResponse, location: string): void {
    send(req, res, 301, TEXT('text/plain'), `Moved to ${location}\n`, { Location: location });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, 405, TEXT('text/plain'), 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const rawUrl = req.url ?? '/';
    // Refuse raw traversal attempts before URL normalisation can hide them.
    const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '';
    if (/(^|[\\/])\.\.([\\/]|$)/.test(rawPath) || /%2e%2e|%2f|%5c|%00/i.test(rawPath) || rawPath.includes('\\')) {
      send(req, res, 403, TEXT('text/plain'), 'Forbidden\n');
      return;
    }
    let url: URL;
    let pathname: string;
    try {
      url = new URL(rawUrl, 'http://127.0.0.1');
      pathname = decodeURIComponent(url.pathname);
    } catch {
      send(req, res, 400, TEXT('text/plain'), 'Bad Request\n');
      return;
    }
    if (pathname.includes('\0')) {
      send(req, res, 400, TEXT('text/plain'), 'Bad Request\n');
      return;
    }
    if (mount !== '/' && `${pathname}/` === mount) {
      redirect(req, res, `${url.pathname}/${url.search}`);
      return;
    }
    if (!pathname.startsWith(mount)) {
      await notFound(req, res);
      return;
    }
    const rel = pathname.slice(mount.length);
    const rootDir = await currentRoot();
    const target = path.resolve(rootDir, `.${path.sep}${rel}`);
    if (!isInside(rootDir, target)) {
      send(req, res, 403, TEXT('text/plain'), 'Forbidden\n');
      return;
    }
    const s = await statOrNull(target);
    if (!s) {
      await notFound(req, res);
      return;
    }
    let file = target;
    if (s.isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        redirect(req, res, `${url.pathname}/${url.search}`);
        return;
      }
      file = path.join(target, 'index.html');
      const fs = await statOrNull(file);
      if (!fs?.isFile()) {
        await notFound(req, res);
        return;
      }
    } else if (!s.isFile()) {
      await notFound(req, res);
      return;
    }
    // Symlinks must not escape the root either.
    const real = await realpath(file);
    if (!isInside(rootDir, real)) {
      send(req, res, 403, TEXT('text/plain'), 'Forbidden\n');
      return;
    }
    send(req, res, 200, contentTypeFor(file), await readFile(real));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        send(req, res, 500, TEXT('text/plain'), `Internal Server Error\n${String(err)}\n`);
      } else {
        res.destroy();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(requestedPort, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;

  return {
    url: `${origin}${mount}`,
    origin,
    port,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
