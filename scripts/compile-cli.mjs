/**
 * The CLI runs as one compiled ES module, `dist/bulletin.mjs`, bundled by
 * esbuild from src/ (the packages stay in node_modules): no TypeScript is
 * compiled at each start. The bundle is made again whenever what it is
 * made from changed (src/, templates/, the installed packages), so a
 * command always runs the code as it is: `npm test` and `npm start` see
 * every change. It carries the pipeline's cache fingerprints
 * (src/pipeline/fingerprints.ts), computed when it is made.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
export const BUNDLE = join(DIST, 'bulletin.mjs');
const WORKER = join(DIST, 'index-thread-worker.mjs');
const STAMP = join(DIST, 'bulletin.stamp');
/** What the bundle and its fingerprints are made from. */
const INPUTS = ['src', 'templates', 'package-lock.json', 'package.json', 'scripts/compile-cli.mjs'];

/** The path of an up-to-date bundle, made first if needed. */
export async function ensureCompiled() {
  const stamp = inputsStamp();
  if (readStamp() !== stamp) await compile(stamp);
  return BUNDLE;
}

/** Every input's path, size and modification time, hashed: a change to any, or a file added or removed, changes it. */
function inputsStamp() {
  const hash = createHash('sha256').update(process.version);
  const visit = (path) => {
    let info;
    try {
      info = statSync(path);
    } catch {
      hash.update(`${path}\0missing\n`);
      return;
    }
    hash.update(`${path}\0${info.size}\0${info.mtimeMs}\n`);
    if (info.isDirectory()) for (const name of readdirSync(path).sort()) visit(join(path, name));
  };
  for (const input of INPUTS) visit(join(ROOT, input));
  return hash.digest('hex');
}

function readStamp() {
  try {
    statSync(BUNDLE);
    statSync(WORKER);
    return readFileSync(STAMP, 'utf8');
  } catch {
    return null;
  }
}

/** Makes the bundle; each file is written beside its place and renamed into it, so processes starting at once never load half a file. */
async function compile(stamp) {
  const { build } = await import('esbuild');
  mkdirSync(DIST, { recursive: true });
  const unique = `${process.pid}-${Date.now()}`;
  const options = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error', absWorkingDir: ROOT };
  const fingerprintModule = join(DIST, `.fingerprints-${unique}.mjs`);
  await build({ ...options, entryPoints: [join(ROOT, 'src/pipeline/fingerprints.ts')], outfile: fingerprintModule });
  let prints;
  try {
    prints = await (await import(pathToFileURL(fingerprintModule).href)).computeFingerprints(ROOT);
  } finally {
    rmSync(fingerprintModule, { force: true });
  }
  // The CLI, and the thread that speaks to Pagefind (src/search/index-thread.ts), each a module of its own.
  const define = { BULLETIN_FINGERPRINTS: JSON.stringify(prints), BULLETIN_COMPILED: 'true' };
  for (const [entry, output] of [['src/search/index-thread-worker.ts', WORKER], ['src/cli/run.ts', BUNDLE]]) {
    const partial = join(DIST, `.${unique}-${output.split('/').at(-1)}`);
    await build({ ...options, entryPoints: [join(ROOT, entry)], outfile: partial, define });
    renameSync(partial, output);
  }
  writeFileSync(`${STAMP}.${unique}`, stamp);
  renameSync(`${STAMP}.${unique}`, STAMP);
}

// `node scripts/compile-cli.mjs` (npm's prepare and pretest): make the bundle now, if it is not up to date.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await ensureCompiled();
