declare module '@11ty/eleventy-dev-server' {
  import type { IncomingMessage, Server, ServerResponse } from 'node:http';

  interface DevServerOptions {
    pathPrefix?: string;
    liveReload?: boolean;
    domDiff?: boolean;
    portReassignmentRetryCount?: number;
    headers?: Record<string, string>;
    logger?: { info(message: string): void; log(message: string): void; error(message: string): void };
    messageOnStart?: () => string | false;
    middleware?: ((req: IncomingMessage, res: ServerResponse, next: () => void) => void)[];
  }

  /** The part of Eleventy's dev server (`@11ty/eleventy-dev-server`) this project uses. */
  export default class EleventyDevServer {
    constructor(name: string, dir: string, options?: DevServerOptions);
    /** The HTTP server with the dev server's request handler, made on first use; `serve(port)` listens on it with `{ port }` alone. */
    readonly server: Server;
    /** Where a request's URL is answered from: a file, a redirect, or 404 (no file). */
    mapUrlToFilePath(url: string): { statusCode: number; filepath?: string; url?: string };
    ready(): Promise<void>;
    reload(event?: Record<string, unknown>): void;
    close(): Promise<void>;
  }
}
