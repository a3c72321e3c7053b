/**
 * Self-test of the shared test harness: the site's server, Chromium launcher,
 * axe runner and HTML helpers. Needs no built site.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, launchBrowser, runAxe } from './browser.ts';
import { extractLinks, formatReport, listHtmlFiles, readHtml, validateHtml } from './html.ts';
import { serveSite, type SiteServer } from '../../src/serve/site-server.ts';

const page = (title: string, body: string, head = ''): string => `<!DOCTYPE html>
<html lang="zh-Hans">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title}</title>
    ${head}
  </head>
  <body>
    <main>
      <h1>${title}</h1>
${body}
    </main>
  </body>
</html>
`;

const INDEX_HTML = page(
  '火炬动态 测试首页',
  `      <p><a href="issues/549/?q=a&amp;b=c">第 549 期</a></p>
      <p><a href="issues/549/" rel="next">下一页</a></p>`,
  `<link rel="stylesheet" href="style.css">`,
);
const ISSUE_HTML = page('第 549 期', '      <p id="issue">火炬动态 第 549 期</p>\n      <p><a href="../../">返回首页</a></p>');
const NOT_FOUND_HTML = page('页面不存在', '      <p id="not-found">找不到该页面。</p>');

/** Raw HTTP GET that does not normalise the path (unlike fetch). */
function rawGet(origin: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let root: string;
let outside: string;

beforeAll(async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'bulletin-support-'));
  root = path.join(tmp, 'site');
  outside = path.join(tmp, 'secret.txt');
  await mkdir(path.join(root, 'issues', '549'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), INDEX_HTML);
  await writeFile(path.join(root, 'issues', '549', 'index.html'), ISSUE_HTML);
  await writeFile(path.join(root, '404.html'), NOT_FOUND_HTML);
  await writeFile(path.join(root, 'style.css'), 'body { font-family: "Noto Sans CJK SC", sans-serif; }\n');
  await writeFile(path.join(root, 'app.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  await writeFile(outside, 'top secret');
});

afterAll(async () => {
  if (root) await rm(path.dirname(root), { recursive: true, force: true });
});

describe('serveSite', () => {
  let server: SiteServer;
  beforeAll(async () => {
    server = await serveSite(root);
  });
  afterAll(() => server?.close());

  it('serves files with content types, index.html for directories and redirects /dir', async () => {
    const index = await fetch(server.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('火炬动态 测试首页');
    expect((await fetch(new URL('style.css', server.url))).headers.get('content-type')).toMatch(/^text\/css/u);
    // Browsers compile WebAssembly as it streams only when it is served as such.
    expect((await fetch(new URL('app.wasm', server.url))).headers.get('content-type')).toBe('application/wasm');
    const redirect = await fetch(new URL('issues/549', server.url), { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/issues/549/');
  });

  it('answers unknown paths with 404.html and status 404', async () => {
    const res = await fetch(new URL('no/such/page/', server.url));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('not-found');
  });

  it('refuses path traversal and paths that do not decode, and goes on serving', async () => {
    for (const p of ['/../secret.txt', '/issues/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%E0%A4%A', '/%zz']) {
      const res = await rawGet(server.origin, p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.body, p).not.toContain('top secret');
    }
    expect((await fetch(server.url)).status).toBe(200);
  });

  it('mounts a directory under a prefix; requests outside it get 404', async () => {
    const sub = await serveSite(root, { pathPrefix: '/archive/' });
    try {
      expect(sub.url).toBe(`${sub.origin}/archive/`);
      expect(await (await fetch(sub.url)).text()).toContain('火炬动态 测试首页');
      expect(await (await fetch(new URL('issues/549/', sub.url))).text()).toContain('id="issue"');
      expect((await fetch(`${sub.origin}/issues/549/`)).status).toBe(404);
      expect((await fetch(`${sub.origin}/archived/`)).status).toBe(404);
    } finally {
      await sub.close();
    }
  });
});

describe('Chromium harness', () => {
  let browser: Browser;
  let server: SiteServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serveSite(root, { pathPrefix: '/archive/' })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens a page, follows a link and sees the 404 page', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    try {
      const res = await p.goto(server.url);
      expect(res?.status()).toBe(200);
      expect(await p.title()).toBe('火炬动态 测试首页');
      await Promise.all([p.waitForURL('**/archive/issues/549/'), p.getByRole('link', { name: '下一页' }).click()]);
      expect(await p.locator('#issue').textContent()).toBe('火炬动态 第 549 期');

      const missing = await p.goto(new URL('nope/', server.url).href);
      expect(missing?.status()).toBe(404);
      await expect(p.locator('#not-found').textContent()).resolves.toBe('找不到该页面。');
    } finally {
      await context.close();
    }
  });

  it('runs axe: a well-formed page has no violations', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    try {
      await p.goto(server.url);
      const results = await runAxe(p);
      expect(results.violations, formatViolations(results.violations)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('runs axe: reports violations readably', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    try {
      await p.setContent('<html><body><img src="x.png"><a href="#"></a></body></html>');
      const results = await runAxe(p);
      const ids = results.violations.map((v) => v.id);
      expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'document-title', 'image-alt', 'link-name']));
      const text = formatViolations(results.violations);
      expect(text).toMatch(/image-alt: .*\(https:\/\/dequeuniversity\.com/);
      expect(text).toContain('<img src="x.png">');
    } finally {
      await context.close();
    }
  });
});

describe('HTML helpers', () => {
  it('lists, reads and validates HTML files', async () => {
    const files = await listHtmlFiles(root);
    expect(files.map((f) => path.relative(root, f))).toEqual(['404.html', 'index.html', path.join('issues', '549', 'index.html')]);
    expect(await readHtml(files[1]!)).toContain('<main>');
    const report = await validateHtml(files);
    expect(report.valid, formatReport(report)).toBe(true);

    const bad = path.join(path.dirname(root), 'bad.html');
    await writeFile(bad, '<!doctype html><html><head><title>x</title></head><body><div><p>unclosed</div></body></html>');
    const badReport = await validateHtml([bad]);
    expect(badReport.valid).toBe(false);
    expect(formatReport(badReport)).toMatch(/bad\.html/);
  });

  it('extracts links from a, link, script and img, decoding entities', () => {
    const html = `<!doctype html><html lang="zh"><head>
      <link rel="stylesheet" href="/css/site.css?v=1&amp;x=2">
      <link rel=icon href=/favicon.svg>
      <script type="module" src='/js/app.js'></script>
      <script>const s = '<a href="/not-a-link/">x</a>';</script>
      <!-- <a href="/commented-out/">no</a> -->
    </head><body>
      <a class="x" data-title="a > b" href="/issues/549/#sec-1" rel="next">下一期</a>
      <A HREF="https://example.org/?a=1&amp;b=&quot;2&quot;">ext</A>
      <a name="anchor-without-href">t</a>
      <img alt="图" src="/img/549.png">
      <link rel="alternate" type="application/rss+xml" href="/feed.xml">
    </body></html>`;
    expect(extractLinks(html)).toEqual([
      { tag: 'link', href: '/css/site.css?v=1&x=2', rel: 'stylesheet' },
      { tag: 'link', href: '/favicon.svg', rel: 'icon' },
      { tag: 'script', href: '/js/app.js' },
      { tag: 'a', href: '/issues/549/#sec-1', rel: 'next' },
      { tag: 'a', href: 'https://example.org/?a=1&b="2"' },
      { tag: 'img', href: '/img/549.png' },
      { tag: 'link', href: '/feed.xml', rel: 'alternate' },
    ]);
  });
});
