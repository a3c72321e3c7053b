/**
 * A Pagefind index built from this thread: records go to the service as they
 * arrive (it indexes each while the caller goes on), then the bundle is
 * written. The first failure is kept and reported by `write`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { transformSync } from 'esbuild';
import type { SearchIndexer } from './indexer.ts';
import { startPagefindService, type PagefindService } from './pagefind-service.ts';
import { indexLanguage, recordContent, validateRecords, type SearchRecord } from './search-record.ts';

/**
 * Word positions per index chunk. Pagefind's default (about 20,000) makes a
 * first query fetch ~25 KB per character; 2,000 measured best for the
 * first-query download on the 600-article synthetic archive. The service
 * reads it from its environment (an unstable, undocumented knob: if a later
 * Pagefind ignores it, search stays correct and only downloads more).
 */
export const INDEX_CHUNK_SIZE = 2000;

type StartService = (env: Record<string, string>) => PagefindService;

/** The session, and the service's process id once it runs (for a thread that must stop it at once). */
export function openIndexSession(language: string, start: StartService = startPagefindService): SearchIndexer & { servicePid: number | undefined } {
  const started = performance.now();
  const urls = new Set<string>();
  const answers: Promise<void>[] = [];
  let failure: unknown = null;
  const fail = (error: unknown) => {
    failure ??= error;
  };
  let service: PagefindService | null = null;
  let lang = '';
  let index: Promise<number> = Promise.resolve(0);
  try {
    lang = indexLanguage(language);
    service = start({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_SIZE) });
    index = service.request({ type: 'NewIndex', config: {} }).then((answer) => Number(answer.index_id));
    index.catch(fail);
  } catch (error) {
    fail(error);
  }

  const send = (open: PagefindService, record: SearchRecord) =>
    index
      .then((id) =>
        open.request({
          type: 'AddRecord',
          index_id: id,
          url: record.url,
          content: recordContent(record),
          language: lang,
          meta: { ...record.meta, title: record.title },
          filters: record.filters,
          // Every record needs the key: a sorted search drops pages without it.
          sort: { date: record.meta.date ?? '' },
        }),
      )
      .then(
        () => undefined,
        (error: Error) => fail(new Error(`Pagefind could not index ${record.url}: ${error.message}`, { cause: error })),
      );

  const stopNow = () => {
    service?.close();
    service = null;
  };
  return {
    servicePid: service?.pid,
    add(records) {
      if (failure !== null || service === null) return;
      try {
        validateRecords(records, urls);
      } catch (error) {
        fail(error);
        return;
      }
      for (const record of records) answers.push(send(service, record));
    },
    async write(outDir) {
      try {
        await Promise.all(answers);
        if (failure !== null) throw failure;
        if (service === null) throw new Error('Search index session has ended');
        const outputPath = resolve(outDir, 'pagefind');
        // Not recursive: a build folder removed meanwhile (an interrupted build) must stay removed.
        await mkdir(outputPath).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        });
        await service.request({ type: 'WriteFiles', index_id: await index, output_path: outputPath });
        await minifyScript(join(outputPath, 'pagefind.js'));
        return { pages: urls.size, ms: Math.round(performance.now() - started) };
      } finally {
        stopNow();
      }
    },
    close: async () => stopNow(),
    stopNow,
  };
}

/**
 * Minifies the script Pagefind wrote. Its own minifier leaves `pagefind.js`,
 * which every search page loads, at 13.4 KB gzip; esbuild makes it 11.5 KB.
 */
async function minifyScript(path: string): Promise<void> {
  const { code } = transformSync(await readFile(path, 'utf8'), { loader: 'js', minify: true, sourcefile: path });
  await writeFile(path, code);
}
