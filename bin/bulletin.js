#!/usr/bin/env node
// The CLI runs compiled (dist/bulletin.mjs), made again from src/ whenever src/ changed: see scripts/compile-cli.mjs.
import { ensureCompiled } from '../scripts/compile-cli.mjs';

const { run } = await import(await ensureCompiled());
process.exitCode = await run(process.argv.slice(2));
