/**
 * `npm start` as a maintainer meets it: the site served and rebuilt on every
 * save however the editor saves, open pages reloaded, one Ctrl+C to stop,
 * and clear words for a bad port.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { bulletin, ended, freePort, groupEnded, ROOT, startBulletin, treeDigest, waitFor } from '../support/run-cli.ts';

const work = mkdtempSync(join(tmpdir(), 'bulletin-serve-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ARTICLE = 'issues/549/nei-di-yu-ao-men-shen-ru-kai/';
const SENTENCE = '来自内地与澳门的相关机构';

describe('bulletin serve', () => {
  const seeds = join(work, 'seeds');
  const seed = join(seeds, 'huoju-dongtai-549.md');
  let port: number;
  let server: ReturnType<typeof startBulletin>;
  let output = '';
  let browser: Browser;

  beforeAll(async () => {
    cpSync(join(ROOT, 'seeds'), seeds, { recursive: true });
    port = await freePort();
    server = startBulletin(['serve', '--seeds', seeds, '--out', join(work, 'site'), '--port', String(port)], { group: true });
    server.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    server.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    browser = await launchBrowser();
    await waitFor('the first build', () => output.includes('Serving'), 120_000);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    if (server.exitCode === null && server.signalCode === null) process.kill(-(server.pid ?? 0), 'SIGKILL');
  });

  const fetchArticle = async () => (await fetch(`http://localhost:${port}/${ARTICLE}`)).text();
  const rebuilds = () => output.split('\n').filter((line) => line.startsWith('Rebuilt')).length;

  /** Saves the seed as many editors and `sed -i` do: a new file renamed over the old one. */
  const saveByRename = (from: string, to: string) => {
    writeFileSync(`${seed}.swp`, readFileSync(seed, 'utf8').replace(from, to));
    renameSync(`${seed}.swp`, seed);
  };

  it('serves the site, and reloads an open page after a rebuild', async () => {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/${ARTICLE}`);
    expect(await page.textContent('.article__body')).toContain(SENTENCE);
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    writeFileSync(seed, readFileSync(seed, 'utf8').replace(SENTENCE, '来自内地与澳门的有关机构'));
    await reloaded;
    expect(await page.textContent('.article__body')).toContain('来自内地与澳门的有关机构');
    await page.close();
  }, 60_000);

  it('sees every later save of a seed that an editor saved by renaming a new file over it', async () => {
    const before = rebuilds();
    saveByRename('来自内地与澳门的有关机构', '来自内地与澳门的若干机构');
    await waitFor('the first rebuild', () => rebuilds() > before, 30_000);
    expect(await fetchArticle()).toContain('来自内地与澳门的若干机构');
    saveByRename('来自内地与澳门的若干机构', '来自内地与澳门的多家机构');
    await waitFor('the second rebuild', () => rebuilds() > before + 1, 30_000);
    expect(await fetchArticle()).toContain('来自内地与澳门的多家机构');
  }, 60_000);

  it('publishes each rebuild as a new build, and never writes into a published one, not even one that bulletin build published', async () => {
    // A production build published to the same --out while the server runs: the next rebuild must not mix into it.
    const production = await bulletin('build', '--seeds', seeds, '--out', join(work, 'site'), '--base-url', 'https://example.org/archive/');
    expect(production.code).toBe(0);
    const published = realpathSync(join(work, 'site'));
    const before = treeDigest(published);
    const count = rebuilds();
    saveByRename('来自内地与澳门的多家机构', '来自内地与澳门的各家机构');
    await waitFor('the rebuild', () => rebuilds() > count, 30_000);
    expect(realpathSync(join(work, 'site'))).not.toBe(published);
    expect(treeDigest(published)).toEqual(before);
    // The served site is one build, for one host: every canonical link is the server's.
    const html = await fetchArticle();
    expect(html).toContain('来自内地与澳门的各家机构');
    expect(html).toContain(`<link rel="canonical" href="http://localhost:${port}/${ARTICLE}">`);
    expect(html).not.toContain('example.org');
  }, 90_000);

  it('leaves no zombie child behind, however many rebuilds', async () => {
    const group = server.pid ?? 0;
    /** The processes of the server's group, with their state (Z: ended, not yet reaped). */
    const members = () =>
      readdirSync('/proc')
        .filter((name) => /^\d+$/u.test(name))
        .flatMap((pid) => {
          try {
            // Fields after the command name: state, ppid, pgrp.
            const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /su, '').split(' ');
            return Number(fields[2]) === group ? [`${pid} ${fields[0]}`] : [];
          } catch {
            return [];
          }
        });
    expect(rebuilds()).toBeGreaterThanOrEqual(4);
    // A child that has just ended is a zombie until the server reaps it, a moment later; one that stays would be a leak.
    // Between rebuilds, the server alone: no build, no Pagefind, no esbuild left, running or ended.
    const alone = () => members().length === 1 && /^\d+ [RS]$/u.test(members()[0] ?? '');
    await waitFor('the server alone in its group', alone, 10_000).catch(() => undefined);
    expect(members().map((member) => member.replace(/ [RS]$/u, ''))).toEqual([String(group)]);
  });

  it('refuses a port that is in use at once, before building', async () => {
    const run = await bulletin('serve', '--seeds', seeds, '--out', join(work, 'other'), '--port', String(port));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Port ${port} is already in use`);
    expect(run.stdout).not.toContain('Built');
  });

  it('stops, with every process it started, on one Ctrl+C', async () => {
    process.kill(-(server.pid ?? 0), 'SIGINT');
    expect(await ended(server)).toEqual({ code: null, signal: 'SIGINT' });
    await groupEnded(server);
  }, 30_000);
});

describe('bulletin serve and saves that come early', () => {
  /** Starts a server on a copy of the seeds, saves the seed the moment `line` is printed, and says whether the served article shows the save. */
  async function saveWhenPrinted(name: string, line: string): Promise<boolean> {
    const seeds = join(work, `${name}-seeds`);
    const seed = join(seeds, 'huoju-dongtai-549.md');
    cpSync(join(ROOT, 'seeds'), seeds, { recursive: true });
    const port = await freePort();
    const server = startBulletin(['serve', '--seeds', seeds, '--out', join(work, `${name}-site`), '--port', String(port)], { group: true });
    let output = '';
    let saved = false;
    const onOutput = (chunk: string) => {
      output += chunk;
      // In the same turn as the line arrives: no later than an editor could.
      if (!saved && output.includes(line)) {
        saved = true;
        writeFileSync(seed, readFileSync(seed, 'utf8').replace(SENTENCE, '来自内地与澳门的早先修改'));
      }
    };
    server.stdout?.setEncoding('utf8').on('data', onOutput);
    server.stderr?.setEncoding('utf8').on('data', onOutput);
    try {
      await waitFor('the server', () => output.includes('Serving'), 120_000);
      for (const started = Date.now(); Date.now() - started < 30_000; await new Promise((resolve) => setTimeout(resolve, 100))) {
        if ((await (await fetch(`http://localhost:${port}/${ARTICLE}`)).text()).includes('来自内地与澳门的早先修改')) return true;
      }
      return false;
    } finally {
      process.kill(-(server.pid ?? 0), 'SIGINT');
      await ended(server);
    }
  }

  it('sees a save made as the first build ends, before the server is up', async () => {
    expect(await saveWhenPrinted('first-build', 'Built ')).toBe(true);
  }, 180_000);

  it('sees a save made the moment it says it is serving', async () => {
    expect(await saveWhenPrinted('serving', 'Serving')).toBe(true);
  }, 180_000);
});

describe('npm start', () => {
  it('stops, npm and every process under it, on one Ctrl+C in the terminal', async () => {
    const seeds = join(work, 'npm-seeds');
    cpSync(join(ROOT, 'seeds'), seeds, { recursive: true });
    const port = await freePort();
    // A terminal's Ctrl+C is a SIGINT to its foreground process group: npm, its shell and node.
    const npm = spawn('npm', ['start', '--', '--seeds', seeds, '--out', join(work, 'npm-site'), '--port', String(port)], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    npm.stdout?.setEncoding('utf8').on('data', (chunk: string) => (said += chunk));
    npm.stderr?.setEncoding('utf8').on('data', (chunk: string) => (said += chunk));
    await waitFor('the first build', () => said.includes('Serving'), 120_000);
    expect((await fetch(`http://localhost:${port}/`)).status).toBe(200);
    process.kill(-(npm.pid ?? 0), 'SIGINT');
    await ended(npm);
    await groupEnded(npm);
    await expect(fetch(`http://localhost:${port}/`)).rejects.toThrow();
  }, 180_000);
});

describe('bulletin serve --port', () => {
  it.each(['abc', '-1', '65536', '80.5'])('%s is a usage error, exit 2', async (port) => {
    const run = await bulletin('serve', `--port=${port}`);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--port expects a whole number from 0 to 65535, got \`${port}\``);
  });
});
