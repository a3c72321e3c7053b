/**
 * One build in a fresh process, for the benchmark: prints its timings, page
 * count, output size and peak memory as JSON on the last line.
 */
import { execFileSync } from 'node:child_process';
import { runPipeline } from '../src/pipeline/run-pipeline.ts';
import { tuneHeap } from '../src/cli/tune-heap.ts';

tuneHeap();

const [seeds, out] = process.argv.slice(2);
if (!seeds || !out) throw new Error('usage: build-once.ts SEEDS OUT');
const started = performance.now();
const result = await runPipeline({ seeds: [seeds], out, baseUrl: 'http://localhost:8080/' });
const wallMs = performance.now() - started;
if (!result.ok) throw new Error(`build failed: ${result.diagnostics.filter((d) => d.severity === 'error').length} errors`);
const bytes = Number(execFileSync('du', ['-sbL', out], { encoding: 'utf8' }).split('\t')[0]);
const files = Number(execFileSync('bash', ['-c', `find -L "${out}" -type f | wc -l`], { encoding: 'utf8' }).trim());
console.log(JSON.stringify({ ...result.timings, wallMs, bytes, files, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
