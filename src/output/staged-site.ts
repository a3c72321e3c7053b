/**
 * Publishing a build so that no reader ever sees a half-written site or none
 * at all. Each build is written into a folder of its own beside `--out`
 * (`<parent>/.bulletin-builds/<name>/<id>/`); `--out` is a symbolic link to
 * the current one, switched by a single rename(2). Whenever a build fails,
 * is killed or is interrupted, `--out` is still the previous site.
 */
import { existsSync, readdirSync, readlinkSync, rmdirSync, rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, symlink } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { withFolderLock, isRunning } from './folder-lock.ts';
import { checkOutputPlace, foreignFilesOf, locate, refuseForeign, type OutputRules, type OutputState } from './output-target.ts';
import { buildsOf, listedFiles, readRecord, readRecordHead, recordOf, stampFiles, writeRecord, type BuildRecord, type FileStamp } from './build-record.ts';
import { describeWriteError } from './write-errors.ts';

export interface StagedSite {
  /** Where this build writes its site. */
  readonly dir: string;
  /** The build published at `--out` when this one was staged, with its record, or null. */
  readonly previous: { dir: string; record: BuildRecord } | null;
  /**
   * Builds pruned by earlier publishing, waiting to be removed (folders of
   * `trash-<pid>-<n>`): removing 40,000 files takes seconds, which the next
   * build spends beside its own work rather than the publishing one after its.
   */
  readonly trash: readonly string[];
  /**
   * Settles when the published build has been looked through (in the
   * background) for files somebody added to it, which the new site would
   * drop; rejects with OutputRefused if it holds any. `publish` waits for it.
   */
  readonly intact: Promise<void>;
  /**
   * Records every file of this build (its key from `keys`, the key of what
   * it was made from; those in `known`, linked unchanged from the previous
   * build, as they were) and makes it the site at `--out` in one step, then
   * sets this `--out`'s builds older than the one it replaced aside as trash.
   */
  publish(keys?: ReadonlyMap<string, string>, known?: ReadonlyMap<string, FileStamp>): Promise<void>;
  /** Removes this build's folder, unless it was published. */
  discard(): Promise<void>;
  /** The same, synchronously: for a signal handler, which must be done before the process ends. */
  discardNow(): void;
}

const BUILD_NAME = /^\d{8}-\d{9}-(\d+)-\d+$/u;
const TRASH_NAME = /^trash-\d+-\d+$/u;
const RECORD_NAME = /^(\d{8}-\d{9}-\d+-\d+)\.build\.json$/u;
const LEFTOVER = /^\.link-(\d+)-\d+$|^\d{8}-\d{9}-(\d+)-\d+\.build\.json\.partial$/u;
/** Builds of this process still being written: never removed by its own publishing. */
const unpublished = new Set<string>();
let builds = 0;
let trashed = 0;
/** How long writes already started may take to land after a build is abandoned. */
const IN_FLIGHT_MS = 3_000;

/** A folder for a new build of the site at `out`, after checking that `out` may be replaced at all. */
export async function stageSite(out: string, rules: OutputRules): Promise<StagedSite> {
  const state = checkOutputPlace(out, rules);
  const place = locate(out);
  const folder = buildsOf(place);
  const dir = join(folder, buildName());
  try {
    await makeFolders(folder);
    // Claimed before its folder exists: a build this record does not name is never this --out's to remove,
    // so a build killed between the two leaves a record (removed by a later build), never a folder nobody can claim.
    await writeRecord(dir, { out: place, pid: process.pid, state: 'writing', files: {} });
    await mkdir(dir);
  } catch (error) {
    rmSync(recordOf(dir), { force: true });
    rmSync(dir, { recursive: true, force: true });
    removeEmptyFolders(folder);
    throw describeWriteError(error, `create the build folder ${dir}`);
  }
  unpublished.add(dir);
  let published = false;
  const forget = () => unpublished.delete(dir);
  const previousRecord = state.kind === 'published' ? readRecord(state.build) : null;
  const previousListed = previousRecord ? new Set(Object.keys(previousRecord.files)) : new Set<string>();
  const intact = state.kind === 'published' ? foreignFilesOf(state.build, previousRecord ? previousListed : listedFiles(state.build)).then((foreign) => refuseForeign(out, foreign)) : Promise.resolve();
  // Awaited by publish, or by the caller sooner: never an unhandled rejection in between.
  intact.catch(() => undefined);
  return {
    dir,
    previous: state.kind === 'published' && previousRecord ? { dir: state.build, record: previousRecord } : null,
    trash: readdirSafe(folder)
      .filter((name) => TRASH_NAME.test(name))
      .map((name) => join(folder, name)),
    intact,
    async publish(keys = new Map(), known = new Map()) {
      await intact;
      const paths = [...new Set([...keys.keys(), ...known.keys()])].sort();
      await withFolderLock(folder, async () => {
        // Under the lock: a build recorded as published is one that has been
        // (or is being, by the lock's holder), so pruning can tell a finished
        // build of a process still exiting from one being written.
        try {
          await writeRecord(dir, { out: place, pid: process.pid, state: 'published', files: await stampFiles(dir, keys, known, paths.length > 0 ? paths : undefined) });
        } catch (error) {
          throw describeWriteError(error, `write the record of ${dir}`);
        }
        // Checked again: the place may have changed while the site was built (another build published meanwhile).
        const now = checkOutputPlace(out, rules);
        if (now.kind === 'published' && now.build !== (state.kind === 'published' ? state.build : null)) refuseForeign(out, await foreignFilesOf(now.build, listedFiles(now.build)));
        const previous = await pointAt(place, dir, now);
        published = true;
        forget();
        await removeOldBuilds(folder, place, [dir, previous]);
      });
    },
    async discard() {
      if (published) return;
      forget();
      await rm(dir, { recursive: true, force: true });
      await rm(recordOf(dir), { force: true });
      removeEmptyFolders(folder);
    },
    discardNow() {
      if (published) return;
      forget();
      removeNow(dir);
      rmSync(recordOf(dir), { force: true });
      removeEmptyFolders(folder);
    },
  };
}

/** A first build that failed leaves no empty folders behind: the builds folder of `--out`, and `.bulletin-builds`. */
function removeEmptyFolders(folder: string): void {
  for (const empty of [folder, dirname(folder)]) {
    try {
      rmdirSync(empty);
    } catch {
      return;
    }
  }
}

/**
 * Removes `dir` with this thread held until it stays gone: writes already
 * handed to the thread pool (a queue of mkdir and writeFile) still land after
 * a first removal, and would leave part of the build behind.
 */
function removeNow(dir: string): void {
  const hold = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + IN_FLIGHT_MS;
  let goneFor = 0;
  while (goneFor < 2 && Date.now() < deadline) {
    if (existsSync(dir)) {
      goneFor = 0;
      rmSync(dir, { recursive: true, force: true });
    } else goneFor++;
    Atomics.wait(hold, 0, 0, 50);
  }
}

/**
 * mkdir -p, one folder at a time: a recursive mkdir reports ENOENT where the
 * real cause is a read-only file system or a missing permission.
 */
async function makeFolders(path: string): Promise<void> {
  const missing: string[] = [];
  for (let folder = path; !existsSync(folder); folder = dirname(folder)) missing.unshift(folder);
  for (const folder of missing) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/** `20261201-123456789-<pid>-<n>`: sorts by time, names the process that writes it. */
function buildName(): string {
  const stamp = new Date().toISOString().replace(/\D/gu, '').slice(0, 17);
  return `${stamp.slice(0, 8)}-${stamp.slice(8)}-${process.pid}-${++builds}`;
}

/** Switches `place` to `build` with one rename of a symbolic link over it; returns the build it replaced, if any. */
async function pointAt(place: string, build: string, state: OutputState): Promise<string | null> {
  const folder = dirname(build);
  const link = join(folder, `.link-${process.pid}-${builds}`);
  await rm(link, { force: true });
  await symlink(relative(dirname(place), build), link);
  const previous = state.kind === 'published' ? state.build : null;
  if (state.kind === 'empty-folder') await rmdir(place);
  await rename(link, place);
  return previous;
}

/**
 * Keeps the current build and the one it replaced (a reader may still be
 * reading that one, and it is one rename away from a rollback). Removes the
 * other builds whose record says they were made for this `--out` (the
 * builds folder may be shared with another archive, through a link), except
 * those that running processes are still writing and any that a link of
 * this folder's parent points at; and what killed builds of this `--out` left half-made.
 */
async function removeOldBuilds(folder: string, place: string, keep: readonly (string | null)[]): Promise<void> {
  const linked = linkedBuilds(dirname(place));
  for (const name of await readdir(folder)) {
    const path = join(folder, name);
    const build = BUILD_NAME.exec(name);
    const record = build ? readRecordHead(path) : null;
    if (build && record?.out === place && !keep.includes(path) && !linked.has(path) && (record.state === 'published' || !isBeingWritten(path, record.pid))) {
      // Its record goes first: a build without one is nobody's, never a site to serve or to link from.
      await rm(recordOf(path), { force: true });
      await rename(path, join(folder, `trash-${process.pid}-${++trashed}`));
    }
    // A record whose build was killed before its folder was made.
    const claim = RECORD_NAME.exec(name);
    if (claim?.[1] && !existsSync(join(folder, claim[1]))) {
      const head = readRecordHead(join(folder, claim[1]));
      if (head?.out === place && !isRunning(head.pid)) await rm(path, { force: true });
    }
    const leftover = LEFTOVER.exec(name);
    const pid = Number(leftover?.[1] ?? leftover?.[2]);
    if (leftover && pid !== process.pid && !isRunning(pid)) await rm(path, { force: true });
  }
}

/** The builds that symbolic links in `parent` point at: another `--out`, or a rollback link somebody made. */
function linkedBuilds(parent: string): Set<string> {
  const linked = new Set<string>();
  for (const name of readdirSafe(parent)) {
    try {
      linked.add(resolve(parent, readlinkSync(join(parent, name))));
    } catch {
      // Not a link.
    }
  }
  return linked;
}

function readdirSafe(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function isBeingWritten(dir: string, pid: number): boolean {
  return pid === process.pid ? unpublished.has(dir) : isRunning(pid);
}
