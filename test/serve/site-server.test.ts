/**
 * The dev server against its real socket over loopback: only files that
 * resolve inside the site are served (the site itself may be a link, as a
 * published `--out` is), and only this machine reaches it unless asked.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type SiteServer } from '../../src/serve/site-server.ts';
import { temporaryFolder } from '../support/run-cli.ts';

const work = temporaryFolder('bulletin-site-server-');
const build = join(work, '.bulletin-builds', '_site', 'b1');
const published = join(work, '_site');

beforeAll(() => {
  mkdirSync(join(build, 'issues', '549'), { recursive: true });
  writeFileSync(join(build, 'index.html'), '<!doctype html><title>home</title><p>首页</p>');
  writeFileSync(join(build, 'issues', '549', 'index.html'), '<!doctype html><title>issue</title><p>第549期</p>');
  writeFileSync(join(build, '404.html'), '<!doctype html><title>404</title><p>not-found page</p>');
  mkdirSync(join(work, 'private'));
  writeFileSync(join(work, 'private', 'secret.txt'), 'top secret');
  // Planted in the site: links to a system file, to a folder outside, to a file outside; and one to a page of the site itself.
  symlinkSync('/etc/passwd', join(build, 'passwd'));
  symlinkSync(join(work, 'private'), join(build, 'private'));
  symlinkSync(join(work, 'private', 'secret.txt'), join(build, 'secret.html'));
  symlinkSync('issues/549/index.html', join(build, 'latest.html'));
  // Published as `bulletin build` publishes: --out is a relative link to the build.
  symlinkSync('.bulletin-builds/_site/b1', published);
});

/** A GET of `path` exactly as written (fetch would normalise it). */
async function get(server: SiteServer, path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(new URL(path, server.origin), { redirect: 'manual' });
  return { status: response.status, body: await response.text() };
}

describe('files the site server gives out', () => {
  let server: SiteServer;
  beforeAll(async () => {
    server = await serveSite(published);
  });
  afterAll(() => server?.close());

  it('serves the published site through its link', async () => {
    expect(await get(server, '/')).toMatchObject({ status: 200, body: expect.stringContaining('首页') });
    expect(await get(server, '/issues/549/')).toMatchObject({ status: 200, body: expect.stringContaining('第549期') });
    expect(await get(server, '/latest.html')).toMatchObject({ status: 200, body: expect.stringContaining('第549期') });
  });

  it.each(['/passwd', '/private/secret.txt', '/secret.html', '/secret'])('answers %s, a link that leads out of the site, with 404 and not its content', async (path) => {
    const { status, body } = await get(server, path);
    expect(status).toBe(404);
    expect(body).not.toContain('root:');
    expect(body).not.toContain('top secret');
  });

  it('still serves the site after those', async () => {
    expect((await get(server, '/')).status).toBe(200);
  });
});

/** Whether a TCP connection to `host:port` is accepted. */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 5_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

const external = Object.values(networkInterfaces())
  .flatMap((addresses) => addresses ?? [])
  .find((entry) => !entry.internal && entry.family === 'IPv4')?.address;

describe('who reaches the site server', () => {
  it('listens on loopback by default: reachable on localhost, not on any other address of this machine', async () => {
    const server = await serveSite(published);
    try {
      expect(['127.0.0.1', '::1']).toContain(server.address);
      expect(server.reach).toContain('this machine only');
      expect(await reachable(server.address, server.port)).toBe(true);
      expect((await fetch(server.url)).status).toBe(200);
      // Without another address (a machine with loopback only), the socket's address above is the whole check.
      if (external) expect(await reachable(external, server.port)).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('with host 0.0.0.0 listens on every interface and names the network addresses', async () => {
    const server = await serveSite(published, { host: '0.0.0.0', pathPrefix: '/archive/' });
    try {
      expect(server.address).toBe('0.0.0.0');
      expect(server.url).toBe(`http://localhost:${server.port}/archive/`);
      expect(await reachable('127.0.0.1', server.port)).toBe(true);
      if (external) {
        expect(await reachable(external, server.port)).toBe(true);
        expect(server.reach).toContain(`http://${external}:${server.port}/archive/`);
      }
    } finally {
      await server.close();
    }
  });

  it('refuses a host that is not an address of this machine, saying so', async () => {
    await expect(serveSite(published, { host: '192.0.2.254' })).rejects.toThrow(/--host 192\.0\.2\.254 is not an address of this machine/u);
  });
});
