/**
 * Where builds are kept, and each build's own record. `--out` is a symbolic
 * link to one build folder in `<parent>/.bulletin-builds/<name>/`; beside
 * each build, `<build>.build.json` says which `--out` it was made for, which
 * process made it, whether it was published, and every file it wrote with
 * the key of what the file was made from. A build is this tool's to replace
 * or remove only when its record says so: the record is the proof.
 */
import { hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { lstat, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';

export const BUILDS_FOLDER = '.bulletin-builds';
const RECORD_TOOL = 'bulletin-build';
const RECORD_VERSION = 1;

/** A file as a build wrote it: the key of what it was made from, and its size and modification time then. */
export type FileStamp = readonly [key: string, size: number, mtimeMs: number];

export interface BuildRecord {
  tool: typeof RECORD_TOOL;
  version: typeof RECORD_VERSION;
  /** The place of the `--out` the build was made for (its parent folders' links resolved). */
  out: string;
  /** The process that wrote it. */
  pid: number;
  state: 'writing' | 'published';
  /** Every file of the build, by path relative to it with `/` separators; empty while writing. */
  files: Record<string, FileStamp>;
}

/** The folder that keeps the builds of the site at `out`. */
export function buildsOf(out: string): string {
  return join(dirname(out), BUILDS_FOLDER, basename(out));
}

/** The record kept beside a build. */
export function recordOf(build: string): string {
  return `${build}.build.json`;
}

/** The list of files that builds of an earlier release kept beside them: proof of the files, not of the owner. */
export function earlierListOf(build: string): string {
  return `${build}.files`;
}

/** Every file under `dir`, as sorted relative paths with `/` separators. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * A record is two lines: the head (what the build is: tool, version, out,
 * pid, state, and the SHA-256 of the second line), then its files. Pruning
 * reads the head alone; the files are trusted only when their digest is the
 * head's, so a record edited or cut short counts as none.
 */
type RecordHead = Omit<BuildRecord, 'files'> & { filesSha256: string };

/** The head of the record of `build` (what it is, not its files), or null when it has none that this tool wrote. */
export function readRecordHead(build: string): Omit<BuildRecord, 'files'> | null {
  const head = readLines(build)?.head;
  if (!head) return null;
  const { filesSha256: _digest, ...rest } = head;
  return rest;
}

/** The record of `build`, or null when it has none that this tool wrote (missing, unreadable, cut short, edited, or not one). */
export function readRecord(build: string): BuildRecord | null {
  const lines = readLines(build);
  if (!lines?.head || hash('sha256', lines.files) !== lines.head.filesSha256) return null;
  let files: unknown;
  try {
    files = JSON.parse(lines.files);
  } catch {
    return null;
  }
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return null;
  const { filesSha256: _digest, ...head } = lines.head;
  return { ...head, files: files as BuildRecord['files'] };
}

function readLines(build: string): { head: RecordHead | null; files: string } | null {
  let text: string;
  try {
    text = readFileSync(recordOf(build), 'utf8');
  } catch {
    return null;
  }
  const end = text.indexOf('\n');
  let head: unknown;
  try {
    head = JSON.parse(end < 0 ? text : text.slice(0, end));
  } catch {
    return null;
  }
  return { head: isHead(head) ? head : null, files: end < 0 ? '' : text.slice(end + 1) };
}

function isHead(value: unknown): value is RecordHead {
  const head = value as Partial<RecordHead> | null;
  return (
    typeof head === 'object' &&
    head !== null &&
    head.tool === RECORD_TOOL &&
    head.version === RECORD_VERSION &&
    typeof head.out === 'string' &&
    Number.isInteger(head.pid) &&
    (head.state === 'writing' || head.state === 'published') &&
    typeof head.filesSha256 === 'string'
  );
}

/** Writes a build's record in one step (a new file renamed over the old one). */
export async function writeRecord(build: string, record: Omit<BuildRecord, 'tool' | 'version'>): Promise<void> {
  const path = recordOf(build);
  const partial = `${path}.partial`;
  const { files, ...rest } = record;
  const filesLine = JSON.stringify(files);
  const head: RecordHead = { tool: RECORD_TOOL, version: RECORD_VERSION, ...rest, filesSha256: hash('sha256', filesLine) };
  try {
    await writeFile(partial, `${JSON.stringify(head)}\n${filesLine}`);
    await rename(partial, path);
  } catch (error) {
    // A full disk: what was written of it goes too.
    await rm(partial, { force: true });
    throw error;
  }
}

/** Files at a build at most this many stat calls at a time. */
const STAT_AT_ONCE = 64;

/**
 * Stamps every file under `build`: those in `known` as they are there (files
 * linked from the previous build, unchanged), the others with their key from
 * `keys` ('' for one made from nothing the next build can compare) and their
 * size and modification time now. `paths` lists the build's files when the
 * caller knows them, which saves a walk over the build.
 */
export async function stampFiles(build: string, keys: ReadonlyMap<string, string>, known: ReadonlyMap<string, FileStamp> = new Map(), paths: readonly string[] = filesUnder(build)): Promise<Record<string, FileStamp>> {
  const stamps: Record<string, FileStamp> = {};
  const fresh = paths.filter((path) => {
    const stamp = known.get(path);
    if (stamp) stamps[path] = stamp;
    return !stamp;
  });
  let next = 0;
  const worker = async () => {
    for (let path = fresh[next++]; path !== undefined; path = fresh[next++]) {
      const info = await lstat(join(build, path));
      stamps[path] = [keys.get(path) ?? '', info.size, info.mtimeMs];
    }
  };
  await Promise.all(Array.from({ length: Math.min(STAT_AT_ONCE, fresh.length) }, worker));
  return stamps;
}

/** Files in `build` that its record (or an earlier release's list) does not name: somebody else put them there. */
export function foreignFiles(build: string): string[] {
  const listed = listedFiles(build);
  return filesUnder(build).filter((path) => !listed.has(path));
}

/** The files a build's record (or an earlier release's list) says it wrote. */
export function listedFiles(build: string): Set<string> {
  const record = readRecord(build);
  if (record) return new Set(Object.keys(record.files));
  try {
    return new Set(readFileSync(earlierListOf(build), 'utf8').split('\n'));
  } catch {
    return new Set();
  }
}
