/**
 * Writes the Pagefind bundle for the archive's search page from article
 * records, in the index form of `index-content.ts` (one word position per
 * ideographic character), so that the search page can find exact phrases.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { transformSync } from 'esbuild';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { SEPARATOR, toIndexText } from './index-content.ts';

export interface SearchRecord {
  /** Site-absolute URL, base path included (`/base/issues/549/x/`). */
  url: string;
  title: string;
  /** Plain text of the article body. */
  text: string;
  /**
   * Shown with each result (`issue`, `column`, `source`, `date`, and
   * optionally `title_en` and `issue_en` for the English page);
   * `title` is always set from `title`. `date` (ISO, `2022-11-30`) orders
   * the results, newest first.
   */
  meta: Record<string, string>;
  /** Filter values: park[], column[], year[]. */
  filters: Record<string, string[]>;
}

export interface BuildSearchIndexOptions {
  /** The site's output folder; the bundle goes to `<outDir>/pagefind/`. */
  outDir: string;
  records: readonly SearchRecord[];
  /**
   * The one language of the index, as in `<html lang>`: `zh-CN`. Pagefind
   * keeps language codes apart by their exact spelling (`zh`, `zh-cn` and
   * `zh-CN` are three indexes) while its browser script looks the index up
   * by `<html lang>` lower-cased, so the index is written under the
   * lower-cased code (`zh-cn`).
   */
  language: string;
}

export interface BuildSearchIndexResult {
  pages: number;
  files: number;
  ms: number;
}

/**
 * Word positions per index chunk. Pagefind's default (about 20,000) makes
 * a first query fetch ~25 KB per character; 2,000 measured best for the
 * first-query download on the 600-article synthetic archive. Read by the
 * Pagefind binary from its environment (an unstable, undocumented knob: if a
 * later Pagefind ignores it, search stays correct and only downloads more).
 */
export const INDEX_CHUNK_SIZE = 2000;
const CHUNK_SIZE_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';
/** How long one Pagefind call, or a backlog of records without any answer, may take before the build gives up on the service. */
const STEP_TIMEOUT_MS = 300_000;

/** What the index holds for a record: its title, a separator, then its text. */
export function recordContent(record: Pick<SearchRecord, 'title' | 'text'>): string {
  const title = toIndexText(record.title);
  const text = toIndexText(record.text);
  if (title === '') return text;
  if (text === '') return title;
  return `${title} ${SEPARATOR} ${text}`;
}

/** The index language for a page language: canonical BCP 47, lower-cased (`zh-CN` → `zh-cn`). */
export function indexLanguage(language: string): string {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(language)[0];
  } catch {
    canonical = undefined;
  }
  if (canonical === undefined) throw new Error(`Not a language code: ${JSON.stringify(language)}`);
  return canonical.toLowerCase();
}

function check(what: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${what} failed: ${errors.join('; ')}`);
}

/**
 * Awaits a Pagefind call. The Node API never settles a call whose service
 * process died (it panics, for one, when it cannot write its output), and
 * the service does not keep Node alive; this timer does, and turns the
 * silence into an error.
 */
async function step<T>(what: string, call: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Pagefind ${what} did not answer within ${STEP_TIMEOUT_MS / 1000} s (did its service stop?)`)),
      STEP_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Checks records as they arrive; `urls` holds the URLs seen so far in this index. */
/**
 * Awaits every answer of a backlog that the service works through one by one:
 * gives up only when no answer has come for {@link STEP_TIMEOUT_MS}, however
 * long the whole backlog takes.
 */
function allMakingProgress(what: string, answers: readonly Promise<void>[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reject(new Error(`Pagefind ${what} made no progress within ${STEP_TIMEOUT_MS / 1000} s (did its service stop?)`)), STEP_TIMEOUT_MS);
    };
    arm();
    for (const answer of answers) answer.then(arm, () => undefined);
    Promise.all(answers).then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function validate(records: readonly SearchRecord[], urls: Set<string>): void {
  for (const r of records) {
    if (typeof r.url !== 'string' || !r.url.startsWith('/')) {
      throw new Error(`Search record URL must be site-absolute: ${JSON.stringify(r.url)}`);
    }
    if (urls.has(r.url)) throw new Error(`Duplicate search record URL: ${r.url}`);
    urls.add(r.url);
    if (typeof r.title !== 'string' || typeof r.text !== 'string') {
      throw new Error(`Search record ${r.url}: title and text must be strings`);
    }
    for (const [k, v] of Object.entries(r.meta)) {
      if (typeof v !== 'string') throw new Error(`Search record ${r.url}: meta ${k} must be a string`);
    }
    for (const [k, v] of Object.entries(r.filters)) {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
        throw new Error(`Search record ${r.url}: filter ${k} must be an array of strings`);
      }
    }
  }
}

/**
 * Minifies a script Pagefind wrote. Its own minifier leaves `pagefind.js`,
 * which every search page loads, at 13.4 KB gzip; esbuild makes it 11.5 KB.
 */
async function minifyScript(path: string): Promise<void> {
  const { code } = transformSync(await readFile(path, 'utf8'), { loader: 'js', minify: true, sourcefile: path });
  await writeFile(path, code);
}

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    n += entry.isDirectory() ? await countFiles(join(dir, entry.name)) : 1;
  }
  return n;
}

/** Pagefind's Node API drives one shared service process: one index at a time. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * An index being built: records are added as they become known (the
 * Pagefind service indexes each while the caller goes on), then written.
 */
export interface SearchIndexSession {
  /** Sends records to Pagefind without waiting; throws at once for an invalid record. */
  add(records: readonly SearchRecord[]): void;
  /** Waits for every record, writes `<outDir>/pagefind/`, and ends the session. Throws with Pagefind's messages. */
  write(outDir: string): Promise<BuildSearchIndexResult>;
  /** Ends the session without writing. */
  close(): Promise<void>;
}

/** Builds `<outDir>/pagefind/` from the records, in one session. */
export async function buildSearchIndex({ outDir, records, language }: BuildSearchIndexOptions): Promise<BuildSearchIndexResult> {
  const session = await openSearchIndex(language);
  try {
    session.add(records);
  } catch (error) {
    await session.close();
    throw error;
  }
  return session.write(outDir);
}

/** Starts a Pagefind index for pages in `language` once any earlier session has ended. */
export function openSearchIndex(language: string): Promise<SearchIndexSession> {
  let release = () => {};
  const turn = queue.then(() => undefined);
  queue = turn.then(() => new Promise<void>((resolve) => (release = resolve)));
  return turn.then(async () => {
    try {
      return await open(indexLanguage(language), release);
    } catch (error) {
      release();
      throw error;
    }
  });
}

async function open(lang: string, release: () => void): Promise<SearchIndexSession> {
  const started = performance.now();
  // The service reads the chunk size from its environment when it starts:
  // stop any running one, start ours with the variable set.
  await pagefind.close();
  const previous = process.env[CHUNK_SIZE_ENV];
  if (previous === undefined) process.env[CHUNK_SIZE_ENV] = String(INDEX_CHUNK_SIZE);
  let created: ReturnType<typeof pagefind.createIndex>;
  try {
    created = pagefind.createIndex({});
  } finally {
    if (previous === undefined) delete process.env[CHUNK_SIZE_ENV];
  }
  let index: pagefind.PagefindIndex;
  try {
    const answer = await step('createIndex', created);
    check('createIndex', answer.errors);
    if (answer.index === undefined) throw new Error('Pagefind createIndex returned no index');
    index = answer.index;
  } catch (error) {
    await pagefind.close();
    throw error;
  }

  const urls = new Set<string>();
  const added: Promise<void>[] = [];
  let ended = false;
  const end = async () => {
    if (ended) return;
    ended = true;
    try {
      await pagefind.close();
    } finally {
      release();
    }
  };
  return {
    add(records) {
      if (ended) throw new Error('Search index session has ended');
      validate(records, urls);
      // Nothing is awaited here: the service answers in any order, and write() collects the answers.
      for (const r of records) {
        const answer = index
          .addCustomRecord({
            url: r.url,
            content: recordContent(r),
            language: lang,
            meta: { ...r.meta, title: r.title },
            filters: r.filters,
            // Every record needs the key: a sorted search drops pages without it.
            sort: { date: r.meta.date ?? '' },
          })
          .then((result) => check(`addCustomRecord(${r.url})`, result.errors));
        // A failure is reported by write(); until then it must not count as unhandled.
        answer.catch(() => undefined);
        added.push(answer);
      }
    },
    async write(outDir) {
      if (ended) throw new Error('Search index session has ended');
      try {
        const outputPath = resolve(outDir, 'pagefind');
        // Pagefind's writer panics (and the call never settles) if it cannot create this.
        await mkdir(outputPath, { recursive: true });
        await allMakingProgress('addCustomRecord', added);
        const written = await step('writeFiles', index.writeFiles({ outputPath }));
        check('writeFiles', written.errors);
        await minifyScript(join(outputPath, 'pagefind.js'));
        return { pages: urls.size, files: await countFiles(outputPath), ms: Math.round(performance.now() - started) };
      } finally {
        await end();
      }
    },
    close: end,
  };
}
