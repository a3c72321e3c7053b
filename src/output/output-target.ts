/**
 * Decides whether a build may replace what stands at `--out`. The build
 * replaces its output folder as a whole, so it refuses any place where that
 * would remove something it did not make: the seeds, the project, a folder
 * of the user's, a file.
 */
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { BUILDS_FOLDER, buildsOf, foreignFiles } from './build-record.ts';

/** What stands at `--out`, once it is known that a build may replace it. */
export type OutputState =
  | { kind: 'absent' }
  | { kind: 'empty-folder' }
  /** A symbolic link to a build in the builds folder beside it. */
  | { kind: 'published'; build: string };

/** A refusal, worded for the person who typed `--out`: what is there, and how to go on. */
export class OutputRefused extends Error {
  override name = 'OutputRefused';
}

export interface OutputRules {
  /** Seed folders or files: the site must not be one, lie inside one, or hold one. */
  seeds: readonly string[];
  /** The project and the working directory: the site must not be one or hold one. */
  protectedRoots: readonly string[];
}

/** Files every build writes: a folder holding all of them looks like a site, which proves nothing about who made it. */
const SITE_LANDMARKS = ['index.html', 'sitemap.xml', 'data/archive.json', 'pagefind/pagefind.js'];
const LISTED_AT_MOST = 5;

/** Throws {@link OutputRefused} unless a build may replace what is at `out`; otherwise says what is there. */
export function checkOutput(out: string, rules: OutputRules): OutputState {
  const state = checkOutputPlace(out, rules);
  if (state.kind === 'published') refuseForeign(out, foreignFiles(state.build));
  return state;
}

/**
 * The same checks, except the look into a published build for files that
 * somebody added to it: that takes a walk over the whole build, which
 * {@link foreignFilesOf} does without holding this thread.
 */
export function checkOutputPlace(out: string, rules: OutputRules): OutputState {
  const place = locate(out);
  refuseProtectedPlaces(out, place, rules);
  return stateOf(out, place);
}

/** The files in the published `build` that its record (`listed`) does not list: somebody added them. */
export async function foreignFilesOf(build: string, listed: ReadonlySet<string>): Promise<string[]> {
  const foreign: string[] = [];
  const visit = async (folder: string, prefix: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    await Promise.all(
      entries.map((entry) => {
        const path = prefix + entry.name;
        if (entry.isDirectory()) return visit(join(folder, entry.name), `${path}/`);
        if (!listed.has(path)) foreign.push(path);
        return undefined;
      }),
    );
  };
  await visit(build, '');
  return foreign;
}

/** Throws {@link OutputRefused} when `foreign` names any file: the new site would drop them. */
export function refuseForeign(out: string, foreign: readonly string[]): void {
  if (foreign.length === 0) return;
  throw new OutputRefused(
    `Refusing to replace ${out}: it holds files the build did not write (${listed(foreign)}), which the new site would drop. ` +
      'Move them out of the site folder, then build again.',
  );
}

/** The absolute place of `out` with the symbolic links of its parent folders resolved (not of `out` itself). */
export function locate(out: string): string {
  const absolute = resolve(out);
  return join(realpathOfNearest(dirname(absolute)), basename(absolute));
}

function realpathOfNearest(path: string): string {
  const missing: string[] = [];
  let existing = path;
  while (!existsSync(existing)) {
    missing.unshift(basename(existing));
    existing = dirname(existing);
  }
  return join(realpathSync(existing), ...missing);
}

function refuseProtectedPlaces(out: string, place: string, rules: OutputRules): void {
  const refuse = (why: string, next = 'Choose an output folder of its own, for example `--out _site`.') => {
    throw new OutputRefused(`Refusing to write the site to ${out}: ${why}. The build replaces its output folder as a whole. ${next}`);
  };
  if (parse(place).root === place) refuse('it is the root of the file system');
  const home = realpathOfNearest(homedir());
  if (place === home) refuse('it is your home folder');
  if (isInside(home, place)) refuse(`it holds your home folder ${home}`);
  for (const root of new Set(rules.protectedRoots.map((path) => realpathOfNearest(resolve(path))))) {
    if (place === root) refuse('it is the project folder');
    if (isInside(root, place)) refuse(`it holds the project folder ${root}`);
  }
  for (const seed of rules.seeds.map((path) => realpathOfNearest(resolve(path)))) {
    if (place === seed) refuse('it is the seeds folder');
    if (isInside(seed, place)) refuse(`it holds the seeds ${seed}`);
    if (isInside(place, seed)) refuse(`it is inside the seeds folder ${seed}`);
  }
  if (place.split(sep).includes(BUILDS_FOLDER)) refuse(`it is inside a ${BUILDS_FOLDER} folder, where builds are kept`);
}

function stateOf(out: string, place: string): OutputState {
  let entry;
  try {
    entry = lstatSync(place);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw error;
  }
  if (entry.isSymbolicLink()) return publishedBuild(out, place);
  if (!entry.isDirectory()) {
    throw new OutputRefused(`Refusing to write the site to ${out}: it is a file, not a folder. Choose a folder, for example \`--out _site\`.`);
  }
  const names = readdirSync(place);
  if (names.length === 0) return { kind: 'empty-folder' };
  if (SITE_LANDMARKS.every((landmark) => existsSync(join(place, landmark)))) {
    // A deploy copy, another generator's output, or a site of an earlier release: nothing records that a build of this tool made it.
    throw new OutputRefused(
      `Refusing to replace ${out}: it is a folder that looks like a site (${listed(names)}), but no build of this tool recorded it, so it may hold files of yours. ` +
        `If it is an old build of this archive that you no longer need, move it away (\`mv ${out} ${out}.old\`) or delete it yourself, then build again; or choose another \`--out\`.`,
    );
  }
  throw new OutputRefused(
    `Refusing to replace ${out}: it holds files that no build of this archive wrote (${listed(names)}). ` +
      'Choose a new or empty folder, for example `--out _site`, or move those files away first.',
  );
}

function publishedBuild(out: string, place: string): OutputState {
  const target = readlinkSync(place);
  const build = resolve(dirname(place), target);
  const ours = dirname(build) === buildsOf(place) && !isAbsolute(target);
  if (!ours || !existsSync(build)) {
    throw new OutputRefused(`Refusing to replace ${out}: it is a symbolic link to ${target}, which no build of this archive made. Remove the link or choose another \`--out\`.`);
  }
  return { kind: 'published', build };
}

function listed(names: readonly string[]): string {
  const shown = [...names].sort().slice(0, LISTED_AT_MOST).join(', ');
  return names.length > LISTED_AT_MOST ? `${shown} and ${names.length - LISTED_AT_MOST} more` : shown;
}

/** Whether `inner` lies strictly inside `outer`. */
export function isInside(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}
