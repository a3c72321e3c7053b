/**
 * The reference for the benchmark: bare Eleventy rendering `count` trivial
 * Markdown pages, in a fresh process. Prints its wall time as JSON.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Eleventy from '@11ty/eleventy';

const [dir, countText] = process.argv.slice(2);
const count = Number(countText);
if (!dir || !Number.isInteger(count)) throw new Error('usage: bare-eleventy.ts DIR COUNT');
const input = join(dir, 'input');
rmSync(dir, { recursive: true, force: true });
mkdirSync(input, { recursive: true });
for (let page = 0; page < count; page++) writeFileSync(join(input, `page-${page}.md`), `# Page ${page}\n\nA trivial page.\n`);
const started = performance.now();
await new Eleventy(input, join(dir, 'output'), { quietMode: true }).write();
console.log(JSON.stringify({ pages: count, wallMs: performance.now() - started, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
