// The file system work of reuse.ts, on a thread of its own: tens of
// thousands of small calls (mkdir, lstat, link, rm) that, made from the main
// thread, would each wait for it while it makes the pages. Plain JavaScript
// with Node's own modules only, so that it runs the same from the compiled
// CLI and from the sources.
//
// workerData: { previous, dir, files: [path, size, mtimeMs][], trash: string[] }
// Messages, in this order: { linked: string[] } (the files linked into
// `dir`, each as the record says), { removed: true } (the trash is gone).
import { linkSync, lstatSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const { previous, dir, files, trash } = workerData;
const port = parentPort;

/** Makes every folder the paths need, parents first; false when `dir` itself is gone (the build was stopped). */
function makeFolders(paths) {
  const folders = new Set();
  for (const path of paths) for (let folder = dirname(path); folder !== '.' && !folders.has(folder); folder = dirname(folder)) folders.add(folder);
  for (const folder of [...folders].sort((a, b) => a.split('/').length - b.split('/').length)) {
    try {
      mkdirSync(join(dir, folder));
    } catch (error) {
      if (error.code === 'ENOENT') return false;
      if (error.code !== 'EEXIST') throw error;
    }
  }
  return true;
}

const linked = [];
if (makeFolders(files.map(([path]) => path))) {
  for (const [path, size, mtimeMs] of files) {
    try {
      const info = lstatSync(join(previous, path));
      if (!info.isFile() || info.size !== size || info.mtimeMs !== mtimeMs) continue;
      linkSync(join(previous, path), join(dir, path));
      linked.push(path);
    } catch {
      // Gone from the previous build, or the new one removed (a stopped build): made anew, or not at all.
    }
  }
}
port.postMessage({ linked });

for (const folder of trash) {
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // Left for the next build to try again: the new build is published either way.
  }
}
port.postMessage({ removed: true });
