declare module '@11ty/eleventy-dev-server' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

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
    serve(port: number): void;
    getPort(): Promise<number>;
    ready(): Promise<void>;
    reload(event?: Record<string, unknown>): void;
    close(): Promise<void>;
  }
}
