/** The site's server, logging what it was asked for. */
import { serveSite, type SiteServer } from '../../src/serve/site-server.ts';

/** A request the server answered. */
export interface Served {
  path: string;
  status: number;
}

/** Serves `dir` under `prefix`, logging every request. */
export async function startServer(dir: string, prefix: string): Promise<SiteServer & { log: Served[] }> {
  const log: Served[] = [];
  const server = await serveSite(dir, { pathPrefix: prefix, onResponse: (path, status) => log.push({ path, status }) });
  return { ...server, log };
}
