/**
 * Browser helpers for browser tests: launch the system Chromium through
 * playwright-core and run axe-core accessibility checks.
 *
 * Browser tests never skip: a missing Chromium is an error, in CI and locally.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AxeResults, Result, RunOptions } from 'axe-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const AXE_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  return fromEnv ? fromEnv : DEFAULT_CHROMIUM_PATH;
}

function missingChromiumMessage(executablePath: string): string {
  const where = process.env.CI ? ' (CI is set: browser tests must not be skipped)' : '';
  return (
    `Chromium is missing: no executable at ${executablePath}${where}. ` +
    'Install it with `apt-get update && apt-get install -y chromium fonts-noto-cjk` (Debian; `.ci/run` does this), ' +
    'or set CHROMIUM_PATH to a Chromium/Chrome executable.'
  );
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    throw new Error(missingChromiumMessage(executablePath));
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
    timeout: 60_000,
  });
}

let axeSource: string | undefined;

function loadAxeSource(): string {
  if (axeSource === undefined) {
    const require = createRequire(import.meta.url);
    axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  return axeSource;
}

export interface RunAxeOptions {
  /** CSS selectors of regions to leave out of the check. */
  exclude?: string[];
  /** Rule ids to disable (use sparingly, with a comment saying why). */
  disableRules?: string[];
}

/**
 * Inject axe-core into the page and run it over the whole document with the
 * WCAG 2.0/2.1 A+AA and best-practice rule sets. Returns the axe results;
 * only violations are reported in detail (`results.violations`).
 */
export async function runAxe(page: Page, options: RunAxeOptions = {}): Promise<AxeResults> {
  const hasAxe = () => page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!(await hasAxe())) {
    await page.addScriptTag({ content: loadAxeSource() });
    if (!(await hasAxe())) {
      throw new Error(
        'runAxe: axe-core could not be injected (a Content-Security-Policy may block inline scripts; ' +
          'create the browser context with { bypassCSP: true } for accessibility checks).',
      );
    }
  }
  const runOptions: RunOptions = {
    runOnly: { type: 'tag', values: [...AXE_TAGS] },
    resultTypes: ['violations'],
  };
  if (options.disableRules?.length) {
    runOptions.rules = Object.fromEntries(options.disableRules.map((id) => [id, { enabled: false }]));
  }
  const exclude = options.exclude ?? [];
  return page.evaluate(
    async ({ runOptions, exclude }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const context = exclude.length ? { include: [document.documentElement], exclude: exclude.map((s) => [s]) } : document;
      return axe.run(context as Parameters<typeof axe.run>[0], runOptions);
    },
    { runOptions, exclude },
  ) as Promise<AxeResults>;
}

/** Human-readable summary of axe violations, for assertion messages. */
export function formatViolations(violations: readonly Result[]): string {
  if (violations.length === 0) return 'no accessibility violations';
  const lines: string[] = [`${violations.length} accessibility violation(s):`];
  for (const v of violations) {
    lines.push(`- [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes.slice(0, 5)) {
      lines.push(`    at ${node.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' | ')}`);
      lines.push(`       ${node.html.replace(/\s+/g, ' ').slice(0, 200)}`);
      const summary = node.failureSummary?.replace(/\s*\n\s*/g, ' ').trim();
      if (summary) lines.push(`       ${summary}`);
    }
    if (v.nodes.length > 5) lines.push(`    … and ${v.nodes.length - 5} more node(s)`);
  }
  return lines.join('\n');
}
