/**
 * What each cache of the pipeline is invalidated by, found from the code
 * itself rather than listed by hand: the files that a stage's entry module
 * imports (as esbuild's bundler finds them), every other file in the same
 * folders (the gazetteer and alias tables are read at run time, beside the
 * code that reads them), and the installed packages (package-lock.json).
 *
 * The CLI's compiled bundle carries the fingerprints it was built with
 * (scripts/build-cli.mjs); run from source (tests, tsx), they are computed
 * here once per process.
 */
import { hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';

export interface Fingerprints {
  /** Seeds → records: src/parse/parse-issue.ts and what it imports, with their data. */
  parser: string;
  /** Search records → a Pagefind index part: src/search/index-part.ts and what it imports, and Pagefind's version. */
  indexer: string;
  /** A page's view model → its file: the templates, and Eleventy's configuration (src/render/render-pages.ts). */
  renderer: string;
}

/** The entry of each stage, relative to the project. */
export const STAGE_ENTRIES = {
  parser: 'src/parse/parse-issue.ts',
  indexer: 'src/search/index-part.ts',
  renderer: 'src/render/render-pages.ts',
} as const satisfies Record<keyof Fingerprints, string>;

/** Folders whose every file a stage depends on besides its code. */
const STAGE_FOLDERS: Record<keyof Fingerprints, readonly string[]> = {
  parser: [],
  indexer: [],
  renderer: ['templates'],
};

/** Files every stage depends on: the installed packages. */
const SHARED_FILES = ['package-lock.json'];

declare const BULLETIN_FINGERPRINTS: Fingerprints | undefined;

let computed: Promise<Fingerprints> | null = null;

/** The fingerprints of the running code. */
export function fingerprints(): Promise<Fingerprints> {
  if (typeof BULLETIN_FINGERPRINTS !== 'undefined') return Promise.resolve(BULLETIN_FINGERPRINTS);
  return (computed ??= computeFingerprints(PROJECT_ROOT));
}

/** Fingerprints of the project at `root`, from its source files. */
export async function computeFingerprints(root: string): Promise<Fingerprints> {
  const entries = Object.entries(STAGE_ENTRIES) as [keyof Fingerprints, string][];
  const pairs = await Promise.all(entries.map(async ([stage, entry]) => [stage, await stageFingerprint(root, entry, STAGE_FOLDERS[stage])] as const));
  return Object.fromEntries(pairs) as unknown as Fingerprints;
}

async function stageFingerprint(root: string, entry: string, folders: readonly string[]): Promise<string> {
  const { build } = await import('esbuild');
  const { metafile } = await build({ entryPoints: [join(root, entry)], bundle: true, write: false, metafile: true, packages: 'external', platform: 'node', format: 'esm', logLevel: 'silent', absWorkingDir: root });
  const codeFolders = new Set(Object.keys(metafile.inputs).map((input) => dirname(join(root, input))));
  const files = new Set<string>(SHARED_FILES.map((file) => join(root, file)));
  for (const folder of codeFolders) for (const file of filesIn(folder, false)) files.add(file);
  for (const folder of folders) for (const file of filesIn(join(root, folder), true)) files.add(file);
  return digestFiles(root, [...files].sort());
}

function filesIn(folder: string, recursive: boolean): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function digestFiles(root: string, files: readonly string[]): string {
  const parts: string[] = [];
  for (const file of files) {
    let content: string;
    try {
      content = hash('sha256', readFileSync(file), 'base64url');
    } catch {
      content = 'missing';
    }
    parts.push(`${relative(root, file)}\0${content}`);
  }
  return hash('sha256', parts.join('\n'), 'base64url');
}
