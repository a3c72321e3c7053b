/**
 * The site's public address, set once: --base-url, else BULLETIN_BASE_URL,
 * else bulletin.config.json where the command runs, else the local default,
 * which a build names. `serve` takes its path from the same setting.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_URL_ENV, CONFIG_FILE, DEFAULT_BASE_URL, checkBaseUrl, resolveSiteAddress } from '../../src/cli/site-address.ts';
import { BAD, freePort, groupEnded, runBulletin, startBulletin, temporaryFolder, waitFor } from '../support/run-cli.ts';

const work = temporaryFolder('bulletin-address-');

/** A project folder with one small issue and, when given, a config file. */
function project(name: string, config?: unknown): string {
  const folder = join(work, name);
  mkdirSync(join(folder, 'seeds'), { recursive: true });
  copyFileSync(join(BAD, 'body-without-toc/input.md'), join(folder, 'seeds', 'huoju-dongtai-550.md'));
  if (config !== undefined) writeFileSync(join(folder, CONFIG_FILE), typeof config === 'string' ? config : JSON.stringify(config));
  return folder;
}

describe('resolveSiteAddress', () => {
  const configured = project('configured', { baseUrl: 'https://config.example.org/archive' });
  const bare = project('bare');

  it('takes --base-url, then the environment, then the config file, then the default', () => {
    const env = { [BASE_URL_ENV]: 'https://env.example.org/' };
    expect(resolveSiteAddress('https://option.example.org/a', env, configured)).toEqual({ baseUrl: 'https://option.example.org/a/', setBy: '--base-url' });
    expect(resolveSiteAddress(undefined, env, configured)).toEqual({ baseUrl: 'https://env.example.org/', setBy: BASE_URL_ENV });
    expect(resolveSiteAddress(undefined, {}, configured)).toEqual({ baseUrl: 'https://config.example.org/archive/', setBy: join(configured, CONFIG_FILE) });
    expect(resolveSiteAddress(undefined, {}, bare)).toEqual({ baseUrl: DEFAULT_BASE_URL, setBy: null });
    // `BULLETIN_BASE_URL= npm run build` unsets it.
    expect(resolveSiteAddress(undefined, { [BASE_URL_ENV]: '' }, configured).setBy).toBe(join(configured, CONFIG_FILE));
  });

  it('refuses a config file with an unknown key, naming the file and the key', () => {
    const folder = project('typo', { baseURL: 'https://example.org/' });
    expect(() => resolveSiteAddress(undefined, {}, folder)).toThrow(`${join(folder, CONFIG_FILE)}: unknown key "baseURL", expected "baseUrl"`);
  });

  it.each([
    ['not JSON', '{ baseUrl: x }', 'not valid JSON'],
    ['not an object', '["https://example.org/"]', 'expected a JSON object of settings'],
    ['a number', '{ "baseUrl": 8080 }', '"baseUrl" expected string'],
    ['an ftp address', '{ "baseUrl": "ftp://example.org/" }', 'expects an absolute http:// or https:// URL'],
  ])('refuses a config file holding %s, naming the file', (name, text, message) => {
    const folder = project(`bad-${name.replace(/ /gu, '-')}`, text);
    expect(() => resolveSiteAddress(undefined, {}, folder)).toThrow(join(folder, CONFIG_FILE));
    expect(() => resolveSiteAddress(undefined, {}, folder)).toThrow(message);
  });

  it('checks a config file and the environment even when --base-url overrides them', () => {
    expect(() => resolveSiteAddress('https://example.org/', {}, project('overridden', { baseUrl: 'archive/' }))).toThrow(/"baseUrl" in .*bulletin\.config\.json expects/u);
    expect(() => resolveSiteAddress('https://example.org/', { [BASE_URL_ENV]: 'javascript:alert(1)' }, bare)).toThrow(`${BASE_URL_ENV} expects`);
  });

  it('gives every address one trailing slash and keeps its path', () => {
    expect(checkBaseUrl('https://example.org', 'x')).toBe('https://example.org/');
    expect(checkBaseUrl('https://example.org/a/b', 'x')).toBe('https://example.org/a/b/');
    expect(checkBaseUrl('HTTP://Example.ORG/a/', 'x')).toBe('http://example.org/a/');
  });
});

/** The canonical address the home page of a built site names. */
const canonical = (folder: string) => /<link rel="canonical" href="([^"]+)"/u.exec(readFileSync(join(folder, '_site', 'index.html'), 'utf8'))?.[1];

describe('bulletin build and the site address', () => {
  it('builds with the default address, says so and how to set it, and exits 0', async () => {
    const folder = project('default-build');
    const run = await runBulletin(['build'], { cwd: folder, env: { [BASE_URL_ENV]: '' } });
    expect(run.code).toBe(0);
    expect(canonical(folder)).toBe(DEFAULT_BASE_URL);
    expect(run.stderr).toContain(`no site address is set, so ${DEFAULT_BASE_URL} is in the canonical links`);
    for (const way of [`${CONFIG_FILE} in this folder: { "baseUrl": "https://example.org/archive/" }`, `${BASE_URL_ENV}=https://example.org/archive/ npm run build`, '--base-url https://example.org/archive/']) expect(run.stderr).toContain(way);
  });

  it('builds for the address in bulletin.config.json, without the note', async () => {
    const folder = project('configured-build', { baseUrl: 'https://example.org/archive/' });
    const run = await runBulletin(['build'], { cwd: folder, env: { [BASE_URL_ENV]: '' } });
    expect(run.code).toBe(0);
    expect(canonical(folder)).toBe('https://example.org/archive/');
    expect(run.stderr).not.toContain('no site address is set');
  });

  it('refuses a config file with an unknown key at once, exit 2, naming file and key, and writes nothing', async () => {
    const folder = project('typo-build', { baseUrl: 'https://example.org/', basePath: '/archive/' });
    const run = await runBulletin(['build'], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(folder, CONFIG_FILE)}: unknown key "basePath"`);
    expect(run.stderr).not.toContain('Usage:');
    expect(() => readFileSync(join(folder, '_site', 'index.html'))).toThrow();
  });
});

describe('bulletin serve and the site address', () => {
  it('serves a site configured for https://example.org/archive/ under /archive/ on this machine, with links that work there', async () => {
    const folder = project('configured-serve', { baseUrl: 'https://example.org/archive/' });
    const port = await freePort();
    const server = startBulletin(['serve', '--port', String(port)], { group: true, cwd: folder });
    let output = '';
    server.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    server.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    try {
      await waitFor('the first build', () => output.includes('Serving') || server.exitCode !== null, 120_000);
      expect(output).toContain(`Serving _site on http://localhost:${port}/archive/ (listening on 127.0.0.1, this machine only`);
      const home = await (await fetch(`http://localhost:${port}/archive/`)).text();
      expect(home).toContain(`<link rel="canonical" href="http://localhost:${port}/archive/"`);
      const issue = /href="(\/archive\/issues\/550\/)"/u.exec(home)?.[1];
      expect(issue).toBeDefined();
      expect((await fetch(`http://localhost:${port}${issue}`)).status).toBe(200);
      const root = await fetch(`http://localhost:${port}/`, { redirect: 'manual' });
      expect(root.headers.get('location')).toBe('/archive/');
    } finally {
      process.kill(-(server.pid ?? 0), 'SIGINT');
      await groupEnded(server, 15_000);
    }
  }, 150_000);
});
